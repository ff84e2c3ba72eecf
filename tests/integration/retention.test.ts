import { sql } from "kysely";
import { db } from "~db/index.server";
import { getPetitionJson, signPetition } from "~/modules/petitions/petitions.server";
import { rollUpSignatures } from "~/modules/petitions/rollup.server";
import { applyRetention } from "~/modules/supporters/retention.server";
import { fileStore } from "~/modules/uploads/storage.server";
import { makePetition, zipDistricts } from "../support/petitions";

beforeAll(() => zipDistricts([{ zip: "05401", state: "VT", district: 0 }]));

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

describe("the retention job", () => {
  it("removes unconfirmed signatures, old IP hashes, closed tips' attachments and sign-in attempts; keeps the rest", async () => {
    const p = await makePetition();
    const sign = (email: string) =>
      signPetition(
        p.slug,
        {
          firstName: "Old",
          lastName: "Pending",
          email,
          country: "US",
          zip: "05401",
          showName: false,
          optIn: true,
        } as never,
        { ip: "198.51.100.40", userAgent: null },
      );
    await sign(`old-pending-${Date.now()}@example.org`);
    await sign(`new-pending-${Date.now()}@example.org`);
    const [old] = await db()
      .selectFrom("signatures")
      .select("id")
      .where("petitionId", "=", p.petitionId)
      .orderBy("id")
      .execute();
    await db()
      .updateTable("signatures")
      .set({ createdAt: daysAgo(90) })
      .where("id", "=", old.id)
      .execute();
    await rollUpSignatures();
    expect((await getPetitionJson(p.slug))?.pendingCount).toBe(2);

    const tip = await db()
      .insertInto("tips")
      .values({
        reference: `R-${Date.now()}`,
        body: "Old evidence",
        status: "closed",
        ipHash: "hash-old",
        createdAt: daysAgo(400),
        updatedAt: daysAgo(400),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const openTip = await db()
      .insertInto("tips")
      .values({
        reference: `S-${Date.now()}`,
        body: "Still open",
        status: "reviewing",
        updatedAt: daysAgo(400),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const key = `tips/${tip.id}/old-${Date.now()}.pdf`;
    const openKey = `tips/${openTip.id}/open-${Date.now()}.pdf`;
    await fileStore().put(key, Buffer.from("%PDF-1.4 old"));
    await fileStore().put(openKey, Buffer.from("%PDF-1.4 open"));
    await db()
      .insertInto("tipAttachments")
      .values([
        { tipId: tip.id, storageKey: key, filename: "old.pdf", contentType: "application/pdf", bytes: 12 },
        {
          tipId: openTip.id,
          storageKey: openKey,
          filename: "open.pdf",
          contentType: "application/pdf",
          bytes: 13,
        },
      ])
      .execute();
    await db()
      .insertInto("loginAttempts")
      .values([
        { key: `old-${Date.now()}`, succeeded: false, attemptedAt: daysAgo(45) },
        { key: `new-${Date.now()}`, succeeded: false, attemptedAt: daysAgo(1) },
      ])
      .execute();

    const removed = await applyRetention();
    expect(removed.unconfirmedSignatures).toBe(1);
    expect(removed.tipAttachments).toBe(1);
    expect(removed.signInAttempts).toBeGreaterThanOrEqual(1);
    expect(removed.ipHashes).toBeGreaterThanOrEqual(1);

    expect(
      await db().selectFrom("signatures").select("id").where("petitionId", "=", p.petitionId).execute(),
    ).toHaveLength(1);
    expect(
      await db().selectFrom("consents").select("id").where("proof", "=", `signature:${old.id}`).execute(),
    ).toEqual([]);
    await rollUpSignatures();
    expect((await getPetitionJson(p.slug))?.pendingCount).toBe(1);
    expect(await fileStore().get(key)).toBeNull();
    expect(await fileStore().get(openKey)).not.toBeNull();
    const tipRow = await db()
      .selectFrom("tips")
      .select(["ipHash", "body"])
      .where("id", "=", tip.id)
      .executeTakeFirstOrThrow();
    expect(tipRow).toEqual({ ipHash: null, body: "Old evidence" });
    const attempts = await sql<{
      n: number;
    }>`select count(*)::int as n from login_attempts where attempted_at < now() - interval '30 days'`.execute(
      db(),
    );
    expect(attempts.rows[0].n).toBe(0);
    expect(
      await db().selectFrom("loginAttempts").select("id").where("attemptedAt", ">", daysAgo(2)).execute(),
    ).not.toHaveLength(0);

    // Twice is the same as once.
    expect(await applyRetention()).toMatchObject({ unconfirmedSignatures: 0, tipAttachments: 0 });
  });
});
