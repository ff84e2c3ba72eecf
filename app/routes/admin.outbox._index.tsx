import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { outboxPage } from "~/modules/mail/mail.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
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
      <table className="data">
        <thead>
          <tr>
            <th>Queued</th>
            <th>Kind</th>
            <th>To</th>
            <th>Subject</th>
            <th>Status</th>
            <th>Via</th>
          </tr>
        </thead>
        <tbody>
          {emails.map((e) => (
            <tr key={e.id}>
              <td>{<DateTime value={e.createdAt} />}</td>
              <td>{e.kind}</td>
              <td>{e.toAddress}</td>
              <td>
                <Link to={`/admin/outbox/${e.id}`}>{e.subject}</Link>
              </td>
              <td>
                {e.status}
                {e.lastError ? ` (${e.attempts} tries: ${e.lastError})` : ""}
              </td>
              <td>{e.transport ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="toolbar">
        {page > 0 ? <Link to={`?kind=${kind}&page=${page - 1}`}>Newer</Link> : null}
        {emails.length === 50 ? <Link to={`?kind=${kind}&page=${page + 1}`}>Older</Link> : null}
      </p>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
