import { db } from "~db/index.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { getSetting } from "~/modules/settings/settings.server";
import { hashIp } from "~/modules/security/ip-hash.server";
import { canonicalEmail } from "~/modules/supporters/supporters";
import type { InvalidationInput, SignatureFilter } from "./petitions.schema";
import { ipRetentionDays, trendingThreshold } from "./petition-settings.server";
import {
  countsByState,
  districtCounts,
  findPetitionById,
  hourlyCounts,
  listPetitionsForAdmin,
} from "./petitions.queries.server";
import {
  countMatching,
  findTrending,
  insertInvalidation,
  invalidateMatching,
  listInvalidations,
  listSignatures,
  purgeOldIpHashes,
  setCommentHidden,
  type InvalidationRule,
} from "./admin.queries.server";
import { recomputePetitionCounts } from "./rollup.server";

export { recomputePetitionCounts } from "./rollup.server";

export function listPetitions() {
  return listPetitionsForAdmin(db());
}

export function getPetition(id: number) {
  return findPetitionById(db(), id);
}

/** The petition dashboard: counts by state, last 48 hours, districts, trending sources, invalidations. */
export async function petitionDashboard(id: number) {
  const threshold = await getSetting(trendingThreshold);
  const [counts, hourly, districts, trending, invalidations] = await Promise.all([
    countsByState(db(), id),
    hourlyCounts(db(), id, 48),
    districtCounts(db(), id),
    findTrending(db(), id, threshold),
    listInvalidations(db(), id),
  ]);
  return {
    counts: Object.fromEntries(counts.map((c) => [c.state, c.n])) as Record<string, number>,
    hourly,
    districts,
    trending,
    threshold,
    invalidations,
    now: Date.now(),
  };
}

export const SIGNATURE_PAGE = 100;

export async function signaturePage(petitionId: number, filter: SignatureFilter) {
  const rows = await listSignatures(db(), petitionId, filter, SIGNATURE_PAGE + 1);
  return {
    rows: rows.slice(0, SIGNATURE_PAGE),
    next: rows.length > SIGNATURE_PAGE ? rows[SIGNATURE_PAGE - 1].id : null,
  };
}

export async function hideComment(actorId: number, petitionId: number, signatureId: number, hidden: boolean) {
  await db()
    .transaction()
    .execute(async (trx) => {
      if (!(await setCommentHidden(trx, petitionId, signatureId, hidden))) return;
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: hidden ? "signature.hide-comment" : "signature.show-comment",
        subjectType: "signature",
        subjectId: signatureId,
      });
    });
}

/** The form's rule as stored (IP addresses hashed first: they are never stored). */
export function toRule(input: InvalidationInput): InvalidationRule {
  switch (input.rule) {
    case "ip":
      return { rule: "ipHash", ipHash: hashIp(input.value) };
    case "ipHash":
      return { rule: "ipHash", ipHash: input.value };
    case "domain":
      return { rule: "domain", domain: input.value.toLowerCase() };
    case "email":
      return { rule: "email", emailCanonical: canonicalEmail(input.value) };
    case "zip":
      return { rule: "zip", zip: input.value };
    case "window":
      return { rule: "window", from: new Date(input.from), to: new Date(input.to) };
  }
}

export function previewInvalidation(petitionId: number, rule: InvalidationRule) {
  return countMatching(db(), petitionId, rule);
}

/** Invalidates every pending or confirmed signature matching the rule, keeps the record, recomputes the counts. */
export async function invalidateSignatures(
  actorId: number,
  petitionId: number,
  rule: InvalidationRule,
): Promise<number> {
  const n = await db()
    .transaction()
    .execute(async (trx) => {
      const record = await insertInvalidation(trx, {
        petitionId,
        rule: rule as unknown as Record<string, unknown>,
        organizerId: actorId,
      });
      const count = await invalidateMatching(trx, petitionId, rule, record.id);
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "signature.invalidate",
        subjectType: "petition",
        subjectId: petitionId,
        details: { rule, count },
      });
      return count;
    });
  await recomputePetitionCounts(petitionId);
  return n;
}

/** The purge_signature_ip_hashes job: IP hashes are kept only for the retention period. */
export async function purgeIpHashes(): Promise<number> {
  return purgeOldIpHashes(db(), await getSetting(ipRetentionDays));
}
