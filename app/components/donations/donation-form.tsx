import { Form, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { CheckField, FormError, TextField } from "~/components/forms";
import { formatCents, GIVING_NOT_SET_UP } from "~/modules/donations/donations";

export interface DonationFormProps {
  nonce: string;
  presetsCents: number[];
  minCents: number;
  maxCents: number;
  /** False in production without a Stripe key: the page says giving is not set up. */
  available: boolean;
  testMode: boolean;
  updatesWording: string;
  campaignTitle: string | null;
  values?: Record<string, unknown> | null;
  fields?: Record<string, string>;
  message?: string | null;
}

/** The giving form: preset or typed amount, one time (default) or monthly by choice, optional contact. */
export function DonationForm(props: DonationFormProps) {
  const navigation = useNavigation();
  const custom = useRef<HTMLInputElement>(null);
  const v = props.values ?? {};
  const chosen = String(v.amount ?? "");
  const fields = props.fields ?? {};
  const busy = navigation.state !== "idle";
  if (!props.available) {
    return (
      <p className="notice" role="status">
        {props.message ?? GIVING_NOT_SET_UP}
      </p>
    );
  }
  return (
    <Form method="post" className="stack giving-form" noValidate>
      {props.testMode ? <TestModeNotice /> : null}
      <FormError
        message={
          props.message ?? (Object.keys(fields).length ? "Please check the highlighted fields." : null)
        }
      />
      <input type="hidden" name="nonce" value={props.nonce} />
      <fieldset className="giving-amounts" aria-describedby={fields.amount ? "amount-error" : undefined}>
        <legend>Amount (US dollars)</legend>
        <div className="giving-amounts__grid">
          {props.presetsCents.map((cents) => (
            <label className="giving-choice" key={cents}>
              <input
                type="radio"
                name="amount"
                value={String(cents)}
                defaultChecked={chosen === String(cents)}
              />
              <span>{formatCents(cents)}</span>
            </label>
          ))}
          <label className="giving-choice">
            <input
              type="radio"
              name="amount"
              value="custom"
              defaultChecked={chosen === "custom"}
              ref={custom}
            />
            <span>Other</span>
          </label>
        </div>
        {fields.amount ? (
          <p id="amount-error" className="field-error">
            {fields.amount}
          </p>
        ) : null}
        <TextField
          name="customAmount"
          label="Other amount"
          hint={`Choose “Other”, then type dollars and cents, e.g. 40 or 40.50 (${formatCents(props.minCents)} to ${formatCents(props.maxCents)}).`}
          inputMode="decimal"
          autoComplete="off"
          defaultValue={String(v.customAmount ?? "")}
          error={fields.customAmount}
          onInput={() => {
            if (custom.current) custom.current.checked = true;
          }}
        />
      </fieldset>
      <fieldset className="giving-frequency">
        <legend>How often</legend>
        <label className="check">
          <input type="radio" name="frequency" value="one_time" defaultChecked={v.frequency !== "monthly"} />
          <span>One time</span>
        </label>
        <label className="check">
          <input type="radio" name="frequency" value="monthly" defaultChecked={v.frequency === "monthly"} />
          <span>Monthly, until I cancel (you can cancel any time from your receipt)</span>
        </label>
        {fields.frequency ? <p className="field-error">{fields.frequency}</p> : null}
      </fieldset>
      <TextField
        name="name"
        label="Your name (optional)"
        autoComplete="name"
        defaultValue={String(v.name ?? "")}
        error={fields.name}
      />
      <TextField
        name="email"
        type="email"
        label="Email for your receipt (optional)"
        hint="Stripe will ask for it if you leave it empty."
        autoComplete="email"
        defaultValue={String(v.email ?? "")}
        error={fields.email}
      />
      <CheckField
        name="updates"
        label={props.updatesWording}
        defaultChecked={v.updates === "on"}
        error={fields.updates}
      />
      {fields.nonce ? <p className="field-error">{fields.nonce}</p> : null}
      {fields.currency ? <p className="field-error">{fields.currency}</p> : null}
      <div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Opening secure checkout…" : "Continue to secure payment"}
        </button>
        <p className="hint">Payment is handled by Stripe. We never see your card number.</p>
      </div>
    </Form>
  );
}

export function TestModeNotice() {
  return (
    <p className="warning" role="note">
      <strong>Test mode.</strong> No Stripe key is configured, so no card is charged and no money moves. A
      local page stands in for Stripe’s checkout.
    </p>
  );
}
