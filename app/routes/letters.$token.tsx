import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { ReplyForm } from "~/components/statements/reply-form";
import { CopyButton } from "~/components/letters/copy-button";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath, usePageLocale } from "~/i18n/use-locale";
import { notFound } from "~/lib/http.server";
import { getDelivery } from "~/modules/letters/delivery.server";
import { handleReplySubmission } from "~/modules/statements/reply-form.server";
import { replyTargets } from "~/modules/statements/statements.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const [delivery, t] = await Promise.all([getDelivery(params.token ?? "", locale), fixedT(locale)]);
  if (!delivery) notFound("No letters have that address.");
  const reply = await replyTargets(params.token ?? "");
  return {
    ...delivery,
    replyTargets: reply?.targets ?? [],
    callZip: reply?.zip ?? "",
    pageTitle: `${t("letterPage.title")} | ${t("site.name")}`,
  };
}

/** A reply the supporter received from an office, sent in for the organizers to verify. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleReplySubmission(request, params.token ?? "", context.clientIp, requestLocale(request));
}

export const headers = () => ({
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex",
  // same-origin, not no-referrer: the secret URL still never reaches another site, and the reply form
  // posted from this page carries a real Origin (no-referrer makes it "null", refused as cross-site).
  "Referrer-Policy": "same-origin",
});
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.pageTitle ?? "Not found" },
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
  const { t } = useTranslation();
  const lp = useLocalePath();
  // The letters and the offices' words stay English, marked.
  const locale = usePageLocale();
  const en = locale === "en" ? undefined : "en";
  // The PDF is the letters themselves: English, one address.
  const pdfAll = `/letters/${submission.token}/pdf`;
  return (
    <div className="wrap page letters-page">
      <p>
        <Link to={lp(`/campaigns/${submission.campaignSlug}`)}>
          ←{" "}
          <span lang={submission.campaignTitleLang === locale ? undefined : submission.campaignTitleLang}>
            {submission.campaignTitle}
          </span>
        </Link>
      </p>
      <h1>{t("letterPage.heading", { name: submission.firstName })}</h1>
      <p className="lead">{t("letterPage.lead", { count: letters.length })}</p>
      {en ? <p>{t("letterPage.inEnglish")}</p> : null}
      <p>
        <a className="button button--secondary" href={pdfAll}>
          {t("letterPage.pdfAll")}
        </a>{" "}
        <span className="muted small">{t("letterPage.pdfAllHint")}</span>
      </p>
      <ol className="delivery-list">
        {letters.map((l) => (
          <li key={l.id} className="letter-card">
            <h2 className="h3">{t("letterPage.to", { name: l.to })}</h2>
            {l.cwc ? (
              <p className={`cwc-status cwc-status--${l.cwc.status}`} data-office={l.cwc.office}>
                {t("letterPage.cwc")} <strong>{t(`cwcStatus.${l.cwc.status}`)}</strong>
                {l.cwc.reason && l.cwc.status !== "accepted" ? (
                  <>
                    {" "}
                    (<span lang={en}>{l.cwc.reason}</span>)
                  </>
                ) : null}
                {t("letterPage.cwcStop")}
                {l.cwc.status === "accepted" ? `${t("letterPage.cwcGap")}${t("letterPage.cwcStill")}` : null}
              </p>
            ) : null}
            {l.cwc?.note ? (
              <p className="cwc-note" lang={en}>
                {l.cwc.note}
              </p>
            ) : null}
            {l.kind === "official" ? (
              <>
                <p>{t("letterPage.officialMail")}</p>
                <address className="mailing" lang={en}>
                  {l.address.map((line, i) => (
                    <span key={i}>
                      {line}
                      <br />
                    </span>
                  ))}
                </address>
                <p>
                  <a href={`${pdfAll}?letter=${l.id}`}>{t("letterPage.pdfOne")}</a>
                </p>
              </>
            ) : (
              <>
                <h3 className="small">{t("letterPage.online")}</h3>
                {l.contactUrl ? (
                  <p>
                    <Trans
                      i18nKey={l.contactIsForm ? "letterPage.openForm" : "letterPage.openSite"}
                      components={{
                        a: (
                          <a href={l.contactUrl} target="_blank" rel="noopener noreferrer" hrefLang={en}>
                            {/* the translation's <a> text */}
                            {l.contactUrl}
                          </a>
                        ),
                      }}
                    />
                  </p>
                ) : (
                  <p className="muted">{t("letterPage.noContact")}</p>
                )}
                <label htmlFor={`text-${l.id}`}>{t("letterPage.yourLetter", { name: l.to })}</label>
                <textarea
                  id={`text-${l.id}`}
                  className="letter-copy"
                  lang={en}
                  readOnly
                  rows={8}
                  defaultValue={l.copyText}
                />
                <p>
                  <CopyButton
                    targetId={`text-${l.id}`}
                    label={t("letterPage.copy")}
                    copied={t("letterPage.copied")}
                  />
                </p>
                <h3 className="small">{t("letterPage.phone")}</h3>
                {l.phone || l.office?.phone ? (
                  <>
                    <p>
                      {l.phone ? (
                        <>
                          {t("letterPage.washington")} <a href={`tel:${l.phone}`}>{l.phone}</a>.{" "}
                        </>
                      ) : null}
                      {l.office ? (
                        <>
                          {t("letterPage.nearest")} <span lang={en}>{officeText(l.office)}</span>
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
                        <strong>{t("letterPage.whatToSay")}</strong> <span lang={en}>{l.callScript}</span>
                      </p>
                    ) : null}
                  </>
                ) : (
                  <p className="muted">{t("letterPage.noPhone")}</p>
                )}
                <h3 className="small">{t("letterPage.mail")}</h3>
                <p>
                  <Trans
                    i18nKey="letterPage.mailTo"
                    values={{ address: l.address.join(", ") }}
                    components={{ a: <a href={`${pdfAll}?letter=${l.id}`}>{t("letterPage.pdfOne")}</a> }}
                  />
                </p>
              </>
            )}
          </li>
        ))}
      </ol>
      <p className="muted small">{t("letterPage.emailCopy")}</p>
      <p>
        <Link
          to={`${lp(`/campaigns/${submission.campaignSlug}/call`)}?${new URLSearchParams({ zip: callZip, ...(submission.caller ? { caller: submission.caller } : {}) })}`}
        >
          {t("letterPage.call")}
        </Link>
      </p>
      {replyTargets.length ? <ReplyForm targets={replyTargets} /> : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
