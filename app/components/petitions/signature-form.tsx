import { Form, useFetcher } from "@remix-run/react";
import { bindFields, CheckField, FormError, LabelOptions, SelectField, TextArea, TextField } from "../forms";
import { consentWording } from "~/modules/petitions/petitions";
import { COUNTRIES } from "~/modules/petitions/petitions.schema";

export interface SignatureFormState {
  fields?: Record<string, string>;
  values?: Record<string, unknown>;
  message?: string | null;
}

function Fields({ state, source }: { state?: SignatureFormState; source?: string | null }) {
  const v = (k: string) => (typeof state?.values?.[k] === "string" ? (state.values[k] as string) : undefined);
  const e = state?.fields ?? {};
  const f = bindFields(state?.values, e);
  return (
    <>
      <FormError
        message={state?.message ?? (Object.keys(e).length ? "Please correct the fields marked below." : null)}
      />
      <TextField {...f("firstName")} label="First name" autoComplete="given-name" required maxLength={60} />
      <TextField {...f("lastName")} label="Last name" autoComplete="family-name" required maxLength={60} />
      <TextField
        {...f("email")}
        type="email"
        label="Email"
        autoComplete="email"
        required
        maxLength={254}
        hint="We send a link to confirm your signature."
      />
      <SelectField
        {...f("country")}
        label="Country"
        autoComplete="country"
        defaultValue={v("country") ?? "US"}
      >
        <LabelOptions labels={COUNTRIES} />
      </SelectField>
      <TextField
        {...f("zip")}
        label="ZIP code"
        hint="Required in the United States: 5 digits or ZIP+4."
        autoComplete="postal-code"
        inputMode="numeric"
        maxLength={12}
      />
      <TextArea
        {...f("comment")}
        label="Comment (optional)"
        hint="Shown publicly only if you choose to show your name."
        maxLength={500}
        rows={3}
      />
      <CheckField
        name="showName"
        label="Show my first name, last initial and town on this page"
        defaultChecked={state?.values?.showName === "on"}
        error={e.showName}
      />
      <CheckField
        name="optIn"
        label={consentWording()}
        defaultChecked={state?.values?.optIn === "on"}
        error={e.optIn}
      />
      <div className="petition-honeypot" aria-hidden="true">
        <label htmlFor="website">Leave this field empty</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      {source ? <input type="hidden" name="source" value={source} /> : null}
    </>
  );
}

/** The signing form; with JavaScript it posts without leaving the page, without it the sign page answers. */
export function SignatureForm({
  slug,
  source,
  state,
  standalone = false,
}: {
  slug: string;
  source?: string | null;
  state?: SignatureFormState;
  standalone?: boolean;
}) {
  const fetcher = useFetcher<SignatureFormState>();
  const action = `/campaigns/${slug}/sign`;
  if (standalone) {
    return (
      <Form method="post" action={action} className="stack petition-form" noValidate>
        <Fields state={state} source={source} />
        <button className="button" type="submit">
          Sign the petition
        </button>
      </Form>
    );
  }
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" action={action} className="stack petition-form" noValidate>
      <Fields
        state={fetcher.data ?? state}
        source={source}
        key={fetcher.data ? JSON.stringify(fetcher.data.values) : "blank"}
      />
      <button className="button" type="submit" disabled={busy}>
        {busy ? "Signing…" : "Sign the petition"}
      </button>
    </fetcher.Form>
  );
}
