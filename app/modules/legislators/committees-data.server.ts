import { z } from "zod";
import type { CommitteeMembersTable, CommitteesTable } from "~db/schema";
import { CongressDataError } from "./congress-data.server";

/*
 * The two committee files of unitedstates/congress-legislators, exactly as published:
 *   committees-current.json: [{ type, name, thomas_id, url, phone, address, jurisdiction, subcommittees: [{ name, thomas_id, ... }] }]
 *   committee-membership-current.json: { <thomas id>: [{ name, bioguide, party: majority|minority, rank, title? }] }
 * A subcommittee's id is its parent's plus its own (`HSAS` + `02`). Memberships of committees
 * not in the first file, and of members not in the roster, are skipped with a warning.
 */

export const COMMITTEE_FILES = {
  committees: "committees-current.json",
  memberships: "committee-membership-current.json",
} as const;

export const COMMITTEE_URLS = {
  committees: "https://unitedstates.github.io/congress-legislators/committees-current.json",
  memberships: "https://unitedstates.github.io/congress-legislators/committee-membership-current.json",
} as const;

export type CommitteeValues = Omit<CommitteesTable, "importId" | "congress">;
export type CommitteeMemberValues = Omit<CommitteeMembersTable, "congress">;

const text = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === "" ? null : v.trim()));

const subcommitteeSchema = z.object({
  name: z.string().trim().min(1),
  thomas_id: z.string().regex(/^\d{2}$/, "expected a two-digit subcommittee id"),
  phone: text,
  address: text,
});

const committeeSchema = z.object({
  type: z.enum(["house", "senate", "joint"]),
  name: z.string().trim().min(1),
  thomas_id: z.string().regex(/^[A-Z]{4}$/, "expected a four-letter committee id like HSAS"),
  url: text,
  phone: text,
  address: text,
  jurisdiction: text,
  subcommittees: z.array(subcommitteeSchema).default([]),
});

const memberSchema = z.object({
  bioguide: z.string().regex(/^[A-Z]\d{6}$/),
  party: z.enum(["majority", "minority"]),
  rank: z.number().int().positive().nullish(),
  title: text,
});

export interface ParsedCommittees {
  committees: CommitteeValues[];
  members: CommitteeMemberValues[];
  warnings: string[];
}

function json(textValue: string, file: string): unknown {
  try {
    return JSON.parse(textValue.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CongressDataError(`${file} is not valid JSON (${(error as Error).message}).`);
  }
}

/** Validates and flattens the committee files; `roster` is the set of bioguide ids imported with them. */
export function parseCommittees(
  files: { committees: string; memberships: string },
  roster: ReadonlySet<string>,
): ParsedCommittees {
  const warnings: string[] = [];
  const rawCommittees = json(files.committees, COMMITTEE_FILES.committees);
  if (!Array.isArray(rawCommittees) || rawCommittees.length === 0)
    throw new CongressDataError(`${COMMITTEE_FILES.committees} is not a list of committees.`);
  const committees: CommitteeValues[] = [];
  let skipped = 0;
  for (const raw of rawCommittees) {
    const parsed = committeeSchema.safeParse(raw);
    if (!parsed.success) {
      skipped++;
      continue;
    }
    const c = parsed.data;
    committees.push({
      id: c.thomas_id,
      parentId: null,
      chamber: c.type,
      name: c.name,
      url: c.url,
      phone: c.phone,
      address: c.address,
      jurisdiction: c.jurisdiction,
    });
    for (const s of c.subcommittees)
      committees.push({
        id: `${c.thomas_id}${s.thomas_id}`,
        parentId: c.thomas_id,
        chamber: c.type,
        name: s.name,
        url: null,
        phone: s.phone,
        address: s.address,
        jurisdiction: null,
      });
  }
  if (skipped * 2 > rawCommittees.length)
    throw new CongressDataError(`${COMMITTEE_FILES.committees} is not in the expected format.`);
  if (skipped) warnings.push(`${COMMITTEE_FILES.committees}: skipped ${skipped} invalid committee(s).`);

  const rawMembers = json(files.memberships, COMMITTEE_FILES.memberships);
  if (!rawMembers || typeof rawMembers !== "object" || Array.isArray(rawMembers))
    throw new CongressDataError(`${COMMITTEE_FILES.memberships} is not an object of committee rosters.`);
  const known = new Set(committees.map((c) => c.id));
  const members: CommitteeMemberValues[] = [];
  const unknownCommittees: string[] = [];
  let badRows = 0;
  let notInRoster = 0;
  for (const [committeeId, list] of Object.entries(rawMembers as Record<string, unknown>)) {
    if (!known.has(committeeId)) {
      unknownCommittees.push(committeeId);
      continue;
    }
    if (!Array.isArray(list)) continue;
    const seen = new Set<string>();
    for (const raw of list) {
      const parsed = memberSchema.safeParse(raw);
      if (!parsed.success) {
        badRows++;
        continue;
      }
      const m = parsed.data;
      if (!roster.has(m.bioguide)) {
        notInRoster++;
        continue;
      }
      if (seen.has(m.bioguide)) continue;
      seen.add(m.bioguide);
      members.push({
        committeeId,
        bioguide: m.bioguide,
        side: m.party,
        rank: m.rank ?? null,
        title: m.title,
      });
    }
  }
  if (unknownCommittees.length)
    warnings.push(
      `${COMMITTEE_FILES.memberships}: rosters for unknown committees skipped (${unknownCommittees.slice(0, 5).join(", ")}).`,
    );
  if (badRows) warnings.push(`${COMMITTEE_FILES.memberships}: skipped ${badRows} invalid membership row(s).`);
  if (notInRoster)
    warnings.push(
      `${COMMITTEE_FILES.memberships}: ${notInRoster} membership(s) of people not in the roster skipped.`,
    );
  return { committees, members, warnings };
}
