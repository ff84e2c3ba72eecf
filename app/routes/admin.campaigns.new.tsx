import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CampaignForm } from "~/components/admin/campaign-form";
import { campaignFormValues, parseCampaignForm } from "~/modules/campaigns/campaigns.schema";
import { createCampaign, listTargetOptions, previewMarkdown } from "~/modules/campaigns/campaigns.server";
import { defaultCwcTopic } from "~/modules/cwc/cwc-topic.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { invalid, requireForm } from "~/lib/input.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request, "edit-content");
  return { officials: await listTargetOptions(), defaultCwcTopic: defaultCwcTopic() };
}

export async function action({ request }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const form = await requireForm(request);
  const parsed = parseCampaignForm(form);
  const values = campaignFormValues(form);
  if (form.get("intent") === "preview")
    return data({ fields: {}, preview: previewMarkdown(String(form.get("bodyMd") ?? "")), values });
  if (!parsed.success) return invalid(parsed.error, { preview: null, values });
  const result = await createCampaign(organizer.id, parsed.data);
  if (!result.ok) return invalid(result.fields, { preview: null, values });
  throw redirect(`/admin/campaigns/${result.id}?created=1`);
}

export default function NewCampaign() {
  const { officials, defaultCwcTopic } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>New campaign</h1>
      <p className="muted">
        New campaigns start as drafts; publish them from the campaign's page when ready.
      </p>
      <CampaignForm
        key={JSON.stringify(actionData?.values ?? {})}
        values={actionData?.values ?? {}}
        fields={actionData?.fields}
        preview={actionData?.preview}
        officials={officials}
        defaultCwcTopic={defaultCwcTopic}
        readOnly={false}
        submitLabel="Create draft"
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
