import { listPublicCampaigns } from "~/modules/campaigns/campaigns.server";
import { methodNotAllowed } from "~/lib/api.server";
import { campaignJson } from "~/modules/campaigns/campaigns.api.server";

export async function loader() {
  const campaigns = await listPublicCampaigns();
  return Response.json(
    { campaigns: campaigns.map(campaignJson) },
    { headers: { "Cache-Control": "public, max-age=30" } },
  );
}

export const action = () => methodNotAllowed("GET");
