import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { ConsentScope } from "~db/schema";

export interface SupporterInput {
  email: string;
  emailCanonical: string;
  firstName?: string;
  lastName?: string;
  country?: string;
  zip?: string | null;
  city?: string | null;
  state?: string | null;
  district?: number | null;
}

/** One row per canonical email; later forms fill in what is missing, never blank it out. */
export async function upsertSupporterRow(
  db: Executor,
  s: SupporterInput,
): Promise<{ id: number; confirmedAt: Date | null }> {
  return db
    .insertInto("supporters")
    .values({
      email: s.email.trim(),
      emailCanonical: s.emailCanonical,
      firstName: s.firstName ?? "",
      lastName: s.lastName ?? "",
      country: s.country ?? "US",
      zip: s.zip ?? null,
      city: s.city ?? null,
      state: s.state ?? null,
      district: s.district ?? null,
    })
    .onConflict((oc) =>
      oc.column("emailCanonical").doUpdateSet({
        firstName: sql`coalesce(nullif(excluded.first_name, ''), supporters.first_name)`,
        lastName: sql`coalesce(nullif(excluded.last_name, ''), supporters.last_name)`,
        zip: sql`coalesce(excluded.zip, supporters.zip)`,
        city: sql`coalesce(excluded.city, supporters.city)`,
        state: sql`coalesce(excluded.state, supporters.state)`,
        district: sql`coalesce(excluded.district, supporters.district)`,
        updatedAt: sql`now()`,
      }),
    )
    .returning(["id", "confirmedAt"])
    .executeTakeFirstOrThrow();
}

export async function markSupporterConfirmed(db: Executor, supporterId: number) {
  await db
    .updateTable("supporters")
    .set({ confirmedAt: sql`coalesce(confirmed_at, now())` })
    .where("id", "=", supporterId)
    .execute();
}

/** A pending consent (proven_at null): it counts once `proof`'s action is confirmed. */
export async function insertPendingConsent(
  db: Executor,
  c: {
    supporterId: number;
    campaignId: number | null;
    scope: ConsentScope;
    wording: string;
    source: string;
    proof: string;
  },
) {
  await db
    .insertInto("consents")
    .values({ ...c, provenAt: null })
    .execute();
}

/** Proves the pending consents given with one action; returns how many now count. */
export async function markConsentsProven(db: Executor, proof: string): Promise<number> {
  const result = await db
    .updateTable("consents")
    .set({ provenAt: sql`now()` })
    .where("proof", "=", proof)
    .where("provenAt", "is", null)
    .where("withdrawnAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
