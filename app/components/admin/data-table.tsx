import { Link } from "@remix-run/react";
import type { Key, ReactNode } from "react";

export interface Column<T> {
  head: ReactNode;
  cell: (row: T) => ReactNode;
  /** "num" right-aligns figures. */
  className?: string;
}

/** The organizer area's list table: one column definition gives each header and cell. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
}: {
  columns: Array<Column<T> | false | null>;
  rows: readonly T[];
  rowKey: (row: T) => Key;
}) {
  const shown = columns.filter((c): c is Column<T> => Boolean(c));
  return (
    <table className="data">
      <thead>
        <tr>
          {shown.map((c, i) => (
            <th key={i} className={c.className}>
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {shown.map((c, i) => (
              <td key={i} className={c.className}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Newer" and "Older" links of a paged list, newest first. */
export function Pager({
  page,
  more,
  link = (p) => `?page=${p}`,
}: {
  page: number;
  more: boolean;
  link?: (page: number) => string;
}) {
  return (
    <p className="toolbar">
      {page > 0 ? <Link to={link(page - 1)}>Newer</Link> : null}
      {more ? <Link to={link(page + 1)}>Older</Link> : null}
    </p>
  );
}
