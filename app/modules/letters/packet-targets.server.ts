import { db } from "~db/index.server";
import { listMembersForLetters } from "~/modules/legislators/legislators.queries.server";
import { seatLabel } from "~/modules/legislators/seats";
import { campaignTargetSeats } from "~/modules/legislators/targets.server";
import { composeLetter, type MemberRecipient, mailingAddress, type PlainTemplate } from "./letters";
import {
  countSubmissionsByDistrict,
  listSubmissionsForPacket,
  type PacketLetterRow,
} from "./letters.queries.server";
import { letterTargets } from "./letters.server";

/*
 * Packets for the offices a campaign's rules target (a committee's members with a role, a named
 * seat, a state's delegation), beside the writers' own members: every writer of the campaign,
 * their letter composed from the campaign's template for that chamber and addressed to whoever
 * holds the seat when the packet is drawn (the rules are resolved then, never copied). Counts by
 * district use each letter set's district as written, under the map of the Congress in force
 * when it was written.
 */

export interface RuleOffice {
  /** The CWC office code: `HCA12`, `SVT01`. */
  office: string;
  recipient: MemberRecipient;
  template: PlainTemplate;
  /** "Representative Jane Doe (CA-12), HSAS02" */
  label: string;
  /** Why it is targeted: "HSAS02 (Chairman)", "seat", "delegation". */
  reason: string;
}

/** The offices a campaign's rules reach at an instant that have a member and a template for the chamber. */
export async function ruleTargetOffices(campaignId: number, at?: Date): Promise<RuleOffice[]> {
  const [resolved, targets] = await Promise.all([
    campaignTargetSeats(campaignId, null, at),
    letterTargets(db(), campaignId),
  ]);
  const seats = resolved.seats.filter((s) => s.bioguide && s.rule !== "house" && s.rule !== "senate");
  const members = new Map(
    (
      await listMembersForLetters(
        db(),
        resolved.congress,
        seats.map((s) => s.bioguide as string),
      )
    ).map((m) => [m.bioguide, m]),
  );
  const out: RuleOffice[] = [];
  for (const s of seats) {
    const member = members.get(s.bioguide as string);
    const template = targets.find((t) => t.kind === s.chamber)?.template;
    if (!member || !template) continue;
    const recipient: MemberRecipient = { ...member, kind: s.chamber };
    const seat = seatLabel(s.state, s.chamber === "senate" ? null : member.district);
    const reason = s.committeeId
      ? `${s.committeeId}${s.committeeRole ? ` (${s.committeeRole})` : ""}`
      : s.rule;
    out.push({
      office: s.office,
      recipient,
      template,
      label: `${member.title} ${member.fullName} (${seat})`,
      reason,
    });
  }
  return out;
}

/** One page of a rule office's letters: each letter set of the campaign, composed for the office. */
export async function ruleOfficeLetters(
  campaignId: number,
  target: RuleOffice,
  afterId: number,
  limit: number,
): Promise<PacketLetterRow[]> {
  const page = await listSubmissionsForPacket(db(), campaignId, afterId, limit);
  const address = mailingAddress(target.recipient);
  return page.map((s) => {
    const letter = composeLetter(target.template, s, target.recipient, s.personalNote);
    return {
      ...s,
      sentAt: s.createdAt,
      subject: letter.subject,
      body: letter.body,
      recipientAddress: address,
    };
  });
}

/** A campaign's letter sets by district as written ("VT-AL", "NH-1"), most first. */
export async function lettersByDistrict(campaignId: number) {
  const rows = await countSubmissionsByDistrict(db(), campaignId);
  return rows
    .map((r) => ({
      state: r.state,
      district: r.district,
      label: seatLabel(r.state, r.district),
      count: Number(r.submissions),
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
