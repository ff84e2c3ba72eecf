import type { Generated } from "kysely";
import type { NullableTimestamp, Timestamp } from "./foundation";

export type CommitteeChamber = "house" | "senate" | "joint";

export interface CommitteesTable {
  congress: number;
  id: string;
  parentId: string | null;
  chamber: CommitteeChamber;
  name: string;
  url: string | null;
  phone: string | null;
  address: string | null;
  jurisdiction: string | null;
  importId: number | null;
}

export interface CommitteeMembersTable {
  congress: number;
  committeeId: string;
  bioguide: string;
  side: "majority" | "minority";
  rank: number | null;
  title: string | null;
}

export type CwcStatus = "queued" | "sent" | "accepted" | "refused" | "contact_form";

export interface CwcDeliveriesTable {
  id: Generated<number>;
  letterId: number;
  campaignId: number;
  office: string;
  deliveryId: string;
  status: Generated<CwcStatus>;
  reason: string | null;
  attempts: Generated<number>;
  createdAt: Timestamp;
  sentAt: NullableTimestamp;
  answeredAt: NullableTimestamp;
  /** The Congress whose member the delivery is addressed to (null: written before Congresses were stored). */
  congress: number | null;
  /** Told to the writer, e.g. re-resolved to the new Congress at delivery. */
  note: string | null;
}

export interface CwcPacingTable {
  chamber: "house" | "senate";
  nextSlot: Timestamp;
}

export type TargetRuleKind = "seat" | "delegation" | "committee";
export type CommitteeRole = "all" | "chair" | "ranking" | "majority" | "minority";

export interface CampaignTargetRulesTable {
  id: Generated<number>;
  campaignId: number;
  kind: TargetRuleKind;
  office: string | null;
  state: string | null;
  committeeId: string | null;
  role: Generated<CommitteeRole>;
  createdAt: Timestamp;
}

export interface CommitteesAndCwcTables {
  campaignTargetRules: CampaignTargetRulesTable;
  cwcPacing: CwcPacingTable;
  committees: CommitteesTable;
  committeeMembers: CommitteeMembersTable;
  cwcDeliveries: CwcDeliveriesTable;
}
