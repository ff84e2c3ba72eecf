import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CampaignForm } from "~/components/admin/campaign-form";
import { CampaignStatusBadge } from "~/components/badges";
import { idParam, notFound } from "~/lib/http.server";
import { availableTransitions, type CampaignTransition } from "~/modules/campaigns/campaigns";
import {
  campaignFormValues,
  campaignTransitionSchema,
  parseCampaignForm,
} from "~/modules/campaigns/campaigns.schema";
import {
  getCampaignForEdit,
  listTargetOptions,
  previewMarkdown,
  transitionCampaign,
  updateCampaign,
} from "~/modules/campaigns/campaigns.server";
import { can } from "~/modules/organizers/organizers";
import { defaultCwcTopic } from "~/modules/cwc/cwc-topic.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { invalid, requireForm } from "~/lib/input.server";
import { BackLink, Notice } from "~/components/notice";

const TRANSITION_LABELS: Record<CampaignTransition, string> = {
  publish: "Publish",
  close: "Close",
  reopen: "Reopen",
  "mark-won": "Mark as won",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const campaign = await getCampaignForEdit(idParam(params.id, "No campaign has that number."));
  if (!campaign) notFound("No campaign has that number.");
  return {
    campaign,
    officials: await listTargetOptions(),
    defaultCwcTopic: defaultCwcTopic(),
    canEdit: can(organizer.role, "edit-content"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const id = idParam(params.id, "No campaign has that number.");
  const form = await requireForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "transition") {
    const parsed = campaignTransitionSchema.safeParse({ transition: form.get("transition") });
    if (!parsed.success) return invalid({}, { message: "Unknown action.", preview: null, values: null });
    const result = await transitionCampaign(organizer.id, id, parsed.data.transition);
    if (!result.ok)
      return data({ message: result.message, fields: {}, preview: null, values: null }, { status: 409 });
    throw redirect(`/admin/campaigns/${id}?status=${result.status}`);
  }
  const values = campaignFormValues(form);
  if (intent === "preview")
    return data({ message: null, fields: {}, preview: previewMarkdown(values.bodyMd), values });
  const parsed = parseCampaignForm(form);
  if (!parsed.success) return invalid(parsed.error, { message: null, preview: null, values });
  const result = await updateCampaign(organizer.id, id, parsed.data);
  if (!result.ok) return invalid(result.fields, { message: null, preview: null, values });
  throw redirect(`/admin/campaigns/${id}?saved=1`);
}

export default function EditCampaign() {
  const { campaign, officials, defaultCwcTopic, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const stored = {
    ...campaign,
    chambers: campaign.targets.filter((t) => t.kind !== "official").map((t) => t.kind),
    officials: campaign.targets.filter((t) => t.key).map((t) => t.key as string),
  };
  const values = actionData?.values ?? stored;
  return (
    <>
      <BackLink to="/admin/campaigns">Campaigns</BackLink>
      <h1>{campaign.title}</h1>
      <div className="toolbar">
        <CampaignStatusBadge status={campaign.status} />
        {campaign.status !== "draft" ? <a href={`/campaigns/${campaign.slug}`}>View public page</a> : null}
        <Link to={`/admin/campaigns/${campaign.id}/statements`}>Statements and call scripts</Link>
        <Link to={`/admin/campaigns/${campaign.id}/calls`}>Calls</Link>
        {canEdit
          ? availableTransitions(campaign.status).map((t) => (
              <Form method="post" key={t} className="inline-form">
                <input type="hidden" name="intent" value="transition" />
                <button className="button button--small" type="submit" name="transition" value={t}>
                  {TRANSITION_LABELS[t]}
                </button>
              </Form>
            ))
          : null}
      </div>
      <Notice when={params.get("saved")}>Saved.</Notice>
      <Notice when={params.get("created")}>Draft created. Publish it when it is ready.</Notice>
      <Notice when={params.get("status")}>The campaign is now {params.get("status")}.</Notice>
      {!canEdit ? <p className="warning">Your role can read campaigns but not change them.</p> : null}
      <CampaignForm
        key={JSON.stringify(values)}
        values={values}
        fields={actionData?.fields}
        message={actionData?.message}
        preview={actionData?.preview}
        officials={officials}
        defaultCwcTopic={defaultCwcTopic}
        readOnly={!canEdit}
        submitLabel="Save changes"
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
