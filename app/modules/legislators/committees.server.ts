import { db } from "~db/index.server";
import { congressAt } from "./congress.server";
import { findCommittee, listCommitteeRoster, listSubcommittees } from "./committees.queries.server";
import { officeCode, seatLabel } from "./seats";

/* The public committee page: a committee or subcommittee, its parent or subcommittees, its roster. */

export const COMMITTEE_ID = /^[A-Z]{4}(\d{2})?$/;

export interface CommitteeSeat {
  bioguide: string;
  name: string;
  title: string;
  party: string;
  seat: string;
  office: string;
  side: "majority" | "minority";
  rank: number | null;
  role: string | null;
}

export async function getCommittee(id: string) {
  if (!COMMITTEE_ID.test(id)) return null;
  const congress = await congressAt();
  const committee = await findCommittee(db(), congress, id);
  if (!committee) return null;
  const [subcommittees, roster] = await Promise.all([
    committee.parentId ? Promise.resolve([]) : listSubcommittees(db(), congress, id),
    listCommitteeRoster(db(), congress, id),
  ]);
  const members: CommitteeSeat[] = roster.map((r) => ({
    bioguide: r.bioguide,
    name: r.fullName,
    title: r.title,
    party: r.party,
    seat: seatLabel(r.state, r.chamber === "senate" ? null : r.district),
    office:
      r.chamber === "senate"
        ? officeCode({ chamber: "senate", state: r.state, senateClass: r.senateClass ?? 0 })
        : officeCode({ chamber: "house", state: r.state, district: r.district }),
    side: r.side,
    rank: r.rank,
    role: r.role,
  }));
  return { committee, subcommittees, members, congress };
}
