import { type Kysely, sql } from "kysely";

// Consent from a public form counts only once its address is proven (a confirmed signature, a
// completed payment, a confirmation link): until then it is pending. `proof` names the action
// that proves it (e.g. "signature:12", "donation:7", "letters:3"). Consents recorded before
// this migration keep counting (proven_at = given_at): there is no way to tell them apart now.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table consents add column proof text, add column proven_at timestamptz;
    update consents set proven_at = given_at;
    create index consents_pending_proof on consents (proof) where proven_at is null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table consents drop column proof, drop column proven_at`.execute(db);
}
