import { Form } from "@remix-run/react";
import { DateOnly } from "~/components/date-time";
import { OUTCOME_LABELS } from "~/modules/calls/calls";
import { formatCents } from "~/modules/donations/donations";
import { SIGNATURE_STATE_LABELS } from "~/modules/petitions/petitions";
import type { SupporterRecord } from "~/modules/supporters/record.server";

/** What the supporter did: signatures (each can be withdrawn), letters, calls, gifts, tips, updates received. */
export function MeActivity({
  record,
}: {
  record: Pick<SupporterRecord, "signatures" | "letters" | "calls" | "donations" | "tips" | "updates">;
}) {
  return (
    <section aria-labelledby="me-activity" className="stack">
      <h2 id="me-activity">What you did</h2>
      <h3>Signatures</h3>
      {record.signatures.length ? (
        <ul>
          {record.signatures.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong>, <DateOnly value={s.createdAt} />: {SIGNATURE_STATE_LABELS[s.state]}
              {s.withdrawnAt ? (
                <>
                  {" "}
                  on <DateOnly value={s.withdrawnAt} />
                </>
              ) : null}
              {s.state === "pending" || s.state === "confirmed" ? (
                <Form method="post" className="inline">
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="signatureId" value={s.id} />
                  <button
                    className="button secondary"
                    type="submit"
                    aria-label={`Withdraw my signature on ${s.title}`}
                  >
                    Withdraw
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No signatures.</p>
      )}
      <h3>Letters to Congress</h3>
      {record.letters.length ? (
        <ul>
          {record.letters.map((l) => (
            <li key={l.id}>
              <strong>{l.title}</strong>, <DateOnly value={l.createdAt} />: to{" "}
              {(l.recipients ?? []).join(", ")}
            </li>
          ))}
        </ul>
      ) : (
        <p>No letters.</p>
      )}
      <h3>Calls</h3>
      {record.calls.length ? (
        <ul>
          {record.calls.map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong>, <DateOnly value={c.createdAt} />: called {c.official ?? "an office"}
              {c.officeCode ? ` (${c.officeCode})` : ""}, {OUTCOME_LABELS[c.outcome].toLowerCase()}
            </li>
          ))}
        </ul>
      ) : (
        <p>No calls reported from your delivery page.</p>
      )}
      <h3>Gifts</h3>
      {record.donations.length ? (
        <ul>
          {record.donations.map((d) => (
            <li key={d.id}>
              {formatCents(Number(d.amountCents))} {d.frequency === "monthly" ? "a month" : "once"}
              {d.title ? ` for ${d.title}` : ""}, <DateOnly value={d.createdAt} /> ({d.status})
            </li>
          ))}
        </ul>
      ) : (
        <p>No gifts.</p>
      )}
      <h3>Tips</h3>
      {record.tips.length ? (
        <ul>
          {record.tips.map((t) => (
            <li key={t.id}>
              Tip {t.reference}, <DateOnly value={t.createdAt} />
            </li>
          ))}
        </ul>
      ) : (
        <p>No tips sent from this address.</p>
      )}
      <h3>Updates we sent you</h3>
      <p>
        {record.updates.length
          ? `${record.updates.length.toLocaleString("en-US")} ${record.updates.length === 1 ? "update" : "updates"}, the latest “${record.updates[0].subject}”.`
          : "None yet."}
      </p>
    </section>
  );
}
