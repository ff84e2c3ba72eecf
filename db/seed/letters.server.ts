import { sql } from "kysely";
import type { Trx } from "../index.server";
import type { SeedResult } from "./seed.server";

/*
 * A letter template for each target of each seeded campaign. Inserts what is missing and
 * never overwrites an organizer's edits. Merge fields: see app/modules/letters/letters.ts.
 */

type Target = "senate" | "house" | `official:${string}`;
interface SeedTemplate {
  campaign: string;
  target: Target;
  subject: string;
  bodyMd: string;
}

const congressDpaa = `I am writing as your constituent in {{supporter.city}}, {{supporter.state}}, about the roughly 8,000 Americans still unaccounted for from the Korean War.

The Defense POW/MIA Accounting Agency leads the government's effort to account for them, and it needs a permanent director: one person who answers to Congress and to the families for the agency's record.

Declassified U.S. records and intelligence reports say that some American prisoners were kept after the 1953 armistice, and some named men were confirmed alive in captivity but never came home.

I ask you, {{recipient.title}} {{recipient.last_name}}, to press the Department of Defense to name a permanent director to the agency, and to require regular, public reporting to Congress and to the families on every man known or reported to have been held alive after the war.`;

const congressMoscow = `I am writing as your constituent in {{supporter.city}}, {{supporter.state}}, about American prisoners from the Korean War and the Cold War who never came home.

Reports told of prisoners moved from North Korea to China and the Soviet Union. In 2003 Beijing admitted that Sgt. Richard Desautels had been taken to China; Russian sources have confirmed that Lt. Leonard Button was captured alive. Their families are still waiting for answers.

I ask you, {{recipient.title}} {{recipient.last_name}}, to support a direct request by the President to the governments of Russia and China: open your files on American prisoners from the Korean War and the Cold War, and tell the families what happened to each man.`;

const congressFiles = `I am writing as your constituent in {{supporter.city}}, {{supporter.state}}, to ask you to support the declassification of Korean War and Cold War POW/MIA records.

Many of these records are more than 50 years old and remain classified, at the National Archives and in the military. Records once marked top secret have already shown that men listed as missing were captured alive.

I ask you, {{recipient.title}} {{recipient.last_name}}, to support legislation requiring the review and release of these files, with only narrow and explained exceptions. The families have waited long enough to learn what their government knows.`;

export const seedTemplates: SeedTemplate[] = [
  {
    campaign: "dpaa-director",
    target: "senate",
    subject: "Name a permanent director to the POW/MIA accounting agency",
    bodyMd: congressDpaa,
  },
  {
    campaign: "dpaa-director",
    target: "house",
    subject: "Name a permanent director to the POW/MIA accounting agency",
    bodyMd: congressDpaa,
  },
  {
    campaign: "dpaa-director",
    target: "official:secretary-of-defense",
    subject: "A permanent director for the Defense POW/MIA Accounting Agency",
    bodyMd: `I am writing from {{supporter.city}}, {{supporter.state}}, about the roughly 8,000 Americans still unaccounted for from the Korean War.

I ask you to name a permanent director to the Defense POW/MIA Accounting Agency: one person accountable to Congress and to the families for the agency's work.

I also ask that the director report openly, to Congress and to the families, on the cases of men known or reported to have been held alive after the 1953 armistice.`,
  },
  {
    campaign: "ask-moscow-beijing",
    target: "senate",
    subject: "Ask Moscow and Beijing about the Americans never returned",
    bodyMd: congressMoscow,
  },
  {
    campaign: "ask-moscow-beijing",
    target: "house",
    subject: "Ask Moscow and Beijing about the Americans never returned",
    bodyMd: congressMoscow,
  },
  {
    campaign: "ask-moscow-beijing",
    target: "official:president",
    subject: "Please raise the fate of American POWs with Moscow and Beijing",
    bodyMd: `I am writing from {{supporter.city}}, {{supporter.state}}, about American servicemen held back after the Korean War and during the Cold War.

In 1954 the U.S. Embassy in Moscow formally asked the Soviet government to return American prisoners taken from Korea; the Soviet government denied holding any. In 2003 Beijing admitted that Sgt. Richard Desautels had been taken to China, and said he died there. China still holds a file on him.

I ask you to raise the fate of these Americans directly with the governments of Russia and China, and to ask each to open its files and tell the families what happened to each man.`,
  },
  {
    campaign: "release-the-files",
    target: "senate",
    subject: "Declassify the Korean War and Cold War POW files",
    bodyMd: congressFiles,
  },
  {
    campaign: "release-the-files",
    target: "house",
    subject: "Declassify the Korean War and Cold War POW files",
    bodyMd: congressFiles,
  },
  {
    campaign: "release-the-files",
    target: "official:archivist",
    subject: "Review and release the Korean War and Cold War POW/MIA records",
    bodyMd: `I am writing from {{supporter.city}}, {{supporter.state}}, about records on American prisoners of the Korean War and the Cold War held at the National Archives.

Many of these records are more than 50 years old and remain classified. I ask you to give them priority for declassification review and to release them, with only narrow and explained exceptions, so that the families can learn what their government knows.`,
  },
  {
    campaign: "release-the-files",
    target: "official:dia-director",
    subject: "Release the DIA's records on Korean War prisoners seen alive",
    bodyMd: `I am writing from {{supporter.city}}, {{supporter.state}}, about the Defense Intelligence Agency's records on American prisoners of the Korean War and the Cold War.

The agency has declined to release some documents on Korean War prisoners reported alive after the war, citing classification. These records are now more than 50 years old.

I ask you to review them for declassification and release them, with only narrow and explained exceptions, so that the families of these men can finally learn what was known.`,
  },
];

export async function seedLetterTemplates(trx: Trx): Promise<SeedResult> {
  let created = 0;
  for (const t of seedTemplates) {
    const [kind, officialKey] = t.target.split(":") as ["senate" | "house" | "official", string | undefined];
    const result = await sql`
      insert into letter_templates (campaign_id, target_kind, official_id, subject, body_md)
      select c.id, ${kind}, o.id, ${t.subject}, ${t.bodyMd}
      from campaigns c
      left join officials o on o.key = ${officialKey ?? null}
      where c.slug = ${t.campaign} and (${kind} <> 'official' or o.id is not null)
      on conflict (campaign_id, target_kind, coalesce(official_id, 0)) do nothing
    `.execute(trx);
    created += Number(result.numAffectedRows ?? 0);
  }
  return { created, unchanged: seedTemplates.length - created };
}
