import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import type { FieldKind, Filter, FilterOp } from "./filter";

/** A filterable field: its kind for the parser, the SQL it compares, and how a value is read. */
export interface FilterColumn {
  kind: FieldKind;
  ref: Expression<unknown>;
  value?: (v: string) => string;
}
export type FilterColumns = Record<string, FilterColumn>;

const SQL_OPS: Record<FilterOp, string> = { eq: "=", ne: "<>", gt: ">", ge: ">=", lt: "<", le: "<=" };

export function fieldKinds(columns: FilterColumns): Record<string, FieldKind> {
  return Object.fromEntries(Object.entries(columns).map(([name, c]) => [name, c.kind]));
}

/**
 * The parsed filter as a WHERE condition. Operators come from the fixed table above and every
 * value is a bound parameter: nothing of the filter's text becomes SQL.
 */
export function filterSql(filter: Filter | null, columns: FilterColumns): RawBuilder<SqlBool> {
  if (!filter) return sql<SqlBool>`true`;
  if (filter.kind === "cmp") {
    const column = columns[filter.field];
    const value =
      typeof filter.value === "string" && column.value ? column.value(filter.value) : filter.value;
    return sql<SqlBool>`${column.ref} ${sql.raw(SQL_OPS[filter.op])} ${value}`;
  }
  const join = sql.raw(filter.kind === "and" ? "and" : "or");
  return sql<SqlBool>`(${filterSql(filter.left, columns)} ${join} ${filterSql(filter.right, columns)})`;
}
