import { type Kysely, sql } from "kysely";

// Help-identify media, case source documents, private tips with attachments and notes, and a
// generic DB-backed rate limiter.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table case_media (
      id bigserial primary key,
      slug text not null unique,
      title text not null,
      kind text not null default 'photo' check (kind in ('photo', 'film_still')),
      description text not null,
      date_text text,
      source text,
      case_id bigint references cases (id) on delete set null,
      image_key text,
      image_alt text,
      published boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index case_media_published_idx on case_media (published, created_at desc);

    create table case_documents (
      id bigserial primary key,
      case_id bigint not null references cases (id) on delete cascade,
      title text not null,
      storage_key text not null unique,
      content_type text not null,
      bytes integer not null,
      created_at timestamptz not null default now()
    );
    create index case_documents_case_idx on case_documents (case_id);

    create table tips (
      id bigserial primary key,
      reference text not null unique,
      case_id bigint references cases (id) on delete set null,
      media_id bigint references case_media (id) on delete set null,
      body text not null,
      name text,
      email text,
      phone text,
      status text not null default 'new'
        check (status in ('new', 'reviewing', 'credible', 'not_credible', 'forwarded', 'closed')),
      forwarded_to text,
      forwarded_on date,
      assigned_to bigint references organizers (id) on delete set null,
      ip_hash text,
      alerted_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      search tsvector generated always as (to_tsvector('simple', reference || ' ' || body)) stored
    );
    create index tips_status_idx on tips (status, created_at desc);
    create index tips_assigned_idx on tips (assigned_to, created_at desc);
    create index tips_case_idx on tips (case_id);
    create index tips_search_idx on tips using gin (search);
    create index tips_unalerted_idx on tips (created_at) where alerted_at is null;

    create table tip_attachments (
      id bigserial primary key,
      tip_id bigint not null references tips (id) on delete cascade,
      storage_key text not null unique,
      filename text not null,
      content_type text not null,
      bytes integer not null,
      created_at timestamptz not null default now()
    );
    create index tip_attachments_tip_idx on tip_attachments (tip_id);

    create table tip_notes (
      id bigserial primary key,
      tip_id bigint not null references tips (id) on delete cascade,
      organizer_id bigint references organizers (id) on delete set null,
      body text not null,
      created_at timestamptz not null default now()
    );
    create index tip_notes_tip_idx on tip_notes (tip_id, created_at);

    create table rate_limit_hits (
      bucket text not null,
      key text not null,
      window_start timestamptz not null,
      hits integer not null default 1,
      primary key (bucket, key, window_start)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table rate_limit_hits, tip_notes, tip_attachments, tips, case_documents, case_media cascade`.execute(
    db,
  );
}
