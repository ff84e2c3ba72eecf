import { sql, type Expression, type SqlBool } from "kysely";
import type pg from "pg";
import type { Executor } from "~db/index.server";
import type { SignatureFilter } from "./petitions.schema";

export type InvalidationRule =
  | { rule: "ipHash"; ipHash: string }
  | { rule: "domain"; domain: string }
  | { rule: "email"; emailCanonical: string }
  | { rule: "zip"; zip: string }
  | { rule: "window"; from: Date; to: Date };

export function listSignatures(db: Executor, petitionId: number, f: SignatureFilter, limit: number) {
  let q = db
    .selectFrom("signatures")
    .innerJoin("supporters", "supporters.id", "signatures.supporterId")
    .select([
      "signatures.id",
      "signatures.state",
      "signatures.fraudReason",
      "signatures.firstName",
      "signatures.lastName",
      "supporters.email",
      "signatures.zip",
      "signatures.city",
      "signatures.usState",
      "signatures.district",
      "signatures.districtCandidates",
      "signatures.comment",
      "signatures.commentHidden",
      "signatures.showName",
      "signatures.source",
      "signatures.ipHash",
      "signatures.userAgentClass",
      "signatures.createdAt",
      "signatures.confirmedAt",
    ])
    .where("signatures.petitionId", "=", petitionId)
    .orderBy("signatures.id", "desc")
    .limit(limit);
  if (f.state) q = q.where("signatures.state", "=", f.state);
  if (f.domain) q = q.where("signatures.emailDomain", "=", f.domain.toLowerCase());
  if (f.zip) q = q.where("signatures.zip", "like", `${f.zip}%`);
  if (f.after) q = q.where("signatures.id", "<", f.after);
  if (f.q) {
    const term = f.q.toLowerCase();
    q = q.where((eb) =>
      eb.or([
        eb("signatures.emailCanonical", "=", term),
        eb(
          sql`lower(signatures.first_name || ' ' || signatures.last_name)`,
          "like",
          `%${term.replace(/[%_\\]/g, "\\$&")}%`,
        ),
      ]),
    );
  }
  return q.execute();
}

export async function setCommentHidden(
  db: Executor,
  petitionId: number,
  signatureId: number,
  hidden: boolean,
) {
  const r = await db
    .updateTable("signatures")
    .set({ commentHidden: hidden })
    .where("id", "=", signatureId)
    .where("petitionId", "=", petitionId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** IP hashes and domains with more than `threshold` signatures in one hour, over the last day. */
export async function findTrending(db: Executor, petitionId: number, threshold: number) {
  const ips = await sql<{ key: string; hour: Date; n: number }>`
    select ip_hash as key, date_trunc('hour', created_at) as hour, count(*)::int as n from signatures
    where petition_id = ${petitionId} and ip_hash is not null and created_at > now() - interval '24 hours'
    group by 1, 2 having count(*) > ${threshold} order by n desc limit 20`.execute(db);
  const domains = await sql<{ key: string; hour: Date; n: number }>`
    select email_domain as key, date_trunc('hour', created_at) as hour, count(*)::int as n from signatures
    where petition_id = ${petitionId} and created_at > now() - interval '24 hours'
    group by 1, 2 having count(*) > ${threshold} order by n desc limit 20`.execute(db);
  return { ips: ips.rows, domains: domains.rows };
}

function ruleWhere(rule: InvalidationRule): Expression<SqlBool> {
  switch (rule.rule) {
    case "ipHash":
      return sql<SqlBool>`ip_hash = ${rule.ipHash}`;
    case "domain":
      return sql<SqlBool>`email_domain = ${rule.domain}`;
    case "email":
      return sql<SqlBool>`email_canonical = ${rule.emailCanonical}`;
    case "zip":
      return sql<SqlBool>`zip like ${`${rule.zip}%`}`;
    case "window":
      return sql<SqlBool>`created_at >= ${rule.from} and created_at < ${rule.to}`;
  }
}

export async function countMatching(
  db: Executor,
  petitionId: number,
  rule: InvalidationRule,
): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from signatures where petition_id = ${petitionId} and state in ('pending', 'confirmed') and ${ruleWhere(rule)}`.execute(
    db,
  );
  return r.rows[0]?.n ?? 0;
}

export async function insertInvalidation(
  db: Executor,
  v: { petitionId: number; rule: Record<string, unknown>; organizerId: number },
) {
  return db
    .insertInto("signatureInvalidations")
    .values({ petitionId: v.petitionId, rule: JSON.stringify(v.rule), count: 0, organizerId: v.organizerId })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function invalidateMatching(
  db: Executor,
  petitionId: number,
  rule: InvalidationRule,
  invalidationId: number,
): Promise<number> {
  const r = await sql`
    update signatures set state = 'invalidated', invalidation_id = ${invalidationId}, invalidated_at = now()
    where petition_id = ${petitionId} and state in ('pending', 'confirmed') and ${ruleWhere(rule)}`.execute(
    db,
  );
  const n = Number(r.numAffectedRows ?? 0);
  await db.updateTable("signatureInvalidations").set({ count: n }).where("id", "=", invalidationId).execute();
  return n;
}

export function listInvalidations(db: Executor, petitionId: number) {
  return db
    .selectFrom("signatureInvalidations")
    .leftJoin("organizers", "organizers.id", "signatureInvalidations.organizerId")
    .select([
      "signatureInvalidations.id",
      "signatureInvalidations.rule",
      "signatureInvalidations.count",
      "signatureInvalidations.createdAt",
      "organizers.name as organizerName",
    ])
    .where("signatureInvalidations.petitionId", "=", petitionId)
    .orderBy("signatureInvalidations.id", "desc")
    .limit(50)
    .execute();
}

export async function purgeOldIpHashes(db: Executor, days: number): Promise<number> {
  const r =
    await sql`update signatures set ip_hash = null where ip_hash is not null and created_at < now() - make_interval(days => ${days})`.execute(
      db,
    );
  return Number(r.numAffectedRows ?? 0);
}

export const EXPORT_COLUMNS = [
  "id",
  "state",
  "first_name",
  "last_name",
  "email",
  "country",
  "zip",
  "city",
  "us_state",
  "district",
  "comment",
  "show_name",
  "source",
  "created_at",
  "confirmed_at",
] as const;

/**
 * A server-side cursor over a petition's signatures (constant memory at any size): the client
 * stays checked out, inside a read-only transaction, until `close`.
 */
export async function openSignatureCursor(
  client: pg.PoolClient,
  petitionId: number,
  order: "id" | "place",
  states: string[],
) {
  await client.query("begin isolation level repeatable read read only");
  const orderBy =
    order === "id" ? "s.id" : "s.us_state nulls last, s.district nulls last, s.last_name, s.first_name, s.id";
  await client.query(
    `declare signature_cursor no scroll cursor for
     select s.id, s.state, s.first_name, s.last_name, sup.email, s.country, s.zip, s.city, s.us_state, s.district, s.comment, s.show_name, s.source, s.created_at, s.confirmed_at
     from signatures s join supporters sup on sup.id = s.supporter_id
     where s.petition_id = $1 and s.state = any($2::text[])
     order by ${orderBy}`,
    [petitionId, states],
  );
  return {
    async next(n: number): Promise<Array<Record<(typeof EXPORT_COLUMNS)[number], unknown>>> {
      return (await client.query(`fetch ${Math.floor(n)} from signature_cursor`)).rows;
    },
    async close() {
      try {
        await client.query("commit");
      } finally {
        client.release();
      }
    },
  };
}
