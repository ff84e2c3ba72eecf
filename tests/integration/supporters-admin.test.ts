import { db } from "~db/index.server";
import { signPetition } from "~/modules/petitions/petitions.server";
import { action as supporterAction, loader as supporterLoader } from "~/routes/admin.supporters.$id";
import { loader as searchLoader } from "~/routes/admin.supporters._index";
import { makeOrganizer } from "../factories";
import { makePetition, zipDistricts } from "../support/petitions";
import { callRouteRaw, form, post } from "../support/remix";
import { sessionCookieFor, unwrap } from "../support/route-result";

beforeAll(() => zipDistricts([{ zip: "05401", state: "VT", district: 0 }]));

let k = 0;
/** A supporter who signed, wrote and gave: one person in admin. */
async function everyAction() {
  k++;
  const tag = `${Date.now().toString(36)}${k}`;
  const p = await makePetition({ requiresConfirmation: false });
  const email = `all-${tag}@example.org`;
  await signPetition(
    p.slug,
    {
      firstName: `Ursula${tag}`,
      lastName: "Vance",
      email,
      country: "US",
      zip: "05401",
      showName: false,
      optIn: false,
    } as never,
    { ip: "198.51.100.30", userAgent: null },
  );
  const s = await db()
    .selectFrom("supporters")
    .select("id")
    .where("emailCanonical", "=", email)
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("letterSubmissions")
    .values({
      token: `t-${tag}`,
      idempotencyKey: `i-${tag}`,
      campaignId: p.campaignId,
      supporterId: s.id,
      firstName: `Ursula${tag}`,
      lastName: "Vance",
      street: "1 Main St",
      city: "Burlington",
      state: "VT",
      zip: "05401",
    })
    .execute();
  await db()
    .insertInto("donations")
    .values({
      formKey: `f-${tag}`,
      manageToken: `m-${tag}`,
      campaignId: p.campaignId,
      supporterId: s.id,
      frequency: "one_time",
      amountCents: 2500,
      name: `Ursula${tag} Vance`,
      email,
      status: "succeeded",
    })
    .execute();
  return { id: s.id, email, firstName: `Ursula${tag}`, campaignId: p.campaignId };
}

async function as(role: "owner" | "editor" | "viewer") {
  const o = await makeOrganizer(role);
  return { id: o.id, headers: { Cookie: await sessionCookieFor(o.id) } };
}

describe("the organizer's supporter page", () => {
  it("shows one person across signatures, letters and gifts; gifts only to owners; viewers not at all", async () => {
    const who = await everyAction();
    const load = async (role: "owner" | "editor" | "viewer") =>
      unwrap(
        await callRouteRaw(
          supporterLoader as never,
          new Request(`http://localhost/admin/supporters/${who.id}`, { headers: (await as(role)).headers }),
          { id: String(who.id) },
        ),
      );
    const owner = await load("owner");
    expect(owner.data.supporter.email).toBe(who.email);
    expect(owner.data.signatures).toHaveLength(1);
    expect(owner.data.letters).toHaveLength(1);
    expect(owner.data.donations).toHaveLength(1);
    expect(owner.data.canErase).toBe(true);
    const editor = await load("editor");
    expect(editor.data.donations).toBeNull();
    expect(JSON.stringify(editor.data)).not.toContain("2500");
    expect(editor.data.canErase).toBe(false);
    const viewer = await load("viewer");
    expect([302, 403]).toContain(viewer.status);
  });

  it("finds supporters by name, ZIP, state, campaign and action", async () => {
    const who = await everyAction();
    const { headers } = await as("editor");
    const search = async (query: string) =>
      (
        await unwrap(
          await callRouteRaw(
            searchLoader as never,
            new Request(`http://localhost/admin/supporters?${query}`, { headers }),
          ),
        )
      ).data.rows.map((r: { id: number }) => r.id) as number[];
    expect(await search(`q=${who.firstName.toLowerCase()}`)).toEqual([who.id]);
    expect(await search(`q=${encodeURIComponent(who.email)}`)).toEqual([who.id]);
    expect(await search(`q=${who.firstName}&zip=05401&state=vt`)).toEqual([who.id]);
    expect(await search(`q=${who.firstName}&zip=10001`)).toEqual([]);
    expect(await search(`campaignId=${who.campaignId}&action=gave`)).toEqual([who.id]);
    expect(await search(`campaignId=${who.campaignId}&action=signed`)).toEqual([who.id]);
    // Nonsense filters are ignored, never a 500.
    expect(await search(`q=${who.firstName}&district=abc&action=sideways&page=-4`)).toEqual([who.id]);
  });

  it("lets an owner erase a supporter on a request received elsewhere, and only an owner", async () => {
    const who = await everyAction();
    const erase = async (role: "owner" | "editor", values: Record<string, string>) => {
      const { headers } = await as(role);
      return unwrap(
        await callRouteRaw(
          supporterAction as never,
          post(`/admin/supporters/${who.id}`, form(values), headers),
          {
            id: String(who.id),
          },
        ),
      );
    };
    const editor = await erase("editor", { intent: "erase", confirm: "yes" });
    expect(editor.status).toBe(403);
    expect((await erase("owner", { intent: "erase" })).status).toBe(400);
    const done = await erase("owner", { intent: "erase", confirm: "yes" });
    expect(done.location).toBe("/admin/supporters?erased=1");
    const row = await db()
      .selectFrom("supporters")
      .select(["email", "erasedAt"])
      .where("id", "=", who.id)
      .executeTakeFirstOrThrow();
    expect(row.email).not.toContain(who.firstName);
    expect(row.erasedAt).not.toBeNull();
    const erasure = await db()
      .selectFrom("erasures")
      .select(["requestedBy", "organizerId"])
      .where("supporterId", "=", who.id)
      .executeTakeFirstOrThrow();
    expect(erasure.requestedBy).toBe("organizer");
    expect(erasure.organizerId).not.toBeNull();
    const again = await erase("owner", { intent: "erase", confirm: "yes" });
    expect(again.status).toBe(404);
  });

  it("tags a supporter (editors and owners), finds them by tag, and refuses a bad tag or a viewer", async () => {
    const who = await everyAction();
    const act = async (role: "editor" | "viewer", values: Record<string, string>) => {
      const { headers } = await as(role);
      return unwrap(
        await callRouteRaw(
          supporterAction as never,
          post(`/admin/supporters/${who.id}`, form(values), headers),
          {
            id: String(who.id),
          },
        ),
      );
    };
    const tag = `volunteer ${who.id}`;
    expect((await act("editor", { intent: "tag", tag: `  Volunteer ${who.id} ` })).location).toBe(
      `/admin/supporters/${who.id}`,
    );
    await act("editor", { intent: "tag", tag });
    expect((await act("editor", { intent: "tag", tag: "<script>" })).status).toBe(400);
    expect([302, 403]).toContain((await act("viewer", { intent: "tag", tag: "nope" })).status);
    const tags = await db()
      .selectFrom("supporterTags")
      .select("tag")
      .where("supporterId", "=", who.id)
      .execute();
    expect(tags.map((t) => t.tag)).toEqual([tag]);
    const { headers } = await as("editor");
    const found = await unwrap(
      await callRouteRaw(
        searchLoader as never,
        new Request(`http://localhost/admin/supporters?tag=${encodeURIComponent(tag)}`, { headers }),
      ),
    );
    expect(found.data.rows.map((r: { id: number }) => r.id)).toEqual([who.id]);
    expect(found.data.tags).toContain(tag);
    await act("editor", { intent: "untag", tag });
    expect(
      await db().selectFrom("supporterTags").select("tag").where("supporterId", "=", who.id).execute(),
    ).toEqual([]);
  });
});

describe("the supporter page's other actions", () => {
  it("shows the replies they sent in from a letter and every update they received", async () => {
    const who = await everyAction();
    const submission = await db()
      .selectFrom("letterSubmissions")
      .select("id")
      .where("supporterId", "=", who.id)
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("statements")
      .values({
        campaignId: who.campaignId,
        position: "supports",
        kind: "letter_reply",
        statedOn: "2026-11-30",
        memberName: "Sen. Ada Reyes",
        officeCode: "SVT01",
        origin: "supporter",
        submissionId: submission.id,
      })
      .execute();
    const owner = await makeOrganizer("owner");
    const mailing = await db()
      .insertInto("mailings")
      .values({
        audience: "everyone",
        subject: `Hearing news ${who.id}`,
        bodyMd: "News.",
        createdBy: owner.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("deliveries")
      .values({ mailingId: mailing.id, supporterId: who.id, email: who.email, batchNo: 0, status: "sent" })
      .execute();
    const page = await unwrap(
      await callRouteRaw(
        supporterLoader as never,
        new Request(`http://localhost/admin/supporters/${who.id}`, { headers: (await as("editor")).headers }),
        { id: String(who.id) },
      ),
    );
    expect(page.data.statements).toEqual([
      expect.objectContaining({ kind: "letter_reply", memberName: "Sen. Ada Reyes", verifiedAt: null }),
    ]);
    expect(page.data.updates).toEqual([
      expect.objectContaining({ subject: `Hearing news ${who.id}`, status: "sent" }),
    ]);
  });
});
