import { sql, type RawBuilder } from "kysely";
import { now } from "~/lib/clock.server";
import { congressInForceSql } from "~/modules/legislators/congress.queries.server";
import { parseOfficeCode } from "~/modules/statements/statements";

/** Where a campaign update or a statement's news goes: one seat (CWC office code) or one state. */
export type MailScope = { office: string } | { state: string };

/**
 * Whether the supporter (alias `s` = supporters) lives in the scope, by the address they gave
 * last: a state; a senator's seat (their state); a House seat at large or of DC and the
 * territories (their state or area); a numbered district (their district, or, when their ZIP
 * spans several districts and none was chosen, one of the ZIP's districts: "may be your
 * representative", under the map of the Congress in force now). An office code that is not one
 * matches nobody.
 */
export function livesIn(scope: MailScope): RawBuilder<boolean> {
  if ("state" in scope) return sql<boolean>`(s.state = ${scope.state})`;
  const seat = parseOfficeCode(scope.office);
  if (!seat) return sql<boolean>`false`;
  if (seat.chamber === "senate" || !seat.district) return sql<boolean>`(s.state = ${seat.state})`;
  return sql<boolean>`(s.state = ${seat.state} and (s.district = ${seat.district} or ((s.district is null or s.district < 0)
    and exists (select 1 from zip_districts z where z.congress = ${congressInForceSql(now())}
      and z.zip = left(s.zip, 5) and z.state = ${seat.state} and z.district = ${seat.district}))))`;
}

/** Whether the supporter's seat is certain (not only one of their ZIP's districts). */
export function surelyIn(scope: MailScope): RawBuilder<boolean> {
  if ("state" in scope) return sql<boolean>`true`;
  const seat = parseOfficeCode(scope.office);
  if (!seat || seat.chamber === "senate" || !seat.district) return sql<boolean>`true`;
  return sql<boolean>`coalesce(s.district = ${seat.district}, false)`;
}
