import { sql } from "kysely";
import type { Executor } from "~db/index.server";

/**
 * `count` confirmed supporters who opted in (scope campaign for `campaignId`, or scope all; the
 * consent proven when the supporter is confirmed),
 * inserted with one statement so that 100,000 take about a second. Addresses are
 * `<prefix><n>@example.org`. Returns the supporter ids in order.
 */
export async function makeSubscribers(
  db: Executor,
  count: number,
  options: { prefix: string; campaignId?: number | null; scope?: "campaign" | "all"; confirmed?: boolean },
): Promise<number[]> {
  const scope = options.scope ?? (options.campaignId ? "campaign" : "all");
  const confirmed = options.confirmed ?? true;
  const result = await sql<{ id: number }>`
    with made as (
      insert into supporters (email, email_canonical, first_name, last_name, confirmed_at)
      select ${options.prefix} || g || '@example.org', lower(${options.prefix} || g || '@example.org'), 'Supporter', 'No. ' || g, case when ${confirmed} then now() else null end
      from generate_series(1, ${count}::int) g
      on conflict (email_canonical) do nothing
      returning id
    ), consented as (
      insert into consents (supporter_id, campaign_id, scope, wording, source, proven_at)
      select id, ${scope === "campaign" ? (options.campaignId ?? null) : null}::bigint, ${scope}, 'Send me email updates (factory)', 'factory',
        case when ${confirmed} then now() end from made
      returning supporter_id
    )
    select supporter_id as id from consented order by supporter_id`.execute(db);
  return result.rows.map((r) => Number(r.id));
}
