import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { escapeHtml } from "~/lib/html";
import { CampaignStatusBadge } from "~/components/badges";
import { CheckField, FormError, LabelOptions, SelectField, TextArea, TextField } from "~/components/forms";
import { HourlyChart } from "~/components/petitions/hourly-chart";
import { Progress } from "~/components/progress";
import { appUrl } from "~/env.server";
import { idParam, notFound } from "~/lib/http.server";
import { fieldErrors } from "~/lib/validation";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { SIGNATURE_STATES, SIGNATURE_STATE_LABELS } from "~/modules/petitions/petitions";
import { seatLabel } from "~/modules/legislators/seats";
import { invalidationSchema, petitionSettingsSchema } from "~/modules/petitions/petitions.schema";
import { updatePetition } from "~/modules/petitions/petitions.server";
import {
  getPetition,
  invalidateSignatures,
  petitionDashboard,
  previewInvalidation,
  recomputePetitionCounts,
  toRule,
} from "~/modules/petitions/petitions-admin.server";
import { requireFormValues } from "~/lib/input.server";
import { DateTime } from "~/components/date-time";
import { BackLink, Notice } from "~/components/notice";

const petitionId = (raw: string | undefined) => idParam(raw, "No petition has that number.");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const id = petitionId(params.id);
  const petition = await getPetition(id);
  if (!petition) notFound("No petition has that number.");
  const dashboard = await petitionDashboard(id);
  return {
    petition,
    dashboard,
    embedUrl: `${appUrl()}/embed/petitions/${petition.slug}`,
    canEdit: can(organizer.role, "edit-content"),
    canExport: can(organizer.role, "read-private-contact"),
  };
}

type ActionResult = {
  fields: Record<string, string>;
  message: string | null;
  preview: { n: number; values: Record<string, unknown> } | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const id = petitionId(params.id);
  if (!(await getPetition(id))) notFound("No petition has that number.");
  const form = await requireFormValues(request);
  const fail = (r: Partial<ActionResult>, status = 400) =>
    data<ActionResult>({ fields: {}, message: null, preview: null, ...r }, { status });
  if (form.intent === "settings") {
    const parsed = petitionSettingsSchema.safeParse(form);
    if (!parsed.success) return fail({ fields: fieldErrors(parsed.error) });
    await updatePetition(organizer.id, id, parsed.data);
    throw redirect(`/admin/petitions/${id}?saved=1`);
  }
  if (form.intent === "recompute") {
    await recomputePetitionCounts(id);
    throw redirect(`/admin/petitions/${id}?recomputed=1`);
  }
  if (form.intent === "invalidate") {
    const parsed = invalidationSchema.safeParse(form);
    if (!parsed.success) return fail({ fields: fieldErrors(parsed.error) });
    const rule = toRule(parsed.data);
    if (!parsed.data.confirm)
      return fail({ preview: { n: await previewInvalidation(id, rule), values: form } }, 200);
    const n = await invalidateSignatures(organizer.id, id, rule);
    throw redirect(`/admin/petitions/${id}?invalidated=${n}`);
  }
  return fail({ message: "Unknown action." });
}

const RULE_LABELS = {
  ip: "IP address",
  ipHash: "IP hash (from the trending list)",
  domain: "Email domain",
  email: "Email address",
  zip: "ZIP code",
  window: "Time window",
};

export default function AdminPetition() {
  const { petition, dashboard, embedUrl, canEdit, canExport } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const f = actionData?.fields ?? {};
  const preview = actionData?.preview;
  const confirmed = dashboard.counts.confirmed ?? 0;
  const snippet = `<iframe src="${escapeHtml(embedUrl)}" title="Petition: ${escapeHtml(petition.title)}" width="100%" height="190" style="border:0;max-width:540px" loading="lazy"></iframe>`;
  return (
    <>
      <BackLink to="/admin/petitions">Petitions</BackLink>
      <h1>{petition.title}</h1>
      <div className="toolbar">
        <CampaignStatusBadge status={petition.campaignStatus} />
        <a href={`/campaigns/${petition.slug}`}>Public page</a>
        <Link to={`/admin/petitions/${petition.id}/signatures`}>Signatures</Link>
        {canExport ? (
          <a href={`/admin/petitions/${petition.id}/export`} download>
            Export CSV
          </a>
        ) : null}
        {canExport ? <a href={`/admin/petitions/${petition.id}/delivery`}>Delivery PDF</a> : null}
        {canEdit ? (
          <Form method="post" className="inline-form">
            <button
              className="button button--small button--secondary"
              type="submit"
              name="intent"
              value="recompute"
            >
              Recompute counts
            </button>
          </Form>
        ) : null}
      </div>
      <Notice when={params.get("saved")}>Saved.</Notice>
      <Notice when={params.get("recomputed")}>Counts recomputed from the signatures.</Notice>
      <Notice when={params.get("invalidated")}>
        {params.get("invalidated")} signatures invalidated; counts recomputed.
      </Notice>
      <FormError message={actionData?.message} />
      <Progress value={confirmed} goal={petition.goal} label="Confirmed signatures" />
      <ul className="petition-kpis" aria-label="Signatures by state">
        {SIGNATURE_STATES.map((s) => (
          <li key={s}>
            <strong>{(dashboard.counts[s] ?? 0).toLocaleString("en-US")}</strong> {SIGNATURE_STATE_LABELS[s]}
          </li>
        ))}
      </ul>
      <HourlyChart
        hourly={dashboard.hourly}
        hours={48}
        now={dashboard.now}
        title="Confirmed signatures per hour"
      />

      <div className="two-col">
        <section aria-labelledby="trending-heading">
          <h2 id="trending-heading">Trending sources</h2>
          <p className="small muted">
            IP hashes and email domains with more than {dashboard.threshold} signatures in one hour, last 24
            hours.
          </p>
          <table className="data">
            <thead>
              <tr>
                <th>Kind</th>
                <th>Source</th>
                <th>Hour</th>
                <th className="num">Signatures</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...dashboard.trending.ips.map((t) => ({ ...t, kind: "IP" })),
                ...dashboard.trending.domains.map((t) => ({ ...t, kind: "Domain" })),
              ].map((t) => (
                <tr key={`${t.kind}${t.key}${t.hour}`}>
                  <td>{t.kind}</td>
                  <td>
                    <code>{t.key}</code>
                  </td>
                  <td>{<DateTime value={t.hour} />}</td>
                  <td className="num">{t.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!dashboard.trending.ips.length && !dashboard.trending.domains.length ? (
            <p>Nothing above the threshold.</p>
          ) : null}
        </section>
        <section aria-labelledby="invalidate-heading">
          <h2 id="invalidate-heading">Invalidate signatures</h2>
          {canEdit ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="invalidate" />
              <SelectField
                name="rule"
                label="Match by"
                defaultValue={String(preview?.values.rule ?? "ipHash")}
                error={f.rule}
              >
                <LabelOptions labels={RULE_LABELS} />
              </SelectField>
              <TextField
                name="value"
                label="Value"
                hint="Not used for a time window."
                defaultValue={String(preview?.values.value ?? "")}
                error={f.value}
              />
              <TextField
                name="from"
                type="datetime-local"
                label="From (time window)"
                defaultValue={String(preview?.values.from ?? "")}
                error={f.from}
              />
              <TextField
                name="to"
                type="datetime-local"
                label="To (time window)"
                defaultValue={String(preview?.values.to ?? "")}
                error={f.to}
              />
              {preview ? (
                <>
                  <p className="warning" role="status">
                    {preview.n} pending or confirmed signatures match.
                  </p>
                  <CheckField name="confirm" label={`Yes, invalidate these ${preview.n} signatures`} />
                  <button className="button" type="submit">
                    Invalidate
                  </button>
                </>
              ) : (
                <button className="button button--secondary" type="submit">
                  Count matches
                </button>
              )}
            </Form>
          ) : (
            <p>Your role cannot invalidate signatures.</p>
          )}
          <h3>Invalidations</h3>
          <table className="data">
            <thead>
              <tr>
                <th>When</th>
                <th>Rule</th>
                <th className="num">Removed</th>
                <th>By</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.invalidations.map((i) => (
                <tr key={i.id}>
                  <td>{<DateTime value={i.createdAt} />}</td>
                  <td>
                    <code>{JSON.stringify(i.rule)}</code>
                  </td>
                  <td className="num">{i.count}</td>
                  <td>{i.organizerName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      {dashboard.districts.length ? (
        <details>
          <summary>Confirmed signatures by district ({dashboard.districts.length})</summary>
          <p className="small">
            {dashboard.districts.map((d) => `${seatLabel(d.usState, d.district)}: ${d.n}`).join(" · ")}
          </p>
        </details>
      ) : null}

      <h2>Embed and share</h2>
      <label htmlFor="embed-snippet">Paste this on another site to show the count and a link to sign</label>
      <textarea id="embed-snippet" className="petition-snippet" readOnly value={snippet} />
      <p className="small">
        Share links record their <code>source</code> on each signature, e.g.{" "}
        <code>/campaigns/{petition.slug}?source=newsletter</code>.
      </p>

      <h2>Settings</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="settings" />
        <TextArea
          name="ask"
          label="The ask"
          defaultValue={petition.ask}
          error={f.ask}
          readOnly={!canEdit}
          rows={6}
        />
        <TextField
          name="goal"
          type="number"
          label="Signature goal"
          min={1}
          defaultValue={String(petition.goal)}
          error={f.goal}
          readOnly={!canEdit}
        />
        <TextField
          name="deadline"
          type="datetime-local"
          label="Deadline (optional)"
          defaultValue={petition.deadline ? new Date(petition.deadline).toISOString().slice(0, 16) : ""}
          error={f.deadline}
          readOnly={!canEdit}
        />
        <CheckField
          name="requiresConfirmation"
          label="Signatures count only after email confirmation"
          defaultChecked={petition.requiresConfirmation}
          disabled={!canEdit}
        />
        {canEdit ? (
          <button className="button" type="submit">
            Save settings
          </button>
        ) : null}
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
