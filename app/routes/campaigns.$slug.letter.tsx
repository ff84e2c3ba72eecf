import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { bindFields, CheckField, FormError, SelectField, TextArea, TextField } from "~/components/forms";
import { CWC_PREFIXES } from "~/modules/cwc/cwc";
import { CandidateSummary, LetterPreview } from "~/components/letters/letter-preview";
import { notFound } from "~/lib/http.server";
import { lookupDistricts, type DistrictCandidate } from "~/modules/legislators/district-lookup.server";
import { LETTER_CONSENT_WORDING, PERSONAL_NOTE_MAX } from "~/modules/letters/letters";
import { letterFormSchema, letterFormValues, seatSchema, zipSchema } from "~/modules/letters/letters.schema";
import {
  getLetterCampaign,
  newIdempotencyKey,
  resolveLetters,
  sendLetters,
} from "~/modules/letters/letters.server";
import { invalid, requireForm } from "~/lib/input.server";

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
  const { campaign, targets } = await loadCampaign(params.slug);
  const url = new URL(request.url);
  const rawZip = url.searchParams.get("zip");
  const base = {
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
        zipError: zip.error.issues[0].message,
        lookup: null,
        chosen: null,
      },
      { status: 400 },
    );
  const { result } = await lookupDistricts(zip.data);
  if (!result.ok)
    return data(
      { ...base, zip: zip.data, zipError: result.message, lookup: null, chosen: null },
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
  const form = await requireForm(request);
  const values = letterFormValues(form);
  const intent = form.get("intent") === "send" ? "send" : "preview";
  if (campaign.status !== "live")
    return data(
      { values, fields: {}, message: "This campaign is closed to new letters.", preview: null },
      { status: 409 },
    );
  const parsed = letterFormSchema.safeParse(values);
  if (!parsed.success)
    return invalid(parsed.error, {
      values,
      message: "Please correct the fields marked below.",
      preview: null,
    });
  if (intent === "preview") {
    const resolved = await resolveLetters(targets, parsed.data);
    if (!resolved.ok)
      return invalid(resolved.fields, { values, message: Object.values(resolved.fields)[0], preview: null });
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
  const result = await sendLetters(campaign, targets, parsed.data, context.clientIp);
  if (!result.ok)
    return data(
      { values, fields: result.fields, message: Object.values(result.fields)[0], preview: null },
      { status: result.status ?? 400 },
    );
  throw redirect(`/letters/${result.token}`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Write to Congress: ${data.campaign.title} | Bring them home` : "Write a letter" },
];

export default function WriteLetter() {
  const { campaign, zip, zipError, lookup, chosen, idempotencyKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values;
  const fields: Record<string, string> = actionData?.fields ?? {};
  const f = bindFields(values, fields);
  const closed = campaign.status !== "live";
  return (
    <div className="wrap page letters-page">
      <p>
        <Link to={`/campaigns/${campaign.slug}`}>← {campaign.title}</Link>
      </p>
      <h1>Write to your members of Congress</h1>
      <p className="lead">
        Your letters go out in your own name. You will see each one exactly as it will be sent, and then how
        to deliver it.
      </p>
      {closed ? (
        <p className="notice">This campaign is {campaign.status}; it no longer takes letters.</p>
      ) : null}

      <section aria-labelledby="zip-heading" className="letters-step">
        <h2 id="zip-heading">1. Your ZIP code</h2>
        <Form method="get" className="search-form">
          <label htmlFor="zip" className="visually-hidden">
            ZIP code
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
            placeholder="e.g. 05401"
          />
          <button className="button button--secondary" type="submit">
            Find my members
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
          <h2 id="district-heading">2. Choose your district</h2>
          {lookup.match === "state" ? (
            <p className="warning">
              ZIP code {lookup.zip} ({lookup.city}, {lookup.states[0]}) is not in our district map, often
              because it is a PO-box ZIP. Choose your district below, or enter the ZIP code of your home
              address.
            </p>
          ) : (
            <p>
              ZIP code {lookup.zip} crosses {lookup.candidates.length} congressional districts
              {lookup.states.length > 1 ? ` in ${lookup.states.join(" and ")}` : ""}. Choose yours; the
              members' names may help.
            </p>
          )}
          <Form method="get">
            <input type="hidden" name="zip" value={lookup.zip} />
            <fieldset className="district-choices">
              <legend>Your congressional district</legend>
              {lookup.candidates.map((c) => (
                <label key={c.seat} className="check" htmlFor={`seat-${c.seat}`}>
                  <input id={`seat-${c.seat}`} type="radio" name="seat" value={c.seat} required />
                  <CandidateSummary c={c} />
                </label>
              ))}
            </fieldset>
            <button className="button" type="submit">
              Use this district
            </button>
          </Form>
        </section>
      ) : null}

      {chosen && !closed ? (
        <section aria-labelledby="write-heading" className="letters-step">
          <h2 id="write-heading">2. Your letters</h2>
          <p>
            <CandidateSummary c={chosen} />
            {lookup && lookup.candidates.length > 1 ? (
              <>
                {" "}
                · <Link to={`?zip=${lookup.zip}`}>choose another district</Link>
              </>
            ) : null}
          </p>
          {chosen.vacant ? (
            <p className="warning">
              The House seat for {chosen.label} is vacant in our data, so there is no representative to write
              to{chosen.senators.length ? "; your letters go to your senators" : ""}.
            </p>
          ) : null}
          {!chosen.senators.length ? (
            <p className="muted">{chosen.state} has a delegate in the House and no senators.</p>
          ) : null}
          <Form method="post" id="letter-form" className="stack letter-form" noValidate>
            <FormError message={actionData?.message} />
            <input type="hidden" name="zip" value={zip} />
            <input type="hidden" name="seat" value={chosen.seat} />
            <input type="hidden" name="idempotencyKey" value={values?.idempotencyKey || idempotencyKey} />
            <SelectField
              {...f("prefix")}
              label="Title"
              hint="Congressional offices file letters by it; the Senate takes only these."
              autoComplete="honorific-prefix"
            >
              <option value="">Choose…</option>
              {CWC_PREFIXES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </SelectField>
            <div className="two-col">
              <TextField
                {...f("firstName")}
                label="First name"
                autoComplete="given-name"
                required
                maxLength={80}
              />
              <TextField
                {...f("lastName")}
                label="Last name"
                autoComplete="family-name"
                required
                maxLength={80}
              />
            </div>
            <TextField
              {...f("street")}
              label="Street address"
              hint="Offices answer constituents: they need your address."
              autoComplete="street-address"
              required
              maxLength={200}
            />
            <TextField
              {...f("city")}
              label="City"
              autoComplete="address-level2"
              required
              maxLength={80}
              defaultValue={values?.city ?? lookup?.city ?? ""}
            />
            <div className="two-col">
              <TextField
                {...f("zip4")}
                label="ZIP+4 ending (optional)"
                hint={`The 4 digits after ${zip}-`}
                inputMode="numeric"
                maxLength={10}
              />
              <TextField
                {...f("phone")}
                type="tel"
                label="Phone (optional)"
                hint="e.g. 802-555-0100; only the offices see it."
                autoComplete="tel-national"
                maxLength={30}
              />
            </div>
            <TextField
              {...f("email")}
              type="email"
              label="Email"
              hint="We email you a link to get a copy of your letters. It is never shown to anyone."
              autoComplete="email"
              required
              maxLength={254}
            />
            <TextArea
              {...f("personalNote")}
              label="Your own paragraph (optional)"
              hint={`Why this matters to you. Up to ${PERSONAL_NOTE_MAX.toLocaleString("en-US")} characters; it is added to every letter.`}
              rows={5}
            />
            <CheckField
              name="optIn"
              value="yes"
              label={LETTER_CONSENT_WORDING}
              defaultChecked={values?.optIn === "yes"}
            />
            {fields.seat ? <p className="field-error">{fields.seat}</p> : null}
            {fields.idempotencyKey ? <p className="field-error">{fields.idempotencyKey}</p> : null}
            <div className="toolbar">
              <button className="button button--secondary" type="submit" name="intent" value="preview">
                Preview my letters
              </button>
            </div>
          </Form>
          {actionData?.preview ? (
            <section aria-labelledby="preview-heading" className="letters-preview">
              <h2 id="preview-heading">3. Your letters, exactly as they will be sent</h2>
              {actionData.preview.map((l, i) => (
                <LetterPreview key={i} {...l} />
              ))}
              <p className="muted small">To change anything, edit the form above and press Preview again.</p>
              <button className="button" type="submit" form="letter-form" name="intent" value="send">
                Send these {actionData.preview.length} letters
              </button>
            </section>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
