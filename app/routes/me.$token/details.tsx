import { Form } from "@remix-run/react";
import { TextField } from "~/components/forms";

interface Props {
  supporter: { email: string; firstName: string; lastName: string; zip: string | null };
  subscriptions: { everything: boolean; campaigns: Array<{ campaignId: number; title: string }> };
  fields: Record<string, string>;
}

/** The supporter's details (name, ZIP, address) and email subscriptions, each its own form. */
export function MeDetails({ supporter, subscriptions, fields }: Props) {
  return (
    <>
      <section aria-labelledby="me-details" className="stack">
        <h2 id="me-details">Your details</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="profile" />
          <TextField
            name="firstName"
            label="First name"
            defaultValue={supporter.firstName}
            error={fields.firstName}
            autoComplete="given-name"
          />
          <TextField
            name="lastName"
            label="Last name"
            defaultValue={supporter.lastName}
            error={fields.lastName}
            autoComplete="family-name"
          />
          <TextField
            name="zip"
            label="ZIP code"
            defaultValue={supporter.zip ?? ""}
            error={fields.zip}
            inputMode="numeric"
            autoComplete="postal-code"
          />
          <div>
            <button className="button" type="submit">
              Save my details
            </button>
          </div>
        </Form>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="email" />
          <TextField
            name="email"
            type="email"
            label="New email address"
            hint={`Now ${supporter.email}. We send a link to the new address; it changes when you open it.`}
            error={fields.email}
            autoComplete="email"
          />
          <div>
            <button className="button" type="submit">
              Change my address
            </button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="me-subscriptions" className="stack">
        <h2 id="me-subscriptions">Email subscriptions</h2>
        {subscriptions.everything || subscriptions.campaigns.length ? (
          <ul>
            {subscriptions.everything ? <li>Updates about every campaign</li> : null}
            {subscriptions.campaigns.map((c) => (
              <li key={c.campaignId}>
                Updates about “{c.title}”{" "}
                <Form method="post" className="inline">
                  <input type="hidden" name="intent" value="stop" />
                  <input type="hidden" name="campaignId" value={c.campaignId} />
                  <button
                    className="button secondary"
                    type="submit"
                    aria-label={`Stop updates about ${c.title}`}
                  >
                    Stop
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>You are not subscribed to any updates.</p>
        )}
        <div className="row">
          {subscriptions.everything || subscriptions.campaigns.length ? (
            <Form method="post">
              <input type="hidden" name="intent" value="stop" />
              <button className="button secondary" type="submit">
                Stop all updates
              </button>
            </Form>
          ) : null}
          {subscriptions.everything ? null : (
            <Form method="post">
              <input type="hidden" name="intent" value="subscribe-all" />
              <button className="button secondary" type="submit">
                Send me updates about every campaign
              </button>
            </Form>
          )}
        </div>
      </section>
    </>
  );
}
