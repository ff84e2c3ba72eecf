import { sql } from "kysely";
import type { Executor } from "~db/index.server";
import type { CommitteeMemberValues, CommitteeValues } from "./committees-data.server";

/* Committees, subcommittees and their rosters (replaced whole by each congress import). */

/** Replaces every committee and membership (parents first, so subcommittees find them). */
export async function replaceCommittees(
  db: Executor,
  congress: number,
  importId: number,
  committees: CommitteeValues[],
  members: CommitteeMemberValues[],
): Promise<void> {
  await db.deleteFrom("committeeMembers").where("congress", "=", congress).execute();
  await db.deleteFrom("committees").where("congress", "=", congress).execute();
  const parents = committees.filter((c) => c.parentId === null);
  const subs = committees.filter((c) => c.parentId !== null);
  for (const part of [parents, subs])
    if (part.length)
      await db
        .insertInto("committees")
        .values(part.map((c) => ({ ...c, congress, importId })))
        .execute();
  for (let i = 0; i < members.length; i += 2000)
    await db
      .insertInto("committeeMembers")
      .values(members.slice(i, i + 2000).map((m) => ({ ...m, congress })))
      .execute();
}

export function findCommittee(db: Executor, congress: number, id: string) {
  return db
    .selectFrom("committees as c")
    .leftJoin("committees as p", (j) =>
      j.onRef("p.id", "=", "c.parentId").onRef("p.congress", "=", "c.congress"),
    )
    .select([
      "c.id",
      "c.parentId",
      "c.chamber",
      "c.name",
      "c.url",
      "c.phone",
      "c.address",
      "c.jurisdiction",
      "p.name as parentName",
    ])
    .where("c.congress", "=", congress)
    .where("c.id", "=", id)
    .executeTakeFirst();
}

export function listSubcommittees(db: Executor, congress: number, parentId: string) {
  return db
    .selectFrom("committees")
    .select(["id", "name"])
    .where("congress", "=", congress)
    .where("parentId", "=", parentId)
    .orderBy("id")
    .execute();
}

/** A committee's roster with each member's seat, majority first, by rank. */
export function listCommitteeRoster(db: Executor, congress: number, committeeId: string) {
  return db
    .selectFrom("committeeMembers as m")
    .innerJoin("legislators as l", (j) =>
      j.onRef("l.bioguide", "=", "m.bioguide").onRef("l.congress", "=", "m.congress"),
    )
    .select([
      "m.bioguide",
      "m.side",
      "m.rank",
      "m.title as role",
      "l.fullName",
      "l.chamber",
      "l.title",
      "l.state",
      "l.district",
      "l.senateClass",
      "l.party",
    ])
    .where("m.congress", "=", congress)
    .where("m.committeeId", "=", committeeId)
    .orderBy(sql`case when m.side = 'majority' then 0 else 1 end`)
    .orderBy(sql`m.rank nulls last`)
    .orderBy("l.lastName")
    .execute();
}
