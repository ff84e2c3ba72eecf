import { db } from "~db/index.server";
import { congressAt } from "~/modules/legislators/congress.server";
import { officeCode, seatLabel } from "~/modules/legislators/seats";
import { listSittingMembers, listTargetRows } from "./statements.queries.server";

/** One office a campaign targets: a seat in Congress (by its CWC office code) or an executive official. */
export interface TargetOffice {
  /** `SVT01`, `HCA12`, or `official:7`: what forms send back. */
  key: string;
  officeCode: string | null;
  officialId: number | null;
  chamber: "senate" | "house" | "official";
  state: string | null;
  district: number | null;
  /** "VT", "CA-12", or the official's title. */
  seat: string;
  /** The sitting member (null for an official or a vacant seat). */
  member: { bioguide: string; name: string; title: string; party: string; phone: string | null } | null;
  /** The official's or the member's name. */
  name: string;
}

/**
 * The offices a campaign targets, the ONE place this area reads campaign targets: today a
 * target is a whole chamber (every seat of the Congress in force) or an official. The seat and
 * committee rules of app/modules/legislators/targets.server.ts are not read here yet: a campaign
 * that targets only a committee has no scorecard rows for it.
 */
export async function campaignTargetOffices(campaignId: number): Promise<TargetOffice[]> {
  const [rows, congress] = await Promise.all([listTargetRows(db(), campaignId), congressAt()]);
  const offices: TargetOffice[] = [];
  for (const row of rows) {
    if (row.kind === "official") {
      if (row.officialId === null) continue;
      offices.push({
        key: `official:${row.officialId}`,
        officeCode: null,
        officialId: row.officialId,
        chamber: "official",
        state: null,
        district: null,
        seat: row.officialTitle ?? "",
        member: null,
        name: row.officialName ?? "",
      });
      continue;
    }
    for (const m of await listSittingMembers(db(), row.kind, congress)) {
      const code =
        m.chamber === "senate"
          ? officeCode({ chamber: "senate", state: m.state, senateClass: m.senateClass ?? 1 })
          : officeCode({ chamber: "house", state: m.state, district: m.district });
      offices.push({
        key: code,
        officeCode: code,
        officialId: null,
        chamber: m.chamber,
        state: m.state,
        district: m.chamber === "house" ? (m.district ?? 0) : null,
        seat: seatLabel(m.state, m.chamber === "house" ? (m.district ?? 0) : null),
        member: { bioguide: m.bioguide, name: m.fullName, title: m.title, party: m.party, phone: m.phone },
        name: m.fullName,
      });
    }
  }
  return offices;
}
