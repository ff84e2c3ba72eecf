import type { ColumnType, Generated } from "kysely";

/** A timestamp the database fills in; written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
export type Json<T> = ColumnType<T, string | T | undefined, string | T>;
/** A timestamp or JSON value with no default in the database: an insert must give it. */
export type GivenTimestamp = ColumnType<Date, Date | string, Date | string>;
export type GivenJson<T> = ColumnType<T, string | T, string | T>;

export type OrganizerRole = "owner" | "editor" | "viewer";
export type CampaignStatus = "draft" | "live" | "closed" | "won";
export type CaseConflict = "korean_war" | "cold_war" | "vietnam";
export type CaseStatus = "confirmed_alive_in_captivity" | "reported_alive" | "missing";
export type TargetKind = "senate" | "house" | "official";

export interface OrganizersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: OrganizerRole;
  passwordHash: string;
  passwordChangedAt: Timestamp;
  disabledAt: NullableTimestamp;
  lastLoginAt: NullableTimestamp;
  createdAt: Timestamp;
}

export interface SessionsTable {
  id: string;
  organizerId: number;
  createdAt: Timestamp;
  expiresAt: GivenTimestamp;
  userAgent: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  key: string;
  succeeded: boolean;
  attemptedAt: Timestamp;
}

export interface CampaignsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  summary: string;
  bodyMd: Generated<string>;
  status: ColumnType<CampaignStatus, CampaignStatus | undefined, CampaignStatus>;
  targetSummary: Generated<string>;
  imageUrl: string | null;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  publishedAt: NullableTimestamp;
  closedAt: NullableTimestamp;
  wonAt: NullableTimestamp;
  /** The CWC LibraryOfCongressTopic of its messages; null: the CWC_DEFAULT_TOPIC setting. */
  cwcTopic: string | null;
}

export interface OfficialsTable {
  id: Generated<number>;
  key: string;
  name: string;
  title: string;
  organization: string;
  salutation: string;
  addressLines: string[];
  url: string | null;
  updatedAt: Timestamp;
}

export interface CampaignTargetsTable {
  id: Generated<number>;
  campaignId: number;
  kind: TargetKind;
  officialId: number | null;
}

export interface CasesTable {
  id: Generated<number>;
  slug: string;
  fullName: string;
  rank: string | null;
  service: string | null;
  unit: string | null;
  conflict: CaseConflict;
  status: CaseStatus;
  lossDate: string | null;
  lossPlace: string | null;
  summary: string;
  bodyMd: Generated<string>;
  photoUrl: string | null;
  photoCredit: string | null;
  published: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  search: ColumnType<string, never, never>;
  /** The name in other scripts (Hangul, Hanja, Cyrillic, Chinese), for search; free text. */
  nameVariants: Generated<string>;
}

export interface CaseFactsTable {
  id: Generated<number>;
  caseId: number;
  position: number;
  occurredOn: string | null;
  fact: string;
  sourceTitle: string | null;
  sourceUrl: string | null;
}

export interface CaseCampaignsTable {
  caseId: number;
  campaignId: number;
}

export interface DataImportsTable {
  id: Generated<number>;
  kind: string;
  source: string;
  sourceDate: string | null;
  counts: Json<Record<string, number>>;
  added: Json<string[]>;
  removed: Json<string[]>;
  changed: Json<string[]>;
  importedAt: Timestamp;
}

export interface LegislatorsTable {
  congress: number;
  bioguide: string;
  chamber: "senate" | "house";
  title: string;
  state: string;
  district: number | null;
  senateClass: number | null;
  stateRank: string | null;
  fullName: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  suffix: string | null;
  nickname: string | null;
  party: string;
  caucus: string | null;
  phone: string | null;
  office: string | null;
  address: string | null;
  contactForm: string | null;
  url: string | null;
  termStart: ColumnType<string, string, string>;
  termEnd: ColumnType<string, string, string>;
  importId: number | null;
  updatedAt: Timestamp;
}

export interface LegislatorOfficesTable {
  id: Generated<number>;
  congress: number;
  bioguide: string;
  address: string | null;
  suite: string | null;
  building: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  phone: string | null;
  fax: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A Congress whose data is stored, and the instant it takes effect (noon Eastern, its first day). */
export interface CongressesTable {
  number: number;
  takesEffectAt: ColumnType<Date, Date | string, Date | string>;
  importId: number | null;
}

export interface ZipDistrictsTable {
  congress: number;
  zip: string;
  state: string;
  district: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  organizerId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: Json<Record<string, unknown>>;
  createdAt: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  updatedAt: Timestamp;
}

export interface FoundationTables {
  organizers: OrganizersTable;
  sessions: SessionsTable;
  loginAttempts: LoginAttemptsTable;
  campaigns: CampaignsTable;
  officials: OfficialsTable;
  campaignTargets: CampaignTargetsTable;
  cases: CasesTable;
  caseFacts: CaseFactsTable;
  caseCampaigns: CaseCampaignsTable;
  dataImports: DataImportsTable;
  legislators: LegislatorsTable;
  legislatorOffices: LegislatorOfficesTable;
  zipDistricts: ZipDistrictsTable;
  congresses: CongressesTable;
  auditLog: AuditLogTable;
  settings: SettingsTable;
}
