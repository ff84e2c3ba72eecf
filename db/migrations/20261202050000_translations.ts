import { type Kysely, sql } from "kysely";

// Content in several languages. Organizers write a case file's, a help-identify item's and a
// campaign's own text per language (ko, ru, zh-Hans, zh-Hant); a page falls back to English with
// a note where a field is empty. Case files also get name variants in other scripts (Hangul,
// Hanja, Cyrillic, Chinese) so a search in those scripts finds the man. Tips keep the language
// of the page they were sent from, and organizers can mark a tip as needing translation.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table case_translations (
      case_id bigint not null references cases (id) on delete cascade,
      locale text not null check (locale in ('ko', 'ru', 'zh-Hans', 'zh-Hant')),
      full_name text,
      summary text,
      body_md text,
      fact_texts text[] not null default '{}',
      updated_at timestamptz not null default now(),
      primary key (case_id, locale)
    );
    alter table cases add column name_variants text not null default '';

    create table media_translations (
      media_id bigint not null references case_media (id) on delete cascade,
      locale text not null check (locale in ('ko', 'ru', 'zh-Hans', 'zh-Hant')),
      title text,
      description text,
      image_alt text,
      updated_at timestamptz not null default now(),
      primary key (media_id, locale)
    );

    create table campaign_translations (
      campaign_id bigint not null references campaigns (id) on delete cascade,
      locale text not null check (locale in ('ko', 'ru', 'zh-Hans', 'zh-Hant')),
      title text,
      summary text,
      updated_at timestamptz not null default now(),
      primary key (campaign_id, locale)
    );

    alter table tips
      add column language text not null default 'en'
        check (language in ('en', 'ko', 'ru', 'zh-Hans', 'zh-Hant')),
      add column needs_translation boolean not null default false;
    create index tips_needs_translation_idx on tips (created_at desc) where needs_translation;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table tips drop column language, drop column needs_translation;
    alter table cases drop column name_variants;
    drop table campaign_translations;
    drop table media_translations;
    drop table case_translations;
  `.execute(db);
}
