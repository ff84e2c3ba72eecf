import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CheckField, FormError, SelectField, TextArea, TextField } from "~/components/forms";
import { CampaignStatusBadge } from "~/components/badges";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { createPetitionSchema } from "~/modules/petitions/petitions.schema";
import { createPetition } from "~/modules/petitions/petitions.server";
import { listPetitions } from "~/modules/petitions/petitions-admin.server";
import { PETITION_SETTINGS, forgetAbuseLimits } from "~/modules/petitions/petition-settings.server";
import { getSetting, setSetting } from "~/modules/settings/settings.server";
import { invalid, requireFormValues } from "~/lib/input.server";
import { DateOnly } from "~/components/date-time";

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const [petitions, settings] = await Promise.all([
    listPetitions(),
    Promise.all(
      PETITION_SETTINGS.map(async (s) => ({
        key: s.key,
        label: s.label,
        value: await getSetting(s as never),
      })),
    ),
  ]);
  return { petitions, settings, canEdit: can(organizer.role, "edit-content") };
}

export async function action({ request }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const form = await requireFormValues(request);
  if (form.intent === "settings") {
    const fields: Record<string, string> = {};
    const parsed: Array<[(typeof PETITION_SETTINGS)[number], unknown]> = [];
    for (const s of PETITION_SETTINGS) {
      const raw = String(form[s.key] ?? "");
      const value = Array.isArray(s.defaultValue)
        ? raw
            .split(/[\s,]+/)
            .map((d) => d.trim().toLowerCase())
            .filter(Boolean)
        : Number(raw);
      const r = (s.schema as z.ZodType).safeParse(value);
      if (!r.success) fields[s.key] = r.error.issues[0]?.message ?? "Invalid value.";
      else parsed.push([s, r.data]);
    }
    if (Object.keys(fields).length) return invalid(fields, { message: "Some settings are invalid." });
    for (const [s, v] of parsed) await setSetting(s as never, v as never, organizer.id);
    forgetAbuseLimits();
    throw redirect("/admin/petitions?saved=1");
  }
  const parsed = createPetitionSchema.safeParse(form);
  if (!parsed.success) return invalid(parsed.error, { message: null });
  const { campaignSlug, ...settings } = parsed.data;
  const result = await createPetition(organizer.id, campaignSlug, settings);
  if (!result.ok)
    return data({ fields: {} as Record<string, string>, message: result.message }, { status: 409 });
  throw redirect(`/admin/petitions/${result.id}`);
}

export default function AdminPetitions() {
  const { petitions, settings, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const without = petitions.filter((p) => p.id === null);
  return (
    <>
      <h1>Petitions</h1>
      <table className="data">
        <thead>
          <tr>
            <th>Campaign</th>
            <th>Status</th>
            <th className="num">Confirmed</th>
            <th className="num">Pending</th>
            <th className="num">Goal</th>
            <th>Deadline</th>
          </tr>
        </thead>
        <tbody>
          {petitions.map((p) => (
            <tr key={p.campaignId}>
              <td>{p.id ? <Link to={`/admin/petitions/${p.id}`}>{p.title}</Link> : p.title}</td>
              <td>
                <CampaignStatusBadge status={p.status} />
              </td>
              <td className="num">{p.id ? (p.confirmed ?? 0).toLocaleString("en-US") : "no petition"}</td>
              <td className="num">{p.id ? (p.pending ?? 0).toLocaleString("en-US") : ""}</td>
              <td className="num">{p.goal?.toLocaleString("en-US") ?? ""}</td>
              <td>{p.deadline ? <DateOnly value={p.deadline} /> : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError message={actionData?.message} />
      {canEdit && without.length ? (
        <>
          <h2>Add a petition to a campaign</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="create" />
            <SelectField name="campaignSlug" label="Campaign" error={actionData?.fields?.campaignSlug}>
              {without.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.title}
                </option>
              ))}
            </SelectField>
            <TextArea
              name="ask"
              label="The ask (the petition's text)"
              error={actionData?.fields?.ask}
              required
            />
            <TextField
              name="goal"
              type="number"
              label="Signature goal"
              min={1}
              defaultValue="10000"
              error={actionData?.fields?.goal}
            />
            <TextField
              name="deadline"
              type="datetime-local"
              label="Deadline (optional)"
              error={actionData?.fields?.deadline}
            />
            <CheckField
              name="requiresConfirmation"
              label="Signatures count only after email confirmation"
              defaultChecked
            />
            <button className="button" type="submit">
              Create petition
            </button>
          </Form>
        </>
      ) : null}
      <h2>Abuse limits</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="settings" />
        {settings.map((s) => (
          <TextField
            key={s.key}
            name={s.key}
            label={s.label}
            defaultValue={Array.isArray(s.value) ? (s.value as string[]).join(", ") : String(s.value)}
            error={actionData?.fields?.[s.key]}
            readOnly={!canEdit}
          />
        ))}
        {canEdit ? (
          <button className="button button--secondary" type="submit">
            Save limits
          </button>
        ) : null}
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
