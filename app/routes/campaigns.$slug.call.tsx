import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PositionBadge } from "~/components/statements/position-badge";
import { notFound } from "~/lib/http.server";
import { requireFormValues } from "~/lib/input.server";
import { CALL_OUTCOMES, OUTCOME_LABELS } from "~/modules/calls/calls";
import { callLookupSchema, callReportSchema } from "~/modules/calls/calls.schema";
import { callList, findCallCampaign, reportCall } from "~/modules/calls/calls.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await findCallCampaign(params.slug ?? "");
  if (!campaign) notFound("No campaign has that address.");
  const zip = new URL(request.url).searchParams.get("zip");
  if (zip === null) return { campaign, zip: "", error: null, list: null };
  const parsed = callLookupSchema.safeParse({ zip });
  if (!parsed.success)
    return data({ campaign, zip, error: parsed.error.issues[0].message, list: null }, { status: 400 });
  const list = await callList(campaign.id, parsed.data.zip);
  if (!list.ok) return data({ campaign, zip, error: list.message, list: null }, { status: 404 });
  return { campaign, zip: parsed.data.zip, error: null, list };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const campaign = await findCallCampaign(params.slug ?? "");
  if (!campaign) notFound("No campaign has that address.");
  const parsed = callReportSchema.safeParse(await requireFormValues(request));
  if (!parsed.success)
    return data(
      { ok: false as const, target: null, message: parsed.error.issues[0].message },
      { status: 400 },
    );
  const result = await reportCall(campaign.id, parsed.data, context.clientIp);
  const target = parsed.data.target.officeCode ?? `official:${parsed.data.target.officialId}`;
  if (!result.ok)
    return data({ ok: false as const, target, message: result.message }, { status: result.status });
  return {
    ok: true as const,
    target,
    message: `Thank you: “${OUTCOME_LABELS[parsed.data.outcome]}” is recorded.`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `Call: ${data.campaign.title} | Bring them home` }] : [{ title: "Not found" }];

export default function CallPage() {
  const { campaign, zip, error, list } = useLoaderData<typeof loader>();
  const reported = useActionData<typeof action>();
  return (
    <div className="wrap page call-page">
      <p>
        <Link to={`/campaigns/${campaign.slug}`}>← {campaign.title}</Link>
      </p>
      <h1>Call your officials</h1>
      <Form method="get" className="toolbar">
        <div>
          <label htmlFor="zip">Your ZIP code</label>
          <input
            id="zip"
            name="zip"
            inputMode="numeric"
            autoComplete="postal-code"
            defaultValue={zip}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "zip-error" : undefined}
          />
          {error ? (
            <p id="zip-error" className="field-error">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit">Find who to call</button>
      </Form>
      {reported && !reported.ok && !reported.target ? (
        <p className="alert" role="alert">
          {reported.message}
        </p>
      ) : null}
      {list ? (
        <ol className="call-list">
          {list.entries.map((e) => (
            <li key={e.key} className="call-card" id={`call-${e.key.replace(":", "-")}`}>
              <h2 className="h3">
                {e.title} {e.name} <span className="muted small">{e.seat}</span>
              </h2>
              <p>
                <PositionBadge position={e.position} />
                {e.maybe ? (
                  <span className="small">
                    {" "}
                    May be your representative (your ZIP spans several districts).
                  </span>
                ) : null}
              </p>
              {e.position === "supports" ? (
                <p className="small">Already supports: call to say thank you, after the others.</p>
              ) : null}
              {e.script ? (
                <blockquote className="call-script">{e.script}</blockquote>
              ) : (
                <p className="muted small">
                  No script yet: say who you are, where you live, and what you ask.
                </p>
              )}
              <p>
                {e.phone ? (
                  <>
                    Washington: <a href={`tel:${e.phone}`}>{e.phone}</a>
                  </>
                ) : (
                  <span className="muted">No phone number in our data.</span>
                )}
                {e.districtPhone ? (
                  <>
                    {" "}
                    · Nearest office{e.districtPlace ? ` (${e.districtPlace})` : ""}:{" "}
                    <a href={`tel:${e.districtPhone}`}>{e.districtPhone}</a>
                  </>
                ) : null}
              </p>
              {reported?.target === e.key ? (
                <p className={reported.ok ? "notice" : "alert"} role="status">
                  {reported.message}
                </p>
              ) : (
                <Form
                  method="post"
                  className="call-outcomes"
                  aria-label={`How did the call to ${e.name} go?`}
                >
                  <input type="hidden" name="token" value={list.token} />
                  <input type="hidden" name="target" value={e.key} />
                  <input type="hidden" name="zip" value={list.zip} />
                  {CALL_OUTCOMES.map((o) => (
                    <button key={o} type="submit" name="outcome" value={o} className="button--secondary">
                      {OUTCOME_LABELS[o]}
                    </button>
                  ))}
                </Form>
              )}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

/** A report does not reload the list: its token (one per view) stays the same for the other offices. */
export const shouldRevalidate = ({
  formMethod,
  defaultShouldRevalidate,
}: {
  formMethod?: string;
  defaultShouldRevalidate: boolean;
}) => (formMethod?.toUpperCase() === "POST" ? false : defaultShouldRevalidate);

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
