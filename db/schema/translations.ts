import type { ColumnType } from "kysely";
import type { Timestamp } from "./foundation";

/** A language a translation is written in (English is the original, in the main tables). */
export type TranslationLocale = "ko" | "ru" | "zh-Hans" | "zh-Hant";

export interface CaseTranslationsTable {
  caseId: number;
  locale: TranslationLocale;
  fullName: string | null;
  summary: string | null;
  bodyMd: string | null;
  factTexts: ColumnType<string[], string[] | undefined, string[]>;
  updatedAt: Timestamp;
}

export interface MediaTranslationsTable {
  mediaId: number;
  locale: TranslationLocale;
  title: string | null;
  description: string | null;
  imageAlt: string | null;
  updatedAt: Timestamp;
}

export interface CampaignTranslationsTable {
  campaignId: number;
  locale: TranslationLocale;
  title: string | null;
  summary: string | null;
  bodyMd: ColumnType<string | null, string | null | undefined, string | null>;
  updatedAt: Timestamp;
}

export interface TranslationsTables {
  caseTranslations: CaseTranslationsTable;
  mediaTranslations: MediaTranslationsTable;
  campaignTranslations: CampaignTranslationsTable;
}
