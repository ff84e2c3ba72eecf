import { db } from "~db/index.server";
import { listVerifiedStatements } from "./statements.queries.server";

export type VerifiedStatement = Awaited<ReturnType<typeof listVerifiedStatements>>[number];
export type CurrentPosition = VerifiedStatement;

/** The key of a statement's target: its office code, or `official:<id>`. */
export function targetKey(s: { officeCode: string | null; officialId: number | null }): string {
  return s.officeCode ?? `official:${s.officialId}`;
}

/**
 * Each target's current position: its latest verified statement (by date said, then by when it
 * was recorded). A newer statement supersedes an older one; none is overwritten.
 */
export async function currentPositions(campaignId: number): Promise<Map<string, CurrentPosition>> {
  const map = new Map<string, CurrentPosition>();
  for (const s of await listVerifiedStatements(db(), campaignId))
    if (!map.has(targetKey(s))) map.set(targetKey(s), s);
  return map;
}
