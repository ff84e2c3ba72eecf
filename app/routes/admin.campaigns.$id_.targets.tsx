import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/forms";
import { idParam, notFound, parseId } from "~/lib/http.server";
import { invalid, requireForm } from "~/lib/input.server";
import {
  addTargetRule,
  getTargetEditor,
  removeTargetRule,
  targetRuleFormSchema,
} from "~/modules/legislators/targets-editor.server";
import { COMMITTEE_ROLE_LABELS } from "~/modules/legislators/targets.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";

async function load(raw: string | undefined) {
  const editor = await getTargetEditor(idParam(raw, "No campaign has that number."));
  if (!editor) notFound("No campaign has that number.");
  return editor;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  return { ...(await load(params.id)), canEdit: can(organizer.role, "edit-content") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const { campaign } = await load(params.id);
  const form = await requireForm(request);
  const back = `/admin/campaigns/${campaign.id}/targets`;
  if (form.get("intent") === "remove") {
    const ruleId = parseId(String(form.get("ruleId") ?? ""));
    if (ruleId !== null) await removeTargetRule(organizer.id, campaign.id, ruleId);
    return redirect(back);
  }
  const values = Object.fromEntries(
    ["kind", "office", "state", "committeeId", "role"].map((k) => [k, String(form.get(k) ?? "")]),
  );
  const parsed = targetRuleFormSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { message: "Please correct the rule." });
  const result = await addTargetRule(organizer.id, campaign.id, parsed.data);
  if (!result.ok) return invalid(result.fields, { message: Object.values(result.fields)[0] });
  return redirect(back);
}

export default function CampaignTargets() {
  const { campaign, rules, today, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fields = (actionData?.fields ?? {}) as Record<string, string>;
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}`}>← {campaign.title}</Link>
      </p>
      <h1>Targets bound to offices</h1>
      <p>
        Besides each writer's own members and the officials chosen for the campaign, letters, packets and call
        lists go to these offices, resolved each time against the members in office then.
      </p>
      <ul>
        {rules.length ? (
          rules.map((r) => (
            <li key={r.id}>
              {r.label}{" "}
              {canEdit ? (
                <Form method="post" className="inline">
                  <input type="hidden" name="ruleId" value={r.id} />
                  <button
                    className="button button--small button--secondary"
                    type="submit"
                    name="intent"
                    value="remove"
                  >
                    Remove
                  </button>
                </Form>
              ) : null}
            </li>
          ))
        ) : (
          <li>No rules: only the writer's own members and the officials.</li>
        )}
      </ul>
      {today.notices.map((n) => (
        <p key={n} className="warning">
          {n}
        </p>
      ))}
      {canEdit ? (
        <Form method="post" className="stack">
          <h2>Add a rule</h2>
          <FormError message={actionData?.message} />
          <SelectField name="kind" label="Kind" error={fields.kind}>
            <option value="committee">A committee or subcommittee</option>
            <option value="seat">A named seat</option>
            <option value="delegation">A state's delegation</option>
          </SelectField>
          <TextField
            name="committeeId"
            label="Committee id (for a committee)"
            hint="e.g. HSAS02"
            error={fields.committeeId}
          />
          <SelectField name="role" label="Who on the committee" error={fields.role}>
            {Object.entries(COMMITTEE_ROLE_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </SelectField>
          <TextField
            name="office"
            label="Seat (for a named seat)"
            hint="A CWC office code, e.g. SVT01"
            error={fields.office}
          />
          <TextField name="state" label="State (for a delegation)" hint="e.g. VT" error={fields.state} />
          <p>
            <button className="button" type="submit" name="intent" value="add">
              Add the rule
            </button>
          </p>
        </Form>
      ) : null}
      <h2>Who the rules reach today</h2>
      <ul className="small">
        {today.seats.map((s) => (
          <li key={s.office}>
            {s.office}: {s.name ? `${s.title} ${s.name}` : "vacant"}
            {s.committeeId ? ` (${s.committeeId}${s.committeeRole ? `, ${s.committeeRole}` : ""})` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
