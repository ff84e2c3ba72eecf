import { appUrl } from "~/env.server";

/** The JSON shape of a campaign in /api/v1 (stable: other tools rely on it). */
export function campaignJson(c: {
  slug: string;
  title: string;
  summary: string;
  status: string;
  targetSummary: string;
  publishedAt: Date | null;
  updatedAt: Date;
}) {
  return {
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    status: c.status,
    target: c.targetSummary,
    url: `${appUrl()}/campaigns/${c.slug}`,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
  };
}
