import path from "node:path";
import { sql } from "kysely";
import ts from "typescript";
import { db } from "~db/index.server";

/*
 * The schema types in db/schema/ against the migrated database: every table and column, each
 * column's nullability and kind of type, and that a column the types let an insert omit has a
 * default (or may be null). A migration without its types, or types without their migration,
 * fail here.
 */
type Kind = "number" | "string" | "boolean" | "date" | "array" | "object" | "bytes";
interface TypedColumn {
  nullable: boolean;
  insertOptional: boolean;
  kinds: Set<Kind>;
}

const SQL_KINDS: Record<Kind, RegExp> = {
  number: /^(integer|bigint|smallint|numeric|real|double precision)$/,
  string:
    /^(text|character varying|character|citext|uuid|inet|date|USER-DEFINED|time without time zone|tsvector)$/,
  boolean: /^boolean$/,
  date: /^timestamp with(out)? time zone$/,
  array: /^(ARRAY|jsonb|json)$/,
  object: /^(jsonb|json)$/,
  bytes: /^bytea$/,
};

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function kindsOf(
  checker: ts.TypeChecker,
  type: ts.Type,
): { nullable: boolean; undefinedOk: boolean; kinds: Set<Kind> } {
  const kinds = new Set<Kind>();
  let nullable = false;
  let undefinedOk = false;
  const parts = type.isUnion() ? type.types : [type];
  for (const t of parts) {
    if (t.flags & ts.TypeFlags.Null) nullable = true;
    else if (t.flags & ts.TypeFlags.Undefined) undefinedOk = true;
    else if (t.flags & ts.TypeFlags.NumberLike) kinds.add("number");
    else if (t.flags & ts.TypeFlags.StringLike) kinds.add("string");
    else if (t.flags & ts.TypeFlags.BooleanLike) kinds.add("boolean");
    else if (t.getSymbol()?.getName() === "Date") kinds.add("date");
    else if (t.getSymbol()?.getName() === "Buffer" || t.getSymbol()?.getName() === "Uint8Array")
      kinds.add("bytes");
    else if (checker.isArrayType(t) || checker.isTupleType(t)) kinds.add("array");
    else kinds.add("object");
  }
  return { nullable, undefinedOk, kinds };
}

/** The tables and columns the Kysely `Database` interface declares, read with the TypeScript checker. */
function typedTables(): Map<string, Map<string, TypedColumn>> {
  const file = path.resolve(process.cwd(), "db/schema.ts");
  const program = ts.createProgram([file], {
    strict: true,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const database = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "Database",
  )!;
  const dbType = checker.getTypeAtLocation(database.name);
  const tables = new Map<string, Map<string, TypedColumn>>();
  for (const table of checker.getPropertiesOfType(dbType)) {
    const tableType = checker.getTypeOfSymbolAtLocation(table, database);
    const columns = new Map<string, TypedColumn>();
    for (const column of checker.getPropertiesOfType(tableType)) {
      const columnType = checker.getTypeOfSymbolAtLocation(column, database);
      const select = columnType.getProperty("__select__");
      const insert = columnType.getProperty("__insert__");
      const selected = kindsOf(
        checker,
        select ? checker.getTypeOfSymbolAtLocation(select, database) : columnType,
      );
      const inserted = insert
        ? kindsOf(checker, checker.getTypeOfSymbolAtLocation(insert, database))
        : selected;
      columns.set(snake(column.getName()), {
        nullable: selected.nullable,
        insertOptional: inserted.undefinedOk || Boolean(column.flags & ts.SymbolFlags.Optional),
        kinds: selected.kinds,
      });
    }
    tables.set(snake(table.getName()), columns);
  }
  return tables;
}

describe("db/schema types and the migrated database", () => {
  it("agree on every table, column, nullability, kind of type and default", async () => {
    // (the CamelCasePlugin turns the result's column names into camelCase)
    const rows = await sql<{
      tableName: string;
      columnName: string;
      isNullable: "YES" | "NO";
      dataType: string;
      hasDefault: boolean;
      isGenerated: "ALWAYS" | "NEVER";
    }>`
      select c.table_name, c.column_name, c.is_nullable, c.data_type, c.is_generated,
             (c.column_default is not null or c.is_identity = 'YES' or c.is_generated = 'ALWAYS') as has_default
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.table_name not like 'kysely_migration%'
    `.execute(db());
    const actual = new Map<string, typeof rows.rows>();
    for (const r of rows.rows) actual.set(r.tableName, [...(actual.get(r.tableName) ?? []), r]);
    const typed = typedTables();
    expect(typed.size).toBeGreaterThan(20);

    const problems: string[] = [];
    for (const name of actual.keys())
      if (!typed.has(name)) problems.push(`table ${name} has no type in db/schema`);
    for (const name of typed.keys())
      if (!actual.has(name)) problems.push(`db/schema declares ${name}, which no migration creates`);
    for (const [table, columns] of actual) {
      const types = typed.get(table);
      if (!types) continue;
      for (const c of columns) {
        const t = types.get(c.columnName);
        const where = `${table}.${c.columnName}`;
        if (!t) {
          problems.push(`${where} (${c.dataType}) is missing from db/schema`);
          continue;
        }
        // a generated column is never written, and PostgreSQL reports it as nullable
        if (c.isGenerated !== "ALWAYS" && t.nullable !== (c.isNullable === "YES"))
          problems.push(
            `${where}: the database says ${c.isNullable === "YES" ? "nullable" : "not null"}, the type says ${t.nullable ? "nullable" : "not null"}`,
          );
        if (![...t.kinds].every((k) => SQL_KINDS[k].test(c.dataType)))
          problems.push(`${where}: ${c.dataType} in the database, ${[...t.kinds].join(" | ")} in the type`);
        if (t.insertOptional && c.isNullable === "NO" && !c.hasDefault)
          problems.push(`${where}: the type lets an insert omit it, but it is not null and has no default`);
      }
      for (const name of types.keys())
        if (!columns.some((c) => c.columnName === name))
          problems.push(`${table}.${name} is declared in db/schema but not in the database`);
    }
    expect(problems).toEqual([]);
  });
});
