import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { idParam, notFound } from "~/lib/http.server";
import { getEmail } from "~/modules/mail/mail.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { BackLink } from "~/components/notice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizer(request, "read-outbox");
  const email = await getEmail(idParam(params.id, "No email has that number."));
  if (!email) notFound("No email has that number.");
  return { email };
}

export default function OutboxEmail() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/admin/outbox">Outbox</BackLink>
      <h1>{email.subject}</h1>
      <dl className="facts">
        <dt>To</dt>
        <dd>{email.toAddress}</dd>
        <dt>Kind</dt>
        <dd>{email.kind}</dd>
        <dt>Status</dt>
        <dd>{email.status}</dd>
        <dt>Key</dt>
        <dd>
          <code>{email.idempotencyKey}</code>
        </dd>
        {Object.entries(email.headers).map(([k, v]) => (
          <div key={k} className="facts__row">
            <dt>{k}</dt>
            <dd>
              <code>{v}</code>
            </dd>
          </div>
        ))}
      </dl>
      <h2>As HTML</h2>
      <iframe title="The email as HTML" sandbox="" srcDoc={email.html} className="email-frame" />
      <h2>As plain text</h2>
      <pre className="email-text">{email.text}</pre>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
