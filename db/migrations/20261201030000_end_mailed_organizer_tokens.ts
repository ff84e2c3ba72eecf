import { type Kysely, sql } from "kysely";

// Until now the outbox kept password-reset and invitation emails whole, links included, and was
// open to editors. Every such token outstanding today ends, and the stored copies lose the token.
// (New emails are stored without it: the link rides only in the send job; see mail/secret-links.ts.)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update organizer_tokens set used_at = now() where used_at is null;
    update emails
       set html = regexp_replace(html, '/admin/(reset|invitation)/[A-Za-z0-9_-]+', '/admin/\\1/SECRET_TOKEN_REMOVED', 'g'),
           text = regexp_replace(text, '/admin/(reset|invitation)/[A-Za-z0-9_-]+', '/admin/\\1/SECRET_TOKEN_REMOVED', 'g')
     where kind in ('password-reset', 'organizer-invitation');
  `.execute(db);
}

// The tokens stay ended and the copies redacted: there is nothing to restore.
export async function down(): Promise<void> {}
