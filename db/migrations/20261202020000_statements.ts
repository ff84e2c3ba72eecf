import { type Kysely, sql } from "kysely";

// What each target said or did about a campaign (append-only: a newer statement supersedes an
// older one; only the verification, news and triage stamps may change), and the call scripts an
// organizer writes per position.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table statements (
      id bigserial primary key,
      campaign_id bigint not null references campaigns (id) on delete cascade,
      office_code text check (office_code ~ '^(H[A-Z]{2}[0-9]{2}|S[A-Z]{2}0[123])$'),
      official_id bigint references officials (id) on delete cascade,
      bioguide text,
      member_name text,
      position text not null check (position in ('supports', 'opposes', 'undecided', 'no_response', 'mixed')),
      kind text not null check (kind in ('letter_reply', 'public_statement', 'vote', 'cosponsorship', 'meeting', 'call_report')),
      stated_on date not null,
      body text not null default '',
      source_url text,
      source_key text,
      source_filename text,
      source_content_type text,
      source_bytes integer,
      bill text,
      roll_call text,
      origin text not null check (origin in ('organizer', 'supporter')),
      recorded_by bigint references organizers (id) on delete set null,
      submission_id bigint references letter_submissions (id) on delete set null,
      verified_at timestamptz,
      verified_by bigint references organizers (id) on delete set null,
      dismissed_at timestamptz,
      news_queued_at timestamptz,
      created_at timestamptz not null default now(),
      check ((office_code is null) <> (official_id is null)),
      check (verified_at is null or dismissed_at is null)
    );
    create index statements_current_idx on statements (campaign_id, office_code, official_id, stated_on desc, id desc)
      where verified_at is not null;
    create index statements_member_idx on statements (bioguide) where verified_at is not null;
    create index statements_triage_idx on statements (created_at desc) where verified_at is null and dismissed_at is null;

    create function statements_append_only() returns trigger language plpgsql as $$
    begin
      if (to_jsonb(new) - array['verified_at', 'verified_by', 'dismissed_at', 'news_queued_at'])
         is distinct from (to_jsonb(old) - array['verified_at', 'verified_by', 'dismissed_at', 'news_queued_at']) then
        raise exception 'statements are append-only: record a new statement instead';
      end if;
      return new;
    end $$;
    create trigger statements_append_only before update on statements
      for each row execute function statements_append_only();

    create table call_scripts (
      campaign_id bigint not null references campaigns (id) on delete cascade,
      position text not null check (position in ('supports', 'opposes', 'undecided', 'no_response', 'mixed')),
      script text not null,
      updated_by bigint references organizers (id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (campaign_id, position)
    );

    create table calls (
      id bigserial primary key,
      campaign_id bigint not null references campaigns (id) on delete cascade,
      office_code text,
      official_id bigint references officials (id) on delete cascade,
      bioguide text,
      outcome text not null check (outcome in ('reached_staffer', 'left_voicemail', 'busy_no_answer', 'skipped')),
      view_nonce text not null,
      zip char(5),
      ip_hash text,
      created_at timestamptz not null default now(),
      check ((office_code is null) <> (official_id is null))
    );
    create unique index calls_once_per_view on calls (view_nonce, coalesce(office_code, ''), coalesce(official_id, 0));
    create index calls_campaign_idx on calls (campaign_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table calls, call_scripts, statements cascade; drop function statements_append_only`.execute(
    db,
  );
}
