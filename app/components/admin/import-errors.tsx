import { DataTable } from "./data-table";

/** An import's row errors: the file's row, the column and what is wrong (never the value). */
export function ImportErrors({
  errors,
  skipped,
}: {
  errors: Array<{ row: number; field: string; message: string }>;
  skipped: number;
}) {
  if (!errors.length) return <p>No row has an error.</p>;
  return (
    <>
      <h3>
        {skipped.toLocaleString("en-US")} {skipped === 1 ? "row" : "rows"} skipped
      </h3>
      {errors.length < skipped ? (
        <p className="muted small">The first {errors.length.toLocaleString("en-US")} errors are listed.</p>
      ) : null}
      <DataTable
        rows={errors.map((e, i) => ({ ...e, i }))}
        rowKey={(e) => e.i}
        columns={[
          { head: "Row", cell: (e) => e.row.toLocaleString("en-US") },
          { head: "Column", cell: (e) => e.field },
          { head: "Problem", cell: (e) => e.message },
        ]}
      />
    </>
  );
}
