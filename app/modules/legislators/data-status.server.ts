import { db } from "~db/index.server";
import { congressAt } from "./congress.server";

/**
 * How fresh the member data is: the last import and whether the Congress it describes has
 * ended (every House term ends with its Congress, so the latest House term end marks it).
 */
export async function congressDataStatus(now = new Date()) {
  const congress = await congressAt(now);
  const [latest, houseEnd] = await Promise.all([
    db()
      .selectFrom("dataImports")
      .selectAll()
      .where("kind", "=", "congress")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst(),
    db()
      .selectFrom("legislators")
      .select((eb) => eb.fn.max("termEnd").as("termEnd"))
      .where("congress", "=", congress)
      .where("chamber", "=", "house")
      .executeTakeFirst(),
  ]);
  const congressEnds = houseEnd?.termEnd ? new Date(String(houseEnd.termEnd)) : null;
  return {
    importedAt: latest?.importedAt ?? null,
    sourceDate: latest?.sourceDate ?? null,
    source: latest?.source ?? null,
    counts: latest?.counts ?? null,
    congressEnds: congressEnds?.toISOString().slice(0, 10) ?? null,
    stale: congressEnds ? now.getTime() > congressEnds.getTime() : false,
  };
}
