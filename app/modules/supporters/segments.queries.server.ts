import { sql } from "kysely";
import type { Executor } from "~db/index.server";

export function insertSegment(db: Executor, values: { name: string; filters: object; createdBy: number }) {
  return db
    .insertInto("supporterSegments")
    .values({ ...values, filters: JSON.stringify(values.filters) })
    .onConflict((oc) => oc.expression(sql`lower(name)`).doNothing())
    .returning("id")
    .executeTakeFirst();
}

export function listSegments(db: Executor) {
  return db
    .selectFrom("supporterSegments")
    .select(["id", "name", "filters"])
    .orderBy("name")
    .limit(200)
    .execute();
}

export function findSegment(db: Executor, id: number) {
  return db
    .selectFrom("supporterSegments")
    .select(["id", "name", "filters"])
    .where("id", "=", id)
    .executeTakeFirst();
}
