import { seatLabel } from "./seats";
import type { ResolvedTargets } from "./targets.server";

/* The rows a scorecard or call list shows for a campaign's resolved targets (pure). */

/** A resolved target as one row of a scorecard or call list: a seat (filled or vacant) or an official. */
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
  /** The member's or the official's name; "Vacant seat" for a seat nobody holds. */
  name: string;
  /** "Senator", "Representative", or the official's title. */
  title: string;
  bioguide: string | null;
  party: string | null;
  phone: string | null;
  vacant: boolean;
  /** The writer is this office's constituent. */
  constituent: boolean;
}

export const VACANT_SEAT = "Vacant seat";

/** The seats and officials of a resolution as one list of offices (seats first, then officials). */
export function targetOffices(resolved: ResolvedTargets): TargetOffice[] {
  return [
    ...resolved.seats.map((s) => ({
      key: s.office,
      officeCode: s.office,
      officialId: null,
      chamber: s.chamber,
      state: s.state,
      district: s.district,
      seat: seatLabel(s.state, s.district),
      name: s.name ?? VACANT_SEAT,
      title: s.title ?? (s.chamber === "senate" ? "Senator" : "Representative"),
      bioguide: s.bioguide,
      party: s.party,
      phone: s.phone,
      vacant: s.bioguide === null,
      constituent: s.constituent,
    })),
    ...resolved.officials.map((o) => ({
      key: `official:${o.officialId}`,
      officeCode: null,
      officialId: o.officialId,
      chamber: "official" as const,
      state: null,
      district: null,
      seat: o.title,
      name: o.name,
      title: o.title,
      bioguide: null,
      party: null,
      phone: null,
      vacant: false,
      constituent: false,
    })),
  ];
}

/**
 * Whether a signer or writer in a state and district (null: not known) is an office's
 * constituent: a senator's whole state; a House seat's district (an at-large seat: the state).
 */
export function inSeat(
  office: Pick<TargetOffice, "chamber" | "state" | "district">,
  where: { state: string; district: number | null },
): boolean {
  if (office.chamber === "official" || where.state !== office.state) return false;
  return office.chamber === "senate" || !office.district || where.district === office.district;
}
