import { type Kysely, sql } from "kysely";

// Organizers, sessions, campaigns, case files, members of Congress, audit log, settings.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table organizers (
      id bigserial primary key,
      email text not null,
      name text not null,
      role text not null check (role in ('owner', 'editor', 'viewer')),
      password_hash text not null,
      password_changed_at timestamptz not null default now(),
      disabled_at timestamptz,
      last_login_at timestamptz,
      created_at timestamptz not null default now()
    );
    create unique index organizers_email_key on organizers (lower(email));

    create table sessions (
      id text primary key,
      organizer_id bigint not null references organizers (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      user_agent text
    );
    create index sessions_organizer_idx on sessions (organizer_id);

    create table login_attempts (
      id bigserial primary key,
      key text not null,
      succeeded boolean not null,
      attempted_at timestamptz not null default now()
    );
    create index login_attempts_key_idx on login_attempts (key, attempted_at);

    create table campaigns (
      id bigserial primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      title text not null,
      summary text not null,
      body_md text not null default '',
      status text not null default 'draft' check (status in ('draft', 'live', 'closed', 'won')),
      target_summary text not null default '',
      image_url text,
      created_by bigint references organizers (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      closed_at timestamptz,
      won_at timestamptz
    );
    create index campaigns_status_idx on campaigns (status, published_at desc);

    create table officials (
      id bigserial primary key,
      key text not null unique,
      name text not null,
      title text not null,
      organization text not null,
      salutation text not null,
      address_lines text[] not null,
      url text,
      updated_at timestamptz not null default now()
    );

    create table campaign_targets (
      id bigserial primary key,
      campaign_id bigint not null references campaigns (id) on delete cascade,
      kind text not null check (kind in ('senate', 'house', 'official')),
      official_id bigint references officials (id) on delete cascade,
      check ((kind = 'official') = (official_id is not null))
    );
    create unique index campaign_targets_key on campaign_targets (campaign_id, kind, coalesce(official_id, 0));

    create table cases (
      id bigserial primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      full_name text not null,
      rank text,
      service text,
      unit text,
      conflict text not null check (conflict in ('korean_war', 'cold_war', 'vietnam')),
      status text not null check (status in ('confirmed_alive_in_captivity', 'reported_alive', 'missing')),
      loss_date text,
      loss_place text,
      summary text not null,
      body_md text not null default '',
      photo_url text,
      photo_credit text,
      published boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      search tsvector generated always as (
        setweight(to_tsvector('simple', coalesce(full_name, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(body_md, '')), 'C')
      ) stored
    );
    create index cases_search_idx on cases using gin (search);

    create table case_facts (
      id bigserial primary key,
      case_id bigint not null references cases (id) on delete cascade,
      position integer not null,
      occurred_on text,
      fact text not null,
      source_title text,
      source_url text,
      unique (case_id, position)
    );

    create table case_campaigns (
      case_id bigint not null references cases (id) on delete cascade,
      campaign_id bigint not null references campaigns (id) on delete cascade,
      primary key (case_id, campaign_id)
    );

    create table data_imports (
      id bigserial primary key,
      kind text not null,
      source text not null,
      source_date text,
      counts jsonb not null default '{}',
      added jsonb not null default '[]',
      removed jsonb not null default '[]',
      changed jsonb not null default '[]',
      imported_at timestamptz not null default now()
    );

    create table legislators (
      bioguide text primary key,
      chamber text not null check (chamber in ('senate', 'house')),
      title text not null,
      state char(2) not null,
      district integer,
      senate_class integer,
      state_rank text,
      full_name text not null,
      first_name text not null,
      middle_name text,
      last_name text not null,
      suffix text,
      nickname text,
      party text not null,
      caucus text,
      phone text,
      office text,
      address text,
      contact_form text,
      url text,
      term_start date not null,
      term_end date not null,
      import_id bigint references data_imports (id) on delete set null,
      updated_at timestamptz not null default now()
    );
    create index legislators_seat_idx on legislators (state, chamber, district);

    create table legislator_offices (
      id bigserial primary key,
      bioguide text not null references legislators (bioguide) on delete cascade,
      address text,
      suite text,
      building text,
      city text,
      state char(2),
      zip text,
      phone text,
      fax text,
      latitude double precision,
      longitude double precision
    );
    create index legislator_offices_bioguide_idx on legislator_offices (bioguide);

    create table zip_districts (
      zip char(5) not null,
      state char(2) not null,
      district integer not null,
      primary key (zip, state, district)
    );

    create table audit_log (
      id bigserial primary key,
      organizer_id bigint references organizers (id) on delete set null,
      action text not null,
      subject_type text not null,
      subject_id text,
      details jsonb not null default '{}',
      created_at timestamptz not null default now()
    );
    create index audit_log_created_idx on audit_log (created_at desc);

    create table settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table settings, audit_log, zip_districts, legislator_offices, legislators, data_imports,
      case_campaigns, case_facts, cases, campaign_targets, officials, campaigns, login_attempts,
      sessions, organizers cascade;
  `.execute(db);
}
