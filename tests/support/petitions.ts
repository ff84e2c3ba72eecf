import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { db } from "~db/index.server";
import { createApp } from "~/http.server";

/** The real Express app (security middleware, fast routes) on a random port; Remix is never reached by these tests. */
export async function startApi(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createApp({} as ServerBuild);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let n = 0;
/** A valid signing body with a unique email. */
export function signer(overrides: Record<string, unknown> = {}) {
  n++;
  return {
    firstName: "Jane",
    lastName: "Doe",
    email: `signer-${Date.now().toString(36)}-${n}@example.org`,
    zip: "05401",
    ...overrides,
  };
}

export async function zipDistricts(rows: Array<{ zip: string; state: string; district: number }>) {
  await db()
    .insertInto("zipDistricts")
    .values(rows.map((r) => ({ ...r, congress: 119 })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** A live campaign with a petition (confirmation required unless told otherwise). */
export async function makePetition(
  overrides: {
    status?: "draft" | "live" | "closed" | "won";
    requiresConfirmation?: boolean;
    deadline?: Date | null;
    goal?: number;
  } = {},
) {
  n++;
  const slug = `petition-${Date.now().toString(36)}-${n}`;
  const campaign = await db()
    .insertInto("campaigns")
    .values({
      slug,
      title: `Petition campaign ${n}`,
      summary: "A campaign with a petition.",
      bodyMd: "Body",
      status: overrides.status ?? "live",
      publishedAt: new Date(),
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
  const petition = await db()
    .insertInto("petitions")
    .values({
      campaignId: campaign.id,
      ask: "We ask that the records be released to the families.",
      goal: overrides.goal ?? 100,
      deadline: overrides.deadline ?? null,
      requiresConfirmation: overrides.requiresConfirmation ?? true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { slug, campaignId: campaign.id, petitionId: petition.id };
}

export function signatureRows(petitionId: number) {
  return db()
    .selectFrom("signatures")
    .selectAll()
    .where("petitionId", "=", petitionId)
    .orderBy("id")
    .execute();
}
