import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { outboxPage } from "~/modules/mail/mail.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { DataTable, Pager } from "~/components/admin/data-table";
import { DateTime } from "~/components/date-time";
import { FilterSelect } from "~/components/forms";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request, "read-outbox");
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") || undefined;
  const page = Math.max(0, Number(url.searchParams.get("page")) || 0);
  const [emails, kinds] = await outboxPage({ kind, page });
  return { emails, kinds, kind: kind ?? "", page };
}

export default function Outbox() {
  const { emails, kinds, kind, page } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Outbox</h1>
      <p className="muted">
        Every email the platform has queued or sent. Without a Resend key, nothing leaves this machine: this
        is where mail goes.
      </p>
      <Form method="get" className="toolbar">
        <FilterSelect
          name="kind"
          label="Kind"
          any="All kinds"
          options={Object.fromEntries(kinds.map((k) => [k.kind, `${k.kind} (${k.n})`]))}
          value={kind}
        />
        <button className="button button--small button--secondary" type="submit">
          Filter
        </button>
      </Form>
      <DataTable
        rows={emails}
        rowKey={(e) => e.id}
        columns={[
          { head: "Queued", cell: (e) => <DateTime value={e.createdAt} /> },
          { head: "Kind", cell: (e) => e.kind },
          { head: "To", cell: (e) => e.toAddress },
          { head: "Subject", cell: (e) => <Link to={`/admin/outbox/${e.id}`}>{e.subject}</Link> },
          {
            head: "Status",
            cell: (e) => (
              <>
                {e.status}
                {e.lastError ? ` (${e.attempts} tries: ${e.lastError})` : ""}
              </>
            ),
          },
          { head: "Via", cell: (e) => e.transport ?? "—" },
        ]}
      />
      <Pager page={page} more={emails.length === 50} link={(p) => `?kind=${kind}&page=${p}`} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
