import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, methodNotAllowed } from "~/lib/api.server";
import { campaignJson } from "~/modules/campaigns/campaigns.api.server";
import { getPublicCampaign } from "~/modules/campaigns/campaigns.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const campaign = await getPublicCampaign(params.slug ?? "");
  if (!campaign) return apiError(404, "not_found", "No campaign has that slug.");
  return Response.json(
    {
      ...campaignJson(campaign),
      body: campaign.bodyMd,
      targets: campaign.targets.map((t) =>
        t.kind === "official"
          ? { kind: t.kind, key: t.key, name: t.name, organization: t.organization }
          : { kind: t.kind },
      ),
      cases: campaign.cases.map((c) => ({ slug: c.slug, name: c.fullName })),
    },
    { headers: { "Cache-Control": "public, max-age=30" } },
  );
}

export const action = () => methodNotAllowed("GET");
