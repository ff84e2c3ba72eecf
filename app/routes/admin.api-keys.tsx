import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/forms";
import { DateTime } from "~/components/date-time";
import { Notice } from "~/components/notice";
import { invalid, requireFormValues } from "~/lib/input.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { apiKeyFormSchema } from "~/modules/osdi/api-keys.schema";
import { createApiKey, listApiKeys, revokeApiKey } from "~/modules/osdi/api-keys.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request, "manage-api-keys");
  return { keys: await listApiKeys() };
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireOrganizer(request, "manage-api-keys");
  const parsed = apiKeyFormSchema.safeParse(await requireFormValues(request));
  if (!parsed.success)
    return invalid(parsed.error, {
      message: "Please correct the fields marked below.",
      done: null,
      token: null,
    });
  if (parsed.data.intent === "create") {
    const key = await createApiKey(me.id, parsed.data);
    return data({
      fields: {},
      message: null,
      done: `Created the ${key.scope} key "${key.name}". Copy it now: it is shown only this once.`,
      token: key.token,
    });
  }
  const revoked = await revokeApiKey(me.id, parsed.data.keyId);
  return data({
    fields: {},
    message: revoked ? null : "That key was already revoked.",
    done: revoked ? "Revoked: the key no longer opens the API." : null,
    token: null,
  });
}

export default function ApiKeys() {
  const { keys } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fields: Record<string, string> = actionData?.fields ?? {};
  return (
    <>
      <h1>API keys</h1>
      <p className="muted">
        Keys for the OSDI API at <code>/api/osdi/v1/</code>, which other tools (Action Network, CiviCRM) use
        to read supporters, petitions, signatures, donations, letters and calls. A read-write key can also
        record signatures, which the signer confirms from an email as on the form.
      </p>
      <Notice when={actionData?.done}>{actionData?.done}</Notice>
      {actionData?.token ? (
        <p>
          <label htmlFor="new-key">The new key</label>
          <input id="new-key" readOnly value={actionData.token} />
        </p>
      ) : null}
      <FormError message={actionData?.message} />
      {keys.length ? (
        <div className="table-scroll">
          <table className="data">
            <caption>Keys, newest first</caption>
            <thead>
              <tr>
                <th>Name</th>
                <th>Scope</th>
                <th>Starts with</th>
                <th>Created</th>
                <th>Last used</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>{k.scope}</td>
                  <td>
                    <code>{k.tokenHint}…</code>
                  </td>
                  <td>
                    <DateTime value={k.createdAt} />
                    {k.createdByName ? ` by ${k.createdByName}` : ""}
                  </td>
                  <td>{k.lastUsedAt ? <DateTime value={k.lastUsedAt} /> : "never"}</td>
                  <td>
                    {k.revokedAt ? (
                      <>
                        revoked <DateTime value={k.revokedAt} />
                      </>
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="keyId" value={k.id} />
                        <button className="button button--small button--secondary" type="submit">
                          Revoke {k.name}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No keys yet.</p>
      )}
      <h2>Create a key</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="create" />
        <TextField name="name" label="Name" hint="The tool that will use it." required error={fields.name} />
        <SelectField
          name="scope"
          label="Scope"
          defaultValue="read"
          error={fields.scope}
          hint="Read: list and read everything. Read-write: also record signatures."
        >
          <option value="read">read</option>
          <option value="read-write">read-write</option>
        </SelectField>
        <div>
          <button className="button" type="submit">
            Create key
          </button>
        </div>
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
