import type { SeedResult } from "./seed.server";
import type { Trx } from "../index.server";
import { helpIdentify } from "./content";

/** The help-identify requests (no images yet: the public page shows a placeholder). */
export async function seedHelpIdentify(trx: Trx): Promise<SeedResult> {
  const rows = await trx
    .insertInto("caseMedia")
    .values(
      helpIdentify.map((m) => ({
        slug: m.slug,
        title: m.title,
        kind: "film_still" as const,
        description: m.description,
        dateText: m.dateText,
        source: m.source,
        published: true,
      })),
    )
    .onConflict((oc) => oc.column("slug").doNothing())
    .returning("id")
    .execute();
  return { created: rows.length, unchanged: helpIdentify.length - rows.length };
}
