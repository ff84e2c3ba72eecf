import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/admin/data-table";
import { DateTime } from "~/components/date-time";
import { FormError, TextArea, TextField } from "~/components/forms";
import { BackLink } from "~/components/notice";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { handleImportUpload, recentImports } from "~/modules/supporters/import.server";
import { ImportErrors } from "~/components/admin/import-errors";

export const meta: MetaFunction = () => [{ title: "Import supporters | Organizers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request, "edit-content");
  return { imports: await recentImports() };
}

export async function action({ request }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const answer = await handleImportUpload(request, organizer.id);
  if (answer.data.kind === "started") throw redirect(`/admin/supporters/imports/${answer.data.id}`);
  return answer;
}

const n = (v: number) => v.toLocaleString("en-US");

export default function ImportSupporters() {
  const { imports } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fields = result?.kind === "refused" ? result.fields : {};
  return (
    <div className="stack">
      <BackLink to="/admin/supporters">Supporters</BackLink>
      <h1>Import supporters</h1>
      <p>
        A CSV file exported from another tool (Action Network, CiviCRM, a spreadsheet), one person a row. The
        first line names the columns: <strong>email</strong> (required), first name, last name, ZIP or postal
        code, country, tags (separated by commas) and consent to email (yes or no). A person already on our
        records (same address) is filled in, never added twice. Check the file first: nothing is written until
        you import it.
      </p>
      {result?.kind === "refused" ? <FormError message={result.message} /> : null}
      {result?.kind === "checked" ? (
        <section className="stack" aria-labelledby="check-heading">
          <h2 id="check-heading">What the import would do</h2>
          <p>
            Of {n(result.total)} {result.total === 1 ? "row" : "rows"}: {n(result.wouldCreate)} new{" "}
            {result.wouldCreate === 1 ? "supporter" : "supporters"}, {n(result.wouldUpdate)} already on our
            records (filled in), {n(result.skipped)} skipped for the errors below. Nothing was written: choose
            the file again and press Import.
          </p>
          <ImportErrors errors={result.errors} skipped={result.skipped} />
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <div>
          <label htmlFor="file">CSV file</label>
          {fields.file ? (
            <p id="file-error" className="field-error">
              {fields.file}
            </p>
          ) : null}
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,.txt,text/csv"
            required
            aria-invalid={fields.file ? true : undefined}
            aria-describedby={fields.file ? "file-error" : undefined}
          />
        </div>
        <TextField
          name="sourceTool"
          label="The tool the file comes from"
          hint="Recorded with each person's consent, e.g. Action Network."
          maxLength={80}
          required
          error={fields.sourceTool}
        />
        <TextArea
          name="wording"
          label="What people agreed to when they subscribed"
          hint="The wording of the other tool's sign-up form; stored with each imported consent."
          rows={3}
          maxLength={2000}
          required
          error={fields.wording}
        />
        {fields.intent ? <p className="field-error">{fields.intent}</p> : null}
        <div className="row">
          <button className="button secondary" type="submit" name="intent" value="check">
            Check the file (dry run)
          </button>
          <button className="button" type="submit" name="intent" value="import">
            Import
          </button>
        </div>
      </Form>
      <h2>Earlier imports</h2>
      {imports.length ? (
        <DataTable
          rows={imports}
          rowKey={(r) => r.id}
          columns={[
            {
              head: "Started",
              cell: (r) => (
                <Link to={`/admin/supporters/imports/${r.id}`}>
                  <DateTime value={r.createdAt} />
                </Link>
              ),
            },
            { head: "From", cell: (r) => r.sourceTool },
            {
              head: "People",
              cell: (r) =>
                r.status === "done"
                  ? `${n(r.createdCount)} new, ${n(r.updatedCount)} filled in, ${n(r.skippedCount)} skipped`
                  : `${n(r.processedRows)} of ${n(r.totalRows)} imported so far`,
            },
          ]}
        />
      ) : (
        <p>No imports yet.</p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
