import { db } from "~db/index.server";
import type { CommitteeRole, TargetRuleKind } from "~db/schema";
import { findLatestCongressImport } from "./district-lookup.queries.server";
import { congressAt, ordinal } from "./congress.server";
import { officeCode } from "./seats";
import {
  listAllMemberships,
  listCampaignRules,
  listCampaignTargetKinds,
  listCommitteeNames,
  listRoster,
  listSeats,
} from "./targets.queries.server";

/*
 * A campaign's targets are rules (the writer's House member, the writer's senators, a named seat,
 * a state's delegation, a committee or subcommittee with a role, an executive official),
 * resolved whenever they are used: when a letter is written, sent or delivered, and when a packet
 * or call list is drawn. Nothing is copied at save time, so a new roster or Congress changes the
 * answer by itself. The roster is held in the process and reloaded when an import lands.
 */

export interface TargetSeat {
  /** The CWC office code, the stable key of the seat: `HVT00`, `SVT01`. */
  office: string;
  chamber: "house" | "senate";
  state: string;
  /** House: the district (0 at large); Senate: null. */
  district: number | null;
  /** null when the seat is vacant (and so are name, title, party and phone). */
  bioguide: string | null;
  name: string | null;
  title: string | null;
  party: string | null;
  /** The Washington office's phone. */
  phone: string | null;
  /** Why it is a target: the first rule that named it. */
  rule: "house" | "senate" | TargetRuleKind;
  committeeId: string | null;
  committeeRole: string | null;
  /** The writer is this office's constituent (only then may a letter go to it through CWC). */
  constituent: boolean;
}

export interface ResolvedTargets {
  /** The Congress whose roster answered. */
  congress: number;
  seats: TargetSeat[];
  officials: Array<{ officialId: number; name: string; title: string }>;
  /** Said to organizers and writers, e.g. a committee with no members yet. */
  notices: string[];
}

interface Member {
  bioguide: string;
  chamber: "house" | "senate";
  title: string;
  fullName: string;
  state: string;
  district: number | null;
  party: string;
  phone: string | null;
  office: string;
}

interface Seat {
  office: string;
  chamber: "house" | "senate";
  state: string;
  district: number | null;
}

interface Roster {
  importId: number | null;
  congress: number;
  byOffice: Map<string, Member>;
  byBioguide: Map<string, Member>;
  byState: Map<string, Member[]>;
  /** Every seat, filled or vacant, by state (Senate seats first, then House districts). */
  seats: Seat[];
  seatsByState: Map<string, Seat[]>;
  committees: Map<
    string,
    { name: string; members: Array<{ bioguide: string; side: string; title: string | null }> }
  >;
}

/** One roster per Congress held (the one in force, and the next when it is drawn). */
const rosters = new Map<number, { roster: Roster; checkedAt: number }>();
const CHECK_EVERY_MS = 5_000;

/** A campaign's targets and rules, held a few seconds (resolution runs for every letter). */
const campaignCache = new Map<
  number,
  {
    at: number;
    kinds: Awaited<ReturnType<typeof listCampaignTargetKinds>>;
    rules: Awaited<ReturnType<typeof listCampaignRules>>;
  }
>();

async function campaignRules(campaignId: number) {
  const hit = campaignCache.get(campaignId);
  if (hit && Date.now() - hit.at < CHECK_EVERY_MS) return hit;
  const [kinds, rules] = await Promise.all([
    listCampaignTargetKinds(db(), campaignId),
    listCampaignRules(db(), campaignId),
  ]);
  const entry = { at: Date.now(), kinds, rules };
  if (campaignCache.size > 1000) campaignCache.clear();
  campaignCache.set(campaignId, entry);
  return entry;
}

/** Forget the roster and the cached rules (tests, after an import or a rule change in this process). */
export function clearTargetRoster() {
  rosters.clear();
  campaignCache.clear();
}

async function rosterOf(congress: number): Promise<Roster> {
  const now = Date.now();
  const held = rosters.get(congress);
  if (held && now - held.checkedAt < CHECK_EVERY_MS) return held.roster;
  const latest = (await findLatestCongressImport(db()))?.id ?? null;
  if (held && held.roster.importId === latest) {
    held.checkedAt = now;
    return held.roster;
  }
  const [people, memberships, names, seatRows] = await Promise.all([
    listRoster(db(), congress),
    listAllMemberships(db(), congress),
    listCommitteeNames(db(), congress),
    listSeats(db(), congress),
  ]);
  const byOffice = new Map<string, Member>();
  const byBioguide = new Map<string, Member>();
  const byState = new Map<string, Member[]>();
  for (const p of people) {
    const office =
      p.chamber === "senate"
        ? officeCode({ chamber: "senate", state: p.state, senateClass: p.senateClass ?? 0 })
        : officeCode({ chamber: "house", state: p.state, district: p.district });
    const m: Member = { ...p, office };
    byOffice.set(office, m);
    byBioguide.set(p.bioguide, m);
    byState.set(p.state, [...(byState.get(p.state) ?? []), m]);
  }
  const seatMap = new Map<string, Seat>();
  const addSeat = (seat: Seat) => seatMap.has(seat.office) || seatMap.set(seat.office, seat);
  for (const m of byOffice.values())
    addSeat({ office: m.office, chamber: m.chamber, state: m.state, district: m.district });
  for (const s of seatRows.senate)
    addSeat({
      office: officeCode({ chamber: "senate", state: s.state, senateClass: s.senateClass ?? 0 }),
      chamber: "senate",
      state: s.state,
      district: null,
    });
  for (const h of seatRows.house) {
    const office = officeCode({ chamber: "house", state: h.state, district: h.district });
    addSeat({ office, chamber: "house", state: h.state, district: Number(office.slice(3)) });
  }
  const seats = [...seatMap.values()].sort(
    (a, b) =>
      a.state.localeCompare(b.state) ||
      b.chamber.localeCompare(a.chamber) ||
      a.office.localeCompare(b.office),
  );
  const seatsByState = new Map<string, Seat[]>();
  for (const seat of seats) seatsByState.set(seat.state, [...(seatsByState.get(seat.state) ?? []), seat]);
  const committees: Roster["committees"] = new Map(names.map((c) => [c.id, { name: c.name, members: [] }]));
  for (const m of memberships)
    committees.get(m.committeeId)?.members.push({ bioguide: m.bioguide, side: m.side, title: m.title });
  const roster: Roster = {
    importId: latest,
    congress,
    byOffice,
    byBioguide,
    byState,
    seats,
    seatsByState,
    committees,
  };
  rosters.set(congress, { roster, checkedAt: now });
  return roster;
}

const CHAIR = /^(Chairman|Chair|Chairwoman)$/;

function roleMatches(role: CommitteeRole, m: { side: string; title: string | null }): boolean {
  if (role === "all") return true;
  if (role === "chair") return CHAIR.test(m.title ?? "");
  if (role === "ranking") return m.title === "Ranking Member";
  return m.side === role;
}

export const COMMITTEE_ROLE_LABELS: Record<CommitteeRole, string> = {
  all: "all members",
  chair: "the chair",
  ranking: "the ranking member",
  majority: "the majority",
  minority: "the minority",
};

/**
 * The target seats of a campaign for a writer in a seat (state and House district), THE function
 * other areas call for "who does this campaign target". `null` is no writer (an organizer's
 * preview): the writer's-own-members rules name nobody. `"everyone"` is every possible writer
 * (a scorecard, the offices a statement may be recorded for): those rules name every seat of
 * their chamber. Vacant seats are listed (no member, `bioguide` null). Resolved against the
 * roster of the Congress in force at `at` (default: the clock's now), so at the switch the new
 * members come by themselves.
 */
export async function campaignTargetSeats(
  campaignId: number,
  writer: { state: string; district: number } | null | "everyone",
  at?: Date,
): Promise<ResolvedTargets> {
  const congress = await congressAt(at);
  const [r, { kinds, rules }] = await Promise.all([rosterOf(congress), campaignRules(campaignId)]);
  const seats = new Map<string, TargetSeat>();
  const notices: string[] = [];
  const officials: ResolvedTargets["officials"] = [];
  const everyone = writer === "everyone";
  const one = writer === "everyone" ? null : writer;
  const writerHouse = one ? officeCode({ chamber: "house", state: one.state, district: one.district }) : null;
  const add = (
    office: string,
    rule: TargetSeat["rule"],
    extra: { committeeId?: string; committeeRole?: string | null } = {},
  ) => {
    if (seats.has(office)) return;
    const m = r.byOffice.get(office) ?? null;
    const chamber = office.startsWith("S") ? "senate" : "house";
    const state = m?.state ?? (office.slice(1, 3) === "AQ" ? "AS" : office.slice(1, 3));
    seats.set(office, {
      office,
      chamber,
      state,
      district: chamber === "house" ? Number(office.slice(3)) : null,
      bioguide: m?.bioguide ?? null,
      name: m?.fullName ?? null,
      title: m?.title ?? null,
      party: m?.party ?? null,
      phone: m?.phone ?? null,
      rule,
      committeeId: extra.committeeId ?? null,
      committeeRole: extra.committeeRole ?? null,
      constituent: one !== null && (office === writerHouse || (chamber === "senate" && state === one.state)),
    });
  };
  for (const k of kinds) {
    if (k.kind === "house" || k.kind === "senate") {
      const chamber = k.kind;
      if (everyone) for (const seat of r.seats) if (seat.chamber === chamber) add(seat.office, chamber);
      if (chamber === "house" && writerHouse) add(writerHouse, "house");
      if (chamber === "senate" && one)
        for (const seat of r.seatsByState.get(one.state) ?? [])
          if (seat.chamber === "senate") add(seat.office, "senate");
    }
    if (k.kind === "official" && k.officialId !== null)
      officials.push({ officialId: k.officialId, name: k.officialName ?? "", title: k.officialTitle ?? "" });
  }
  for (const rule of rules) {
    if (rule.kind === "seat" && rule.office) add(rule.office, "seat");
    if (rule.kind === "delegation" && rule.state)
      for (const seat of r.seatsByState.get(rule.state) ?? []) add(seat.office, "delegation");
    if (rule.kind === "committee" && rule.committeeId) {
      const c = r.committees.get(rule.committeeId);
      if (!c) {
        notices.push(
          `${rule.committeeId}: committee assignments for the ${ordinal(congress)} Congress are not yet published, so nobody is targeted through it.`,
        );
        continue;
      }
      const picked = c.members.filter((m) => roleMatches(rule.role, m));
      if (!c.members.length)
        notices.push(
          `${c.name} (${rule.committeeId}): committee assignments for the ${ordinal(congress)} Congress are not yet published, so nobody is targeted through it.`,
        );
      else if (!picked.length)
        notices.push(`${c.name} (${rule.committeeId}) has no ${COMMITTEE_ROLE_LABELS[rule.role]} now.`);
      for (const m of picked) {
        const member = r.byBioguide.get(m.bioguide);
        if (member)
          add(member.office, "committee", { committeeId: rule.committeeId, committeeRole: m.title });
      }
    }
  }
  return { congress, seats: [...seats.values()], officials, notices };
}
