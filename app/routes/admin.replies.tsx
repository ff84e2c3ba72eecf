import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { invalid, requireFormValues } from "~/lib/input.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { POSITION_LABELS, POSITIONS } from "~/modules/statements/statements";
import { acceptReplySchema, verifySchema } from "~/modules/statements/statements.schema";
import { acceptReply, dismissStatement, replyQueue } from "~/modules/statements/statements.server";

export const meta: MetaFunction = () => [
  { title: "Replies from offices | Organizers" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request);
  return { replies: await replyQueue(), today: new Date().toISOString().slice(0, 10) };
}

export async function action({ request }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const values = await requireFormValues(request);
  if (values.intent === "dismiss") {
    const parsed = verifySchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, { done: null });
    const ok = await dismissStatement(organizer.id, parsed.data.id);
    return ok
      ? { fields: {}, done: "Dismissed." }
      : data({ fields: { _form: "That reply was already handled." }, done: null }, { status: 409 });
  }
  const parsed = acceptReplySchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { done: null });
  const id = await acceptReply(organizer.id, parsed.data.id, parsed.data);
  if (id === null)
    return data({ fields: { _form: "That reply was already handled." }, done: null }, { status: 409 });
  return { fields: {}, done: "Verified: it is public now, and its news is on its way." };
}

/** The triage queue of replies supporters sent in from their delivery pages (unverified, never public). */
export default function Replies() {
  const { replies, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fields: Record<string, string> = result?.fields ?? {};
  return (
    <>
      <h1>Replies from offices</h1>
      <p className="muted small">
        Sent in by supporters from their letters page. Nothing here is public until you verify it with its
        position.
      </p>
      {result?.done ? (
        <p className="notice" role="status">
          {result.done}
        </p>
      ) : null}
      {Object.values(fields).length ? (
        <p className="alert" role="alert">
          {Object.values(fields).join(" ")}
        </p>
      ) : null}
      {replies.length ? (
        <ol className="statement-list">
          {replies.map((r) => (
            <li key={r.id}>
              <h2 className="h4">
                {r.memberName} · <span className="small">{r.campaignTitle}</span>
              </h2>
              <p className="statement-text">{r.body}</p>
              <Form method="post" className="toolbar" aria-label={`Verify the reply from ${r.memberName}`}>
                <input type="hidden" name="id" value={r.id} />
                <div>
                  <label htmlFor={`position-${r.id}`}>Position</label>
                  <select id={`position-${r.id}`} name="position" defaultValue="">
                    <option value="">Choose…</option>
                    {POSITIONS.map((p) => (
                      <option key={p} value={p}>
                        {POSITION_LABELS[p]}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`statedOn-${r.id}`}>Date of the reply</label>
                  <input id={`statedOn-${r.id}`} name="statedOn" type="date" defaultValue={today} />
                </div>
                <button type="submit" name="intent" value="accept">
                  Verify with this position
                </button>
                <button type="submit" name="intent" value="dismiss" className="button--secondary">
                  Dismiss
                </button>
              </Form>
            </li>
          ))}
        </ol>
      ) : (
        <p>No reply waits for triage.</p>
      )}
      <p>
        <Link to="/admin/campaigns">Campaigns</Link>: each campaign's page links to its statements and calls.
      </p>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
