import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OUTCOME_KEYS, PositionBadge } from "~/components/statements/position-badge";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath } from "~/i18n/use-locale";
import { notFound } from "~/lib/http.server";
import { requireFormValues } from "~/lib/input.server";
import { CALL_OUTCOMES } from "~/modules/calls/calls";
import { callLookupSchema, callReportSchema } from "~/modules/calls/calls.schema";
import { callList, findCallCampaign, reportCall, validCaller } from "~/modules/calls/calls.server";
import {
  lookupMessage,
  reportFieldMessage,
  reportMessage,
  zipFieldMessage,
} from "~/modules/calls/scorecard-call-messages.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await findCallCampaign(params.slug ?? "");
  if (!campaign) notFound("No campaign has that address.");
  const query = new URL(request.url).searchParams;
  const zip = query.get("zip");
  // A signed caller value from the supporter's delivery page; a forged or stale one is dropped.
  const caller = validCaller(query.get("caller"));
  if (zip === null) return { campaign, zip: "", caller, error: null, list: null };
  const parsed = callLookupSchema.safeParse({ zip });
  const t = await fixedT(requestLocale(request));
  if (!parsed.success)
    return data({ campaign, zip, caller, error: zipFieldMessage(t, zip), list: null }, { status: 400 });
  const list = await callList(campaign.id, parsed.data.zip, caller);
  if (!list.ok)
    return data(
      { campaign, zip, caller, error: lookupMessage(t, list.code, parsed.data.zip), list: null },
      { status: 404 },
    );
  return { campaign, zip: parsed.data.zip, caller, error: null, list };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const campaign = await findCallCampaign(params.slug ?? "");
  if (!campaign) notFound("No campaign has that address.");
  const parsed = callReportSchema.safeParse(await requireFormValues(request));
  const t = await fixedT(requestLocale(request));
  if (!parsed.success)
    return data(
      { ok: false as const, target: null, message: reportFieldMessage(t, parsed.error) },
      { status: 400 },
    );
  const result = await reportCall(campaign.id, parsed.data, context.clientIp);
  const target = parsed.data.target.officeCode ?? `official:${parsed.data.target.officialId}`;
  if (!result.ok)
    return data({ ok: false as const, target, message: reportMessage(t, result) }, { status: result.status });
  return { ok: true as const, target, message: "", outcome: parsed.data.outcome };
}

// The caller value rides in this page's address: it never goes to another site.
export const headers = () => ({ "Referrer-Policy": "same-origin" });

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `Call: ${data.campaign.title} | Bring them home` }] : [{ title: "Not found" }];

export default function CallPage() {
  const { campaign, zip, caller, error, list } = useLoaderData<typeof loader>();
  const reported = useActionData<typeof action>();
  const { t } = useTranslation();
  const lp = useLocalePath();
  return (
    <div className="wrap page call-page">
      <p>
        <Link to={lp(`/campaigns/${campaign.slug}`)}>← {campaign.title}</Link>
      </p>
      <h1>{t("scorecardCall.callHeading")}</h1>
      <Form method="get" className="toolbar">
        <div>
          <label htmlFor="zip">{t("scorecardCall.zip")}</label>
          <input
            id="zip"
            name="zip"
            type="text"
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
        {caller ? <input type="hidden" name="caller" value={caller} /> : null}
        <button className="button" type="submit">
          {t("scorecardCall.find")}
        </button>
      </Form>
      {caller ? (
        <p className="small">
          {t("scorecardCall.asYou")}{" "}
          <Link to={lp(`/campaigns/${campaign.slug}/call${zip ? `?zip=${encodeURIComponent(zip)}` : ""}`)}>
            {t("scorecardCall.anonymous")}
          </Link>
        </p>
      ) : null}
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
                {e.vacant ? t("scorecardCall.vacantName") : `${e.title} ${e.name}`}{" "}
                <span className="muted small">{e.seat}</span>
              </h2>
              <p>
                <PositionBadge position={e.position} />
                {e.maybe ? <span className="small"> {t("scorecardCall.maybe")}</span> : null}
              </p>
              {e.position === "supports" ? <p className="small">{t("scorecardCall.thank")}</p> : null}
              {e.vacant ? (
                <p className="muted small">{t("scorecardCall.vacantCall")}</p>
              ) : e.script ? (
                <blockquote className="call-script">{e.script}</blockquote>
              ) : (
                <p className="muted small">{t("scorecardCall.noScript")}</p>
              )}
              <p>
                {e.phone ? (
                  <>
                    {t("scorecardCall.washington")} <a href={`tel:${e.phone}`}>{e.phone}</a>
                  </>
                ) : (
                  <span className="muted">{t("scorecardCall.noPhone")}</span>
                )}
                {e.districtPhone ? (
                  <>
                    {" "}
                    · {t("scorecardCall.nearest")}
                    {e.districtPlace ? ` (${e.districtPlace})` : ""}:{" "}
                    <a href={`tel:${e.districtPhone}`}>{e.districtPhone}</a>
                  </>
                ) : null}
              </p>
              {reported?.target === e.key ? (
                <p className={reported.ok ? "notice" : "alert"} role="status">
                  {reported.ok
                    ? t("scorecardCall.recorded", { outcome: t(OUTCOME_KEYS[reported.outcome]) })
                    : reported.message}
                </p>
              ) : e.vacant ? null : (
                <Form
                  method="post"
                  className="call-outcomes"
                  aria-label={t("scorecardCall.howWent", { name: e.name })}
                >
                  <input type="hidden" name="token" value={list.token} />
                  <input type="hidden" name="target" value={e.key} />
                  <input type="hidden" name="zip" value={list.zip} />
                  {CALL_OUTCOMES.map((o) => (
                    <button
                      key={o}
                      type="submit"
                      name="outcome"
                      value={o}
                      className="button button--secondary"
                    >
                      {t(OUTCOME_KEYS[o])}
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
