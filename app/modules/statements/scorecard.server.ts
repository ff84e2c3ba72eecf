import { db } from "~db/index.server";
import type { StatementPosition } from "~db/schema";
import { inSeat, type TargetOffice } from "~/modules/legislators/target-offices";
import { currentPositions } from "./positions.server";
import type { ScorecardFilter } from "./statements.schema";
import { everyTargetOffice } from "./statements.server";
import { findCampaign, listSeatCounts } from "./statements.queries.server";

/** Rows on one page of the scorecard (the whole Congress is over 500 seats). */
export const SCORECARD_PAGE = 50;

/** How many constituents of a seat signed (confirmed) and wrote. */
function seatCounts(rows: Awaited<ReturnType<typeof listSeatCounts>>, office: TargetOffice) {
  const out = { signed: 0, wrote: 0 };
  for (const r of rows) if (inSeat(office, r)) out[r.source] += r.n;
  return out;
}

function matches(
  row: { chamber: string; state: string | null; position: StatementPosition | null },
  f: ScorecardFilter,
) {
  if (f.chamber && row.chamber !== f.chamber) return false;
  if (f.state && row.state !== f.state) return false;
  if (f.position === "none") return row.position === null;
  return !f.position || row.position === f.position;
}

/**
 * The public scorecard: every target (vacant seats too), its current member, latest verified
 * position and constituents; answered first (newest first). Filtered by chamber, state and
 * position, and paged, so the page stays small; the totals are of the whole campaign.
 */
export async function scorecard(slug: string, filter: ScorecardFilter) {
  const campaign = await findCampaign(db(), { slug });
  if (!campaign || campaign.status === "draft") return null;
  const [offices, positions, counts] = await Promise.all([
    everyTargetOffice(campaign.id),
    currentPositions(campaign.id),
    listSeatCounts(db(), campaign.id),
  ]);
  const rows = offices.map((o) => {
    const p = positions.get(o.key);
    return {
      key: o.key,
      seat: o.seat,
      chamber: o.chamber,
      state: o.state,
      name: o.name,
      vacant: o.vacant,
      party: o.party,
      bioguide: o.bioguide,
      position: p?.position ?? null,
      statedOn: p?.statedOn ?? null,
      kind: p?.kind ?? null,
      sourceUrl: p?.sourceUrl ?? (p?.sourceFilename ? `/statements/${p.id}/source` : null),
      excerpt: p ? p.body.slice(0, 280) : null,
      ...seatCounts(counts, o),
    };
  });
  const answered = rows
    .filter((r) => r.position)
    .sort((a, b) => (b.statedOn ?? "").localeCompare(a.statedOn ?? ""));
  const ordered = [...answered, ...rows.filter((r) => !r.position)];
  const shown = ordered.filter((r) => matches(r, filter));
  const pages = Math.max(1, Math.ceil(shown.length / SCORECARD_PAGE));
  const page = Math.min(filter.page, pages);
  return {
    campaign,
    totals: {
      offices: rows.length,
      answered: answered.length,
      vacant: rows.filter((r) => r.vacant).length,
      matching: shown.length,
    },
    states: [...new Set(rows.flatMap((r) => (r.state ? [r.state] : [])))].sort(),
    filter: { ...filter, page },
    pages,
    rows: shown.slice((page - 1) * SCORECARD_PAGE, page * SCORECARD_PAGE),
  };
}
