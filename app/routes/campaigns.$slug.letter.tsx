import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { translateFieldErrors } from "~/i18n/field-errors";
import { formatNumber } from "~/i18n/format";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { localizedPath } from "~/i18n/locales";
import { useLocalePath, usePageLocale } from "~/i18n/use-locale";
import { campaignsInLocale } from "~/modules/translations/translations.server";
import { bindFields, FormError } from "~/components/forms";
import { CandidateSummary, LetterPreview } from "~/components/letters/letter-preview";
import { WriterFields } from "~/components/letters/writer-fields";
import { notFound } from "~/lib/http.server";
import { lookupDistricts, type DistrictCandidate } from "~/modules/legislators/district-lookup.server";
import { PERSONAL_NOTE_MAX } from "~/modules/letters/letters";
import { letterFormSchema, letterFormValues, seatSchema, zipSchema } from "~/modules/letters/letters.schema";
import {
  getLetterCampaign,
  newIdempotencyKey,
  resolveLetters,
  sendLetters,
} from "~/modules/letters/letters.server";
import { invalid, requireForm } from "~/lib/input.server";
import { fieldErrors } from "~/lib/validation";

function summarize(c: DistrictCandidate) {
  const person = (m: { title: string; name: string; party: string }) => ({
    title: m.title,
    name: m.name,
    party: m.party,
  });
  return {
    seat: c.seat,
    label: c.label,
    state: c.state,
    vacant: c.vacant,
    house: c.house ? person(c.house) : null,
    senators: c.senators.map(person),
  };
}

async function loadCampaign(slug: string | undefined) {
  const found = await getLetterCampaign(slug ?? "");
  if (!found || !found.targets.length) notFound("This campaign has no letters to write.");
  return found;
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const [{ campaign: found, targets }, t] = await Promise.all([loadCampaign(params.slug), fixedT(locale)]);
  // The campaign's own title in the page's language where an organizer wrote it.
  const [campaign] = await campaignsInLocale([found], locale);
  const url = new URL(request.url);
  const rawZip = url.searchParams.get("zip");
  // On a translated page the ZIP messages are in its language (English keeps the precise ones).
  const zipMessage = (english: string, key: "zip" | "lookup") =>
    locale === "en" ? english : t(`letterErrors.${key}`);
  const base = {
    pageTitle: `${t("letter.title", { title: campaign.title })} | ${t("site.name")}`,
    campaign,
    targetKinds: targets.map((t) => (t.official ? t.official.name : t.kind)),
    idempotencyKey: newIdempotencyKey(),
  };
  if (rawZip === null) return { ...base, zip: "", zipError: null, lookup: null, chosen: null };
  const zip = zipSchema.safeParse(rawZip);
  if (!zip.success)
    return data(
      {
        ...base,
        zip: rawZip.slice(0, 12),
        zipError: zipMessage(zip.error.issues[0].message, "zip"),
        lookup: null,
        chosen: null,
      },
      { status: 400 },
    );
  const { result } = await lookupDistricts(zip.data);
  if (!result.ok)
    return data(
      { ...base, zip: zip.data, zipError: zipMessage(result.message, "lookup"), lookup: null, chosen: null },
      { status: result.status === 503 ? 503 : 200 },
    );
  const { lookup } = result;
  const seat = seatSchema.safeParse(url.searchParams.get("seat") ?? "");
  const picked = seat.success
    ? lookup.candidates.find((c) => c.state === seat.data.state && c.district === seat.data.district)
    : undefined;
  const chosen = picked ?? (lookup.candidates.length === 1 ? lookup.candidates[0] : null);
  return {
    ...base,
    zip: zip.data,
    zipError: null,
    lookup: {
      zip: lookup.zip,
      city: lookup.city,
      match: lookup.match,
      states: lookup.states,
      candidates: lookup.candidates.map(summarize),
    },
    chosen: chosen ? summarize(chosen) : null,
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { campaign, targets } = await loadCampaign(params.slug);
  const locale = requestLocale(request);
  const t = await fixedT(locale);
  // Field messages in the page's language (the English schema's own words on English pages).
  const local = (fields: Record<string, string>) =>
    translateFieldErrors(fields, locale, t, "letterErrors", { max: formatNumber(PERSONAL_NOTE_MAX, locale) });
  const form = await requireForm(request);
  const values = letterFormValues(form);
  const intent = form.get("intent") === "send" ? "send" : "preview";
  if (campaign.status !== "live")
    return data({ values, fields: {}, message: t("letterErrors.closed"), preview: null }, { status: 409 });
  const parsed = letterFormSchema.safeParse(values);
  if (!parsed.success)
    return invalid(local(fieldErrors(parsed.error)), { values, message: t("letter.fix"), preview: null });
  if (intent === "preview") {
    const resolved = await resolveLetters(targets, parsed.data);
    if (!resolved.ok) {
      const fields = local(resolved.fields);
      return invalid(fields, { values, message: Object.values(fields)[0], preview: null });
    }
    return {
      values,
      fields: {},
      message: null,
      preview: resolved.letters.map((l) => ({
        to: l.displayName,
        address: l.address,
        subject: l.subject,
        body: l.body,
      })),
    };
  }
  const result = await sendLetters(campaign, targets, parsed.data, context.clientIp, locale);
  if (!result.ok) {
    const fields = local(result.fields);
    return data(
      { values, fields, message: Object.values(fields)[0], preview: null },
      { status: result.status ?? 400 },
    );
  }
  throw redirect(localizedPath(locale, `/letters/${result.token}`));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? data.pageTitle : "Write a letter" },
];

export default function WriteLetter() {
  const { campaign, zip, zipError, lookup, chosen, idempotencyKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values;
  const fields: Record<string, string> = actionData?.fields ?? {};
  const f = bindFields(values, fields);
  const closed = campaign.status !== "live";
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  const list = (items: string[]) =>
    locale === "en"
      ? items.join(" and ")
      : new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
  return (
    <div className="wrap page letters-page">
      <p>
        <Link to={lp(`/campaigns/${campaign.slug}`)}>
          ← <span lang={campaign.lang.title}>{campaign.title}</span>
        </Link>
      </p>
      <h1>{t("letter.heading")}</h1>
      <p className="lead">{t("letter.lead")}</p>
      {locale !== "en" ? <p className="notice">{t("letter.inEnglish")}</p> : null}
      {closed ? <p className="notice">{t("letter.closed")}</p> : null}

      <section aria-labelledby="zip-heading" className="letters-step">
        <h2 id="zip-heading">{t("letter.zipHeading")}</h2>
        <Form method="get" className="search-form">
          <label htmlFor="zip" className="visually-hidden">
            {t("letter.zipLabel")}
          </label>
          <input
            id="zip"
            name="zip"
            inputMode="numeric"
            autoComplete="postal-code"
            defaultValue={zip}
            maxLength={10}
            aria-invalid={zipError ? true : undefined}
            aria-describedby={zipError ? "zip-error" : undefined}
            placeholder={t("letter.zipPlaceholder")}
          />
          <button className="button button--secondary" type="submit">
            {t("letter.find")}
          </button>
        </Form>
        {zipError ? (
          <p id="zip-error" className="field-error" role="alert">
            {zipError}
          </p>
        ) : null}
      </section>

      {lookup && !chosen ? (
        <section aria-labelledby="district-heading" className="letters-step">
          <h2 id="district-heading">{t("letter.districtHeading")}</h2>
          {lookup.match === "state" ? (
            <p className="warning">
              {t("letter.poBox", { zip: lookup.zip, city: lookup.city, state: lookup.states[0] })}
            </p>
          ) : (
            <p>
              {t("letter.crosses", {
                zip: lookup.zip,
                count: lookup.candidates.length,
                where: lookup.states.length > 1 ? t("letter.inStates", { states: list(lookup.states) }) : "",
              })}
            </p>
          )}
          <Form method="get">
            <input type="hidden" name="zip" value={lookup.zip} />
            <fieldset className="district-choices">
              <legend>{t("letter.yourDistrict")}</legend>
              {lookup.candidates.map((c) => (
                <label key={c.seat} className="check" htmlFor={`seat-${c.seat}`}>
                  <input id={`seat-${c.seat}`} type="radio" name="seat" value={c.seat} required />
                  <CandidateSummary c={c} />
                </label>
              ))}
            </fieldset>
            <button className="button" type="submit">
              {t("letter.useDistrict")}
            </button>
          </Form>
        </section>
      ) : null}

      {chosen && !closed ? (
        <section aria-labelledby="write-heading" className="letters-step">
          <h2 id="write-heading">{t("letter.writeHeading")}</h2>
          <p>
            <CandidateSummary c={chosen} />
            {lookup && lookup.candidates.length > 1 ? (
              <>
                {" "}
                · <Link to={`?zip=${lookup.zip}`}>{t("letter.another")}</Link>
              </>
            ) : null}
          </p>
          {chosen.vacant ? (
            <p className="warning">
              {t("letter.vacant", { label: chosen.label })}
              {chosen.senators.length ? t("letter.vacantSenators") : ""}.
            </p>
          ) : null}
          {!chosen.senators.length ? (
            <p className="muted">{t("letter.delegate", { state: chosen.state })}</p>
          ) : null}
          <Form method="post" id="letter-form" className="stack letter-form" noValidate>
            <FormError message={actionData?.message} />
            <input type="hidden" name="zip" value={zip} />
            <input type="hidden" name="seat" value={chosen.seat} />
            <input type="hidden" name="idempotencyKey" value={values?.idempotencyKey || idempotencyKey} />
            <WriterFields
              f={f}
              zip={zip}
              city={values?.city ?? lookup?.city ?? ""}
              optIn={values?.optIn === "yes"}
            />
            {fields.seat ? <p className="field-error">{fields.seat}</p> : null}
            {fields.idempotencyKey ? <p className="field-error">{fields.idempotencyKey}</p> : null}
            <div className="toolbar">
              <button className="button button--secondary" type="submit" name="intent" value="preview">
                {t("letter.preview")}
              </button>
            </div>
          </Form>
          {actionData?.preview ? (
            <section aria-labelledby="preview-heading" className="letters-preview">
              <h2 id="preview-heading">{t("letter.previewHeading")}</h2>
              {actionData.preview.map((l, i) => (
                <LetterPreview key={i} {...l} />
              ))}
              <p className="muted small">{t("letter.previewHint")}</p>
              <button className="button" type="submit" form="letter-form" name="intent" value="send">
                {t("letter.send", { count: actionData.preview.length })}
              </button>
            </section>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
