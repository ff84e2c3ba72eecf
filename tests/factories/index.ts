import { db } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";
import { runSeed } from "~db/seed/seed.server";
import { createOrganizer } from "~/modules/organizers/organizers.server";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = "correct horse battery staple";

/** An organizer with a known password. */
export async function makeOrganizer(
  role: OrganizerRole = "owner",
  overrides: { email?: string; name?: string } = {},
) {
  const email = overrides.email ?? `organizer-${unique()}@example.org`;
  const result = await createOrganizer(
    { email, name: overrides.name ?? `Organizer ${role}`, role, password: TEST_PASSWORD },
    null,
  );
  if (!result.ok) throw new Error(`could not create organizer ${email}`);
  return { id: result.id, email, role, password: TEST_PASSWORD };
}

/** The seed content (three campaigns, nine case files, officials). */
export function seedContent() {
  return runSeed(db());
}

/** A live campaign with a unique slug. */
export async function makeCampaign(
  overrides: Partial<{ slug: string; title: string; status: "draft" | "live" | "closed" | "won" }> = {},
) {
  const slug = overrides.slug ?? `campaign-${unique()}`;
  return db()
    .insertInto("campaigns")
    .values({
      slug,
      title: overrides.title ?? `Campaign ${slug}`,
      summary: "A campaign made by a test factory.",
      bodyMd: "Body",
      status: overrides.status ?? "live",
      publishedAt: new Date(),
    })
    .returning(["id", "slug", "title", "status"])
    .executeTakeFirstOrThrow();
}
