import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReplyForm } from "~/components/statements/reply-form";
import { CopyButton } from "~/components/letters/copy-button";
import { notFound } from "~/lib/http.server";
import { getDelivery } from "~/modules/letters/delivery.server";
import { handleReplySubmission } from "~/modules/statements/reply-form.server";
import { replyTargets } from "~/modules/statements/statements.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const delivery = await getDelivery(params.token ?? "");
  if (!delivery) notFound("No letters have that address.");
  const reply = await replyTargets(params.token ?? "");
  return { ...delivery, replyTargets: reply?.targets ?? [], callZip: reply?.zip ?? "" };
}

/** A reply the supporter received from an office, sent in for the organizers to verify. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleReplySubmission(request, params.token ?? "", context.clientIp);
}

export const headers = () => ({
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex",
  // same-origin, not no-referrer: the secret URL still never reaches another site, and the reply form
  // posted from this page carries a real Origin (no-referrer makes it "null", refused as cross-site).
  "Referrer-Policy": "same-origin",
});
export const meta: MetaFunction = () => [
  { title: "Deliver your letters | Bring them home" },
  { name: "robots", content: "noindex" },
];

function officeText(o: {
  address: string | null;
  suite: string | null;
  building: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
}) {
  return [o.building, o.address, o.suite, [o.city, o.state].filter(Boolean).join(", "), o.zip]
    .filter(Boolean)
    .join(", ");
}

export default function Delivery() {
  const { submission, letters, replyTargets, callZip } = useLoaderData<typeof loader>();
  const pdfAll = `/letters/${submission.token}/pdf`;
  return (
    <div className="wrap page letters-page">
      <p>
        <Link to={`/campaigns/${submission.campaignSlug}`}>← {submission.campaignTitle}</Link>
      </p>
      <h1>Thank you, {submission.firstName}. Now deliver your letters</h1>
      <p className="lead">
        Your {letters.length} letters are saved. A letter counts when its office receives it: for each one
        below, use the first way that works for you. We have emailed you a link: follow it, and a copy of
        every letter comes to you, with a link back to this page.
      </p>
      <p>
        <a className="button button--secondary" href={pdfAll}>
          Download all letters as a PDF
        </a>{" "}
        <span className="muted small">(one page per recipient, ready to print and mail)</span>
      </p>
      <ol className="delivery-list">
        {letters.map((l) => (
          <li key={l.id} className="letter-card">
            <h2 className="h3">To {l.to}</h2>
            {l.cwc ? (
              <p className={`cwc-status cwc-status--${l.cwc.status}`} data-office={l.cwc.office}>
                We deliver this letter for you through Congress's official channel (Communicating with
                Congress). Status: <strong>{l.cwc.label}</strong>
                {l.cwc.reason && l.cwc.status !== "accepted" ? ` (${l.cwc.reason})` : ""}.
                {l.cwc.status === "accepted" ? " You can still call or mail it yourself below." : null}
              </p>
            ) : null}
            {l.cwc?.note ? <p className="cwc-note">{l.cwc.note}</p> : null}
            {l.kind === "official" ? (
              <>
                <p>Officials read letters that arrive by mail. Print this letter, sign it and mail it to:</p>
                <address className="mailing">
                  {l.address.map((line, i) => (
                    <span key={i}>
                      {line}
                      <br />
                    </span>
                  ))}
                </address>
                <p>
                  <a href={`${pdfAll}?letter=${l.id}`}>Download this letter as a PDF</a>
                </p>
              </>
            ) : (
              <>
                <h3 className="small">1. Online</h3>
                {l.contactUrl ? (
                  <p>
                    Open the{" "}
                    <a href={l.contactUrl} target="_blank" rel="noopener noreferrer">
                      {l.contactIsForm ? "official contact form" : "official website"}
                    </a>
                    {l.contactIsForm ? "" : " and choose Contact"}, then paste your letter.
                  </p>
                ) : (
                  <p className="muted">Our data has no contact form or website for this office.</p>
                )}
                <label htmlFor={`text-${l.id}`}>Your letter to {l.to}</label>
                <textarea
                  id={`text-${l.id}`}
                  className="letter-copy"
                  readOnly
                  rows={8}
                  defaultValue={l.copyText}
                />
                <p>
                  <CopyButton targetId={`text-${l.id}`} label="Copy the letter" />
                </p>
                <h3 className="small">2. By phone</h3>
                {l.phone || l.office?.phone ? (
                  <>
                    <p>
                      {l.phone ? (
                        <>
                          Washington office: <a href={`tel:${l.phone}`}>{l.phone}</a>.{" "}
                        </>
                      ) : null}
                      {l.office ? (
                        <>
                          Nearest district office: {officeText(l.office)}
                          {l.office.phone ? (
                            <>
                              , <a href={`tel:${l.office.phone}`}>{l.office.phone}</a>
                            </>
                          ) : null}
                          .
                        </>
                      ) : null}
                    </p>
                    {l.callScript ? (
                      <p className="call-script">
                        <strong>What to say:</strong> {l.callScript}
                      </p>
                    ) : null}
                  </>
                ) : (
                  <p className="muted">Our data has no phone number for this office.</p>
                )}
                <h3 className="small">3. By mail</h3>
                <p>
                  <a href={`${pdfAll}?letter=${l.id}`}>Download this letter as a PDF</a>, sign it and mail it
                  to {l.address.join(", ")}.
                </p>
              </>
            )}
          </li>
        ))}
      </ol>
      <p className="muted small">4. For a copy of every letter by email, follow the link we sent you.</p>
      <p>
        <Link
          to={`/campaigns/${submission.campaignSlug}/call?${new URLSearchParams({ zip: callZip, ...(submission.caller ? { caller: submission.caller } : {}) })}`}
        >
          Call your officials too: scripts and phone numbers
        </Link>
      </p>
      {replyTargets.length ? <ReplyForm targets={replyTargets} /> : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
