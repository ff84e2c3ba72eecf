import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/forms";
import { fieldErrors } from "~/lib/validation";
import { ROLES } from "~/modules/organizers/organizers";
import { organizerAdminSchema } from "~/modules/organizers/organizers.schema";
import {
  changeRole,
  createOrganizer,
  disableOrganizer,
  listOrganizers,
} from "~/modules/organizers/organizers.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { inviteSchema } from "~/modules/organizers/tokens.schema";
import { inviteOrganizer, pendingInvitations } from "~/modules/organizers/tokens.server";
import { invalid, requireFormValues } from "~/lib/input.server";
import { DateOnly, DateTime } from "~/components/date-time";
import { Notice } from "~/components/notice";

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireOrganizer(request, "manage-organizers");
  const [organizers, invitations] = await Promise.all([listOrganizers(), pendingInvitations()]);
  return { organizers, invitations, meId: me.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireOrganizer(request, "manage-organizers");
  const raw = await requireFormValues(request);
  if (raw.intent === "invite") {
    const invite = inviteSchema.safeParse({
      intent: "invite",
      email: raw["invite-email"],
      name: raw["invite-name"],
      role: raw["invite-role"],
    });
    if (!invite.success)
      return invalid(prefix(fieldErrors(invite.error)), {
        message: "Please correct the fields marked below.",
        done: null,
      });
    const invited = await inviteOrganizer(me.id, invite.data);
    if (!invited.ok) return invalid(prefix(invited.fields), { message: null, done: null });
    return data({
      fields: {},
      message: null,
      done: `Invitation sent to ${invite.data.email}. The link works once, for 7 days.`,
    });
  }
  const parsed = organizerAdminSchema.safeParse(raw);
  if (!parsed.success)
    return invalid(parsed.error, { message: "Please correct the fields marked below.", done: null });
  const input = parsed.data;
  if (input.intent !== "create" && input.organizerId === me.id) {
    return invalid(
      {},
      { message: "You cannot change your own role or disable yourself; ask another owner.", done: null },
    );
  }
  if (input.intent === "create") {
    const result = await createOrganizer(input, me.id);
    if (!result.ok)
      return invalid(
        { email: "An organizer with this email already exists." },
        { message: null, done: null },
      );
    return data({ fields: {}, message: null, done: `Created ${input.email} as ${input.role}.` });
  }
  if (input.intent === "role") await changeRole(me.id, input.organizerId, input.role);
  else await disableOrganizer(me.id, input.organizerId, input.disabled);
  return data({ fields: {}, message: null, done: "Saved." });
}

/** Invitation fields are named invite-* so their errors do not land on the other form. */
function prefix(fields: Record<string, string>) {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`invite-${k}`, v]));
}

export default function Organizers() {
  const { organizers, invitations, meId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fields: Record<string, string> = actionData?.fields ?? {};
  return (
    <>
      <h1>Organizers</h1>
      <Notice when={actionData?.done}>{actionData?.done}</Notice>
      <FormError message={actionData?.message} />
      <table className="data">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Last sign-in</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {organizers.map((o) => (
            <tr key={o.id}>
              <td>{o.name}</td>
              <td>{o.email}</td>
              <td>
                {o.id === meId ? (
                  o.role
                ) : (
                  <Form method="post" className="toolbar">
                    <input type="hidden" name="intent" value="role" />
                    <input type="hidden" name="organizerId" value={o.id} />
                    <label className="visually-hidden" htmlFor={`role-${o.id}`}>
                      Role of {o.name}
                    </label>
                    <select id={`role-${o.id}`} name="role" defaultValue={o.role}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                    <button className="button button--small button--secondary" type="submit">
                      Change
                    </button>
                  </Form>
                )}
              </td>
              <td>{o.lastLoginAt ? <DateTime value={o.lastLoginAt} /> : "never"}</td>
              <td>
                {o.id === meId ? (
                  "you"
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="disable" />
                    <input type="hidden" name="organizerId" value={o.id} />
                    <input type="hidden" name="disabled" value={o.disabledAt ? "false" : "true"} />
                    <button className="button button--small button--secondary" type="submit">
                      {o.disabledAt ? "Enable" : "Disable"}
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Invite an organizer</h2>
      <p className="muted">
        They get an email with a link (valid 7 days, once) to choose their own password.
      </p>
      {invitations.length ? (
        <table className="data">
          <caption>Invitations not yet accepted</caption>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Expires</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{i.email}</td>
                <td>{i.role}</td>
                <td>{<DateOnly value={i.expiresAt} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="invite" />
        <TextField name="invite-name" label="Name" required error={fields["invite-name"]} />
        <TextField name="invite-email" type="email" label="Email" required error={fields["invite-email"]} />
        <SelectField name="invite-role" label="Role" defaultValue="editor" error={fields["invite-role"]}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <div>
          <button className="button" type="submit">
            Send invitation
          </button>
        </div>
      </Form>
      <h2>Add an organizer with a temporary password</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="create" />
        <TextField name="name" label="Name" required error={fields.name} />
        <TextField name="email" type="email" label="Email" required error={fields.email} />
        <SelectField
          name="role"
          label="Role"
          defaultValue="editor"
          error={fields.role}
          hint="Owner: everything. Editor: campaigns, cases, content. Viewer: read-only."
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <TextField
          name="password"
          type="password"
          label="Temporary password"
          hint="At least 12 characters; ask them to change it."
          autoComplete="new-password"
          required
          error={fields.password}
        />
        <div>
          <button className="button" type="submit">
            Add organizer
          </button>
        </div>
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
