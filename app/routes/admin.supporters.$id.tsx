import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { DeliveryStatus } from "~db/schema";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DateOnly, DateTime } from "~/components/date-time";
import { FormError } from "~/components/forms";
import { BackLink } from "~/components/notice";
import { invalid, requireFormValues } from "~/lib/input.server";
import { OUTCOME_LABELS } from "~/modules/calls/calls";
import { formatCents } from "~/modules/donations/donations";
import { seatLabel } from "~/modules/legislators/seats";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { SIGNATURE_STATE_LABELS } from "~/modules/petitions/petitions";
import { KIND_LABELS, POSITION_LABELS } from "~/modules/statements/statements";
import {
  eraseSupporterForOwner,
  supporterAdminPage,
  tagSupporter,
} from "~/modules/supporters/supporters-admin.server";
import { can } from "~/modules/organizers/organizers";
import { supporterAdminActionSchema } from "~/modules/supporters/supporters-admin.schema";

export const meta: MetaFunction = () => [{ title: "Supporter | Organizers" }];

function idOf(param: string | undefined): number {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("No such supporter.", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request, "read-private-contact");
  const page = await supporterAdminPage(organizer.role, idOf(params.id));
  if (!page) throw new Response("No such supporter (or erased).", { status: 404, statusText: "Not Found" });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const id = idOf(params.id);
  const parsed = supporterAdminActionSchema.safeParse(await requireFormValues(request));
  if (!parsed.success) return invalid(parsed.error, { message: null as string | null });
  if (parsed.data.intent !== "erase") {
    await tagSupporter(organizer.id, id, parsed.data.tag, parsed.data.intent === "tag");
    throw redirect(`/admin/supporters/${id}`);
  }
  if (!can(organizer.role, "erase-supporters"))
    throw new Response("Only owners may erase a supporter.", { status: 403, statusText: "Forbidden" });
  const result = await eraseSupporterForOwner(organizer.id, id);
  if (!result.ok) return invalid({}, { message: result.message }, result.reason === "provider" ? 503 : 404);
  throw redirect("/admin/supporters?erased=1");
}

const DELIVERY_LABELS: Record<DeliveryStatus, string> = {
  queued: "waiting to be sent",
  sending: "being sent",
  sent: "sent",
  suppressed: "not sent (the address is suppressed)",
  unsubscribed: "not sent (unsubscribed)",
};

export default function SupporterPage() {
  const s = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const p = s.supporter;
  return (
    <div className="stack">
      <BackLink to="/admin/supporters">Supporters</BackLink>
      <h1>{`${p.firstName} ${p.lastName}`.trim() || p.email}</h1>
      <p>
        {p.email}
        {p.zip ? `, ZIP ${p.zip}` : ""}
        {p.state ? `, ${p.district === null ? p.state : seatLabel(p.state, p.district)}` : ""}. On our records
        since <DateOnly value={p.createdAt} />
        {p.confirmedAt ? "; address confirmed." : "; address not confirmed yet."}
      </p>
      <h2>Tags</h2>
      {s.tags.length ? (
        <ul className="row">
          {s.tags.map((t) => (
            <li key={t}>
              {t}{" "}
              {s.canTag ? (
                <Form method="post" className="inline">
                  <input type="hidden" name="intent" value="untag" />
                  <input type="hidden" name="tag" value={t} />
                  <button className="button secondary" type="submit" aria-label={`Remove the tag ${t}`}>
                    Remove
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No tags.</p>
      )}
      {s.canTag ? (
        <Form method="post" className="toolbar">
          <input type="hidden" name="intent" value="tag" />
          <label htmlFor="tag">New tag</label>
          <input id="tag" name="tag" maxLength={40} />
          <button className="button secondary" type="submit">
            Add the tag
          </button>
          {result?.fields?.tag ? <p className="field-error">{result.fields.tag}</p> : null}
        </Form>
      ) : null}
      <h2>Actions</h2>
      <ul>
        {s.signatures.map((g) => (
          <li key={`s${g.id}`}>
            Signed “{g.title}”, <DateTime value={g.createdAt} />: {SIGNATURE_STATE_LABELS[g.state]}
          </li>
        ))}
        {s.letters.map((l) => (
          <li key={`l${l.id}`}>
            Wrote about “{l.title}” to {(l.recipients ?? []).join(", ")}, <DateTime value={l.createdAt} />
          </li>
        ))}
        {s.statements.map((r) => (
          <li key={`r${r.id}`}>
            Sent in {KIND_LABELS[r.kind].toLowerCase()} about “{r.title}”
            {r.memberName ? ` from ${r.memberName}` : ""} ({POSITION_LABELS[r.position].toLowerCase()}),{" "}
            <DateTime value={r.createdAt} />:{" "}
            {r.verifiedAt ? "verified" : r.dismissedAt ? "dismissed" : "waiting to be checked"}
          </li>
        ))}
        {s.calls.map((c) => (
          <li key={`c${c.id}`}>
            Called {c.official ?? "an office"}
            {c.officeCode ? ` (${c.officeCode})` : ""} about “{c.title}”, <DateTime value={c.createdAt} />:{" "}
            {OUTCOME_LABELS[c.outcome].toLowerCase()}
          </li>
        ))}
        {(s.donations ?? []).map((d) => (
          <li key={`d${d.id}`}>
            Gave {formatCents(Number(d.amountCents))} {d.frequency === "monthly" ? "a month" : "once"}
            {d.title ? ` to “${d.title}”` : ""}, <DateTime value={d.createdAt} /> ({d.status})
          </li>
        ))}
        {(s.tips ?? []).map((t) => (
          <li key={`t${t.id}`}>
            Sent tip {t.reference}, <DateTime value={t.createdAt} />
          </li>
        ))}
      </ul>
      <p className="muted small">
        Calls are listed when made from the call tool opened on the supporter's delivery page; other calls are
        counted without the caller's name.
      </p>
      <h2>Updates received</h2>
      {s.updates.length ? (
        <ul>
          {s.updates.map((u) => (
            <li key={`u${u.id}`}>
              “{u.subject}”
              {u.sentAt ? (
                <>
                  , sent <DateTime value={u.sentAt} />
                </>
              ) : null}
              : {DELIVERY_LABELS[u.status]}
              {u.bouncedAt ? ", bounced" : u.deliveredAt ? ", delivered" : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>No updates yet.</p>
      )}
      {s.donations === null ? <p className="muted small">Gifts are shown to owners only.</p> : null}
      <h2>Consents</h2>
      {s.consents.length ? (
        <ul>
          {s.consents.map((c) => (
            <li key={c.id}>
              {c.scope === "all" ? "Every campaign" : `“${c.title ?? "A campaign"}”`}: “{c.wording}”, from{" "}
              {c.source}, <DateTime value={c.givenAt} />
              {c.withdrawnAt ? (
                <>
                  ; withdrawn <DateTime value={c.withdrawnAt} />
                </>
              ) : c.provenAt ? (
                "; counts"
              ) : (
                "; waiting for the address to be confirmed"
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>No consents.</p>
      )}
      <h2>Subscriptions and suppressions</h2>
      <p>
        {s.subscriptions.everything
          ? "Subscribed to every campaign's updates."
          : s.subscriptions.campaigns.length
            ? `Subscribed to updates about ${s.subscriptions.campaigns.map((c) => `“${c.title}”`).join(", ")}.`
            : "Not subscribed to any updates."}{" "}
        {s.suppression
          ? `Suppressed (${s.suppression.reason}): no email reaches this address.`
          : "Not suppressed."}
      </p>
      {s.canErase ? (
        <Form method="post" className="stack">
          <h2>Erase</h2>
          <FormError message={result?.message} />
          <input type="hidden" name="intent" value="erase" />
          <p>
            For a request received by letter, phone or email. The counts stay; the personal data goes
            everywhere.
          </p>
          <label className="check" htmlFor="confirm">
            <input id="confirm" type="checkbox" name="confirm" value="yes" />
            <span>This supporter asked to be erased.</span>
          </label>
          {result?.fields?.confirm ? <p className="field-error">{result.fields.confirm}</p> : null}
          <div>
            <button className="button" type="submit">
              Erase this supporter
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
