import { type SqlBool, sql } from "kysely";
import type { Executor } from "~db/index.server";
import { canonicalEmail } from "~/modules/supporters/supporters";
import { type FilterColumns, filterSql } from "./filter-sql.server";
import type { Filter } from "./filter";
import type { Page } from "./osdi";

/* People (supporters) for the OSDI API. Erased supporters are gone: they hold no personal data. */
export const PEOPLE_FILTERS: FilterColumns = {
  email_address: { kind: "string", ref: sql.ref("supporters.emailCanonical"), value: canonicalEmail },
  postal_code: { kind: "string", ref: sql.ref("supporters.zip") },
  family_name: { kind: "string", ref: sql.ref("supporters.lastName") },
  given_name: { kind: "string", ref: sql.ref("supporters.firstName") },
  created_date: { kind: "date", ref: sql.ref("supporters.createdAt") },
  modified_date: { kind: "date", ref: sql.ref("supporters.updatedAt") },
};

function people(db: Executor, where: ReturnType<typeof sql<SqlBool>>) {
  return db.selectFrom("supporters").where("supporters.erasedAt", "is", null).where(where);
}

function personColumns(db: Executor) {
  return people(db, sql<SqlBool>`true`).select([
    "supporters.id",
    "supporters.email",
    "supporters.firstName",
    "supporters.lastName",
    "supporters.country",
    "supporters.zip",
    "supporters.city",
    "supporters.state",
    "supporters.createdAt",
    "supporters.updatedAt",
    // Subscribed: a proven consent not withdrawn, and the address not on the suppression list.
    sql<boolean>`(exists (select 1 from consents c where c.supporter_id = supporters.id
        and c.proven_at is not null and c.withdrawn_at is null)
      and not exists (select 1 from suppressions s where s.email_canonical = supporters.email_canonical))`.as(
      "subscribed",
    ),
  ]);
}
export type PersonRow = Awaited<ReturnType<ReturnType<typeof personColumns>["executeTakeFirstOrThrow"]>>;

export async function listPeople(db: Executor, filter: Filter | null, page: Page) {
  const where = filterSql(filter, PEOPLE_FILTERS);
  const [rows, total] = await Promise.all([
    personColumns(db)
      .where(where)
      .orderBy("supporters.id")
      .limit(page.perPage)
      .offset((page.page - 1) * page.perPage)
      .execute(),
    people(db, where).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function findPerson(db: Executor, id: number) {
  return personColumns(db).where("supporters.id", "=", id).executeTakeFirst();
}
