import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { setClock } from "~/lib/clock.server";
import { deliverCwc } from "~/modules/cwc/cwc-delivery.server";
import { congressAt, storedCongresses } from "~/modules/legislators/congress.server";
import { lookupDistricts } from "~/modules/legislators/district-lookup.server";
import { campaignTargetSeats } from "~/modules/legislators/targets.server";
import { getDelivery } from "~/modules/letters/delivery.server";
import * as congressesRoute from "~/routes/admin.congresses";
import * as targetsRoute from "~/routes/admin.campaigns.$id_.targets";
import * as letterRoute from "~/routes/campaigns.$slug.letter";
import * as lettersRoute from "~/routes/admin.letters._index";
import { PassThrough } from "node:stream";
import { congressInForceSql } from "~/modules/legislators/congress.queries.server";
import { packetInfo, writePacketCsv } from "~/modules/letters/packet.server";
import { livesIn } from "~/modules/mail/scope.queries.server";
import { makeOrganizer, seedContent } from "../factories";
import { sessionCookieFor } from "../support/route-result";
import { importCongresses, startFakeCwc } from "../support/congress-setup";
import { callRouteRaw, form, post } from "../support/remix";

// The "119th to 120th" fixture, with the clock at 16:59 and 17:01 UTC on 2027-01-03.
const BEFORE = new Date("2027-01-03T16:59:00Z");
const AFTER = new Date("2027-01-03T17:01:00Z");
let fake: Awaited<ReturnType<typeof startFakeCwc>>;
let campaignId = 0;

beforeAll(async () => {
  await seedContent();
  setClock(new Date("2026-12-02T12:00:00Z"));
  const { next } = await importCongresses(db(), { next: true });
  expect(next?.congress).toBe(120);
  expect(next?.summary).toContain("Stored as the 120th Congress, in force from 2027-01-03T17:00:00.000Z.");
  fake = await startFakeCwc(["SVT01", "SVT03", "SNH02", "SNH03"]);
  overrideEnv({
    ...fake.settings(),
    CWC_RATE_PER_SECOND: 50,
  });
  campaignId = (
    await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  setClock(null);
  await fake?.stop();
});

let n = 0;
async function writeLetters(zip: string, seat: string, city: string) {
  n++;
  const key = `switch-${n}-${Date.now()}`;
  const result = await callRouteRaw(
    letterRoute.action as never,
    post(
      "/campaigns/dpaa-director/letter",
      form({
        zip,
        seat,
        prefix: "Ms.",
        firstName: "Ada",
        lastName: `Switch${n}`,
        street: "12 Main St",
        city,
        email: `switch${n}@example.org`,
        personalNote: "My uncle never came home from Korea.",
        idempotencyKey: key,
        intent: "send",
      }),
    ),
    { slug: "dpaa-director" },
  );
  expect(result).toBeInstanceOf(Response);
  const submission = await db()
    .selectFrom("letterSubmissions")
    .select(["id", "token", "congress", "district"])
    .where("idempotencyKey", "=", key)
    .executeTakeFirstOrThrow();
  const letters = await db()
    .selectFrom("letters")
    .select(["id", "recipientKind", "bioguide", "state", "district"])
    .where("submissionId", "=", submission.id)
    .orderBy("position")
    .execute();
  const deliveries = () =>
    db()
      .selectFrom("cwcDeliveries as d")
      .innerJoin("letters as l", "l.id", "d.letterId")
      .select(["d.id", "d.office", "d.deliveryId", "d.status", "d.congress", "d.note", "l.bioguide"])
      .where("l.submissionId", "=", submission.id)
      .orderBy("d.office")
      .execute();
  return { submission, letters, deliveries };
}

describe("the switch to the 120th Congress at noon Eastern, 2027-01-03", () => {
  it("both Congresses are stored; congressAt picks the 119th at 16:59 UTC and the 120th at 17:01", async () => {
    expect((await storedCongresses()).map((c) => [c.number, c.takesEffectAt.toISOString()])).toEqual([
      [119, "2025-01-03T17:00:00.000Z"],
      [120, "2027-01-03T17:00:00.000Z"],
    ]);
    expect(await congressAt(BEFORE)).toBe(119);
    expect(await congressAt(AFTER)).toBe(120);
  });

  it("the district lookup for 05401 and a renumbered NH seat answer with the map and members in force", async () => {
    setClock(BEFORE);
    const vt = (await lookupDistricts("05401")).result;
    const nh = (await lookupDistricts("03801")).result;
    expect(vt.ok && vt.lookup.candidates[0].house?.bioguide).toBe("B001318");
    expect(nh.ok && nh.lookup.candidates.map((c) => [c.district, c.house?.bioguide])).toEqual([
      [1, "P000614"],
    ]);
    setClock(AFTER);
    const vt2 = (await lookupDistricts("05401")).result;
    const nh2 = (await lookupDistricts("03801")).result;
    expect(vt2.ok && vt2.lookup.data.congress).toBe(120);
    expect(vt2.ok && vt2.lookup.candidates[0].house?.bioguide).toBe("Z000120");
    expect(nh2.ok && nh2.lookup.candidates.map((c) => [c.district, c.house?.bioguide])).toEqual([
      [2, "P000614"],
    ]);
    expect(nh2.ok && nh2.lookup.candidates[0].senators.map((s) => s.bioguide)).not.toContain("S001181");
  });

  it("targets resolve to the new members by themselves; the emptied committee says so and reaches no old member", async () => {
    const before = await campaignTargetSeats(campaignId, { state: "VT", district: 0 }, BEFORE);
    expect(before.congress).toBe(119);
    expect(before.notices).toEqual([]);
    expect(before.seats.find((s) => s.office === "HVT00")?.bioguide).toBe("B001318");
    expect(before.seats.filter((s) => s.committeeId === "HSAS02").length).toBeGreaterThanOrEqual(13);

    const after = await campaignTargetSeats(campaignId, { state: "VT", district: 0 }, AFTER);
    expect(after.congress).toBe(120);
    expect(after.seats.find((s) => s.office === "HVT00")?.bioguide).toBe("Z000120");
    expect(after.seats.filter((s) => s.committeeId === "HSAS02")).toEqual([]);
    expect(after.seats.filter((s) => s.committeeId === "SSAS17").length).toBeGreaterThanOrEqual(10);
    expect(after.notices).toEqual([
      expect.stringContaining("committee assignments for the 120th Congress are not yet published"),
    ]);
    expect(after.seats.map((s) => s.bioguide)).not.toContain("B001318");
    expect(after.seats.map((s) => s.bioguide)).not.toContain("S001181");
  });

  it("organizers see both Congresses, the moment of the switch, and the committee that will be empty (admin and editor)", async () => {
    const viewer = await sessionCookieFor((await makeOrganizer("viewer")).id);
    const load = async (at: Date) => {
      setClock(at);
      return (await callRouteRaw(
        congressesRoute.loader as never,
        new Request("http://localhost/admin/congresses", { headers: { Cookie: viewer } }),
        {},
      )) as Awaited<ReturnType<typeof congressesRoute.loader>>;
    };
    const before = await load(BEFORE);
    expect(before.switchAt).toBe("2027-01-03T17:00:00.000Z");
    expect(before.congresses.map((c) => [c.label, c.state, c.members > 500, c.zips > 30_000])).toEqual([
      ["119th Congress", "in force", true, true],
      ["120th Congress", "next", true, true],
    ]);
    expect(before.notices).toEqual([
      expect.objectContaining({
        congress: 120,
        campaignId,
        notice: expect.stringMatching(
          /HSAS02.*committee assignments for the 120th Congress are not yet published/,
        ),
      }),
    ]);
    const after = await load(AFTER);
    expect(after.switchAt).toBeNull();
    expect(after.congresses.map((c) => [c.number, c.state])).toEqual([[120, "in force"]]);
    expect(after.notices.map((n) => n.congress)).toEqual([120]);
    const editor = (await callRouteRaw(
      targetsRoute.loader as never,
      new Request(`http://localhost/admin/campaigns/${campaignId}/targets`, { headers: { Cookie: viewer } }),
      { id: String(campaignId) },
    )) as { today: { notices: string[] } };
    expect(editor.today.notices).toEqual([
      expect.stringContaining("committee assignments for the 120th Congress are not yet published"),
    ]);
    const anonymous = await callRouteRaw(
      congressesRoute.loader as never,
      new Request("http://localhost/admin/congresses"),
      {},
    );
    expect(anonymous).toBeInstanceOf(Response);
    expect((anonymous as Response).status).toBe(302);
  });

  it("a letter written at 16:59 and delivered at 17:01 is re-resolved (a renumbered seat moves office) and its writer is told; its district stays the written one", async () => {
    setClock(BEFORE);
    const { submission, letters, deliveries } = await writeLetters("03801", "NH-1", "Portsmouth");
    expect(submission).toMatchObject({ congress: 119, district: 1 });
    expect(letters.find((l) => l.recipientKind === "house")).toMatchObject({
      bioguide: "P000614",
      district: 1,
    });
    const queued = await deliveries();
    expect(queued.map((d) => [d.office, d.congress])).toEqual([
      ["HNH01", 119],
      ["SNH02", 119],
      ["SNH03", 119],
    ]);
    setClock(AFTER);
    for (const d of queued) await deliverCwc(d.id, 1, 10);
    const done = await deliveries();
    const house = done.find((d) => d.bioguide === "P000614")!;
    expect(house).toMatchObject({ office: "HNH02", congress: 120, status: "accepted" });
    expect(house.deliveryId).not.toBe(queued[0].deliveryId);
    expect(house.note).toMatch(
      /^Written under the 119th Congress and delivered under the 120th Congress: .*\(HNH02, was HNH01\)\.$/,
    );
    expect(
      fake.deliveredTo("HNH02").filter((m) => m.deliveryId === house.deliveryId && m.valid),
    ).toHaveLength(1);
    expect(fake.deliveredTo("HNH01")).toEqual([]);
    // the retiring senator's seat (class 2) goes to the new senator, same office
    const seat2 = done.find((d) => d.office === "SNH02")!;
    expect(seat2).toMatchObject({ status: "accepted", congress: 120 });
    expect(seat2.note).toContain("Morgan Whitcomb (SNH02)");
    // packets and counts by district use the map in force when the letter was written
    const stored = await db()
      .selectFrom("letters")
      .select("district")
      .where("id", "=", letters[0].id)
      .executeTakeFirstOrThrow();
    expect(stored.district).toBe(letters[0].district);
    const page = await getDelivery(submission.token);
    const cwc = page!.letters.map((l) => l.cwc).find((c) => c?.office === "HNH02");
    expect(cwc).toMatchObject({ status: "accepted", note: house.note });
  });

  it("a letter for 05401 written at 17:01 goes to the new members", async () => {
    setClock(AFTER);
    const { submission, letters, deliveries } = await writeLetters("05401", "VT-0", "Burlington");
    expect(submission.congress).toBe(120);
    expect(letters.find((l) => l.recipientKind === "house")?.bioguide).toBe("Z000120");
    const queued = await deliveries();
    expect(queued.map((d) => [d.office, d.congress, d.bioguide])).toEqual([
      ["HVT00", 120, "Z000120"],
      ["SVT01", 120, "S000033"],
      ["SVT03", 120, "W000800"],
    ]);
    for (const d of queued)
      expect(await deliverCwc(d.id, 1, 10)).toEqual({ kind: "done", status: "accepted" });
    const done = await deliveries();
    expect(done.every((d) => d.note === null)).toBe(true);
    expect(fake.deliveredTo("HVT00").filter((m) => m.valid)).toHaveLength(1);
  });
});

describe("packets, counts by district and mail scopes across the switch", () => {
  const stats = async (at: Date) => {
    setClock(at);
    const viewer = await sessionCookieFor((await makeOrganizer("viewer")).id);
    const page = (await callRouteRaw(
      lettersRoute.loader as never,
      new Request(`http://localhost/admin/letters?campaign=${campaignId}`, { headers: { Cookie: viewer } }),
      {},
    )) as Awaited<ReturnType<typeof lettersRoute.loader>>;
    return page.stats!;
  };
  const csvOf = async (office: string, at: Date) => {
    setClock(at);
    const campaign = { id: campaignId, slug: "dpaa-director", title: "DPAA" };
    const info = await packetInfo(campaign, { office });
    if (!info) return null;
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    await writePacketCsv(info, out);
    return { info, csv: Buffer.concat(chunks).toString("utf8") };
  };

  it("a letter written at 16:59 counts in its old district after 17:01", async () => {
    const after = await stats(AFTER);
    // the NH writer of 16:59 wrote from 03801, NH-1 under the 119th map (NH-2 under the 120th)
    expect(after.districts.map((d) => [d.label, d.count])).toEqual([
      ["NH-1", 1],
      ["VT-AL", 1],
    ]);
    expect(after.writers).toBe(2);
  });

  it("committee and seat rules draw packets of every writer's letter, for the members in force when drawn", async () => {
    const before = await stats(BEFORE);
    const after = await stats(AFTER);
    const byRule = (t: typeof before.targets, id: string) => t.filter((x) => x.reason.startsWith(id));
    expect(byRule(before.targets, "HSAS02").length).toBeGreaterThanOrEqual(13);
    expect(byRule(after.targets, "HSAS02")).toEqual([]);
    expect(byRule(after.targets, "SSAS17").length).toBeGreaterThanOrEqual(10);

    // an SSAS17 senator's packet after the switch: both writers' letters, addressed to the senator
    const senator = byRule(after.targets, "SSAS17")[0];
    const drawn = (await csvOf(senator.office, AFTER))!;
    expect(drawn.info.count).toBe(2);
    expect(drawn.info.byDistrict.map((d) => [d.label, d.count])).toEqual([
      ["NH-1", 1],
      ["VT-AL", 1],
    ]);
    const rows = drawn.csv
      .trim()
      .split("\n")
      .filter((l) => /^\d+,/.test(l));
    expect(rows).toHaveLength(2);
    expect(drawn.csv).toContain("Switch1");
    expect(drawn.csv).toContain("Switch2");
    const lastName = senator.label
      .replace(/ \(.*$/, "")
      .split(" ")
      .pop();
    expect(drawn.csv).toContain(`Dear Senator ${lastName}`);

    // a House member only on the emptied HSAS02: a packet before the switch, none after
    const afterOffices = new Set(after.targets.map((t) => t.office));
    const houseOnly = byRule(before.targets, "HSAS02").find((t) => !afterOffices.has(t.office))!;
    expect(houseOnly).toBeDefined();
    const old = (await csvOf(houseOnly.office, BEFORE))!;
    expect(old.info.count).toBe(2);
    expect(old.csv).toContain("Dear Representative");
    expect(await csvOf(houseOnly.office, AFTER)).toBeNull();
    // not a target at all: no packet
    expect(await csvOf("HAK00", AFTER)).toBeNull();
  });

  it("the 'may be your representative' mail scope reads the ZIP map of the Congress in force", async () => {
    const [{ id }] = await db()
      .insertInto("supporters")
      .values({
        email: "scope-nh@example.org",
        emailCanonical: "scope-nh@example.org",
        zip: "03801",
        state: "NH",
        district: null,
      })
      .returning("id")
      .execute();
    const inScope = async (office: string) =>
      (
        await db()
          .selectFrom("supporters as s")
          .select("s.id")
          .where("s.id", "=", id)
          .where(livesIn({ office }))
          .execute()
      ).length === 1;
    setClock(BEFORE);
    expect([await inScope("HNH01"), await inScope("HNH02")]).toEqual([true, false]);
    setClock(AFTER);
    expect([await inScope("HNH01"), await inScope("HNH02")]).toEqual([false, true]);
    // the SQL form of the rule agrees with congressAt on both sides of the switch
    for (const at of [BEFORE, AFTER, new Date("2026-12-02T12:00:00Z")]) {
      const row = await db().selectNoFrom(congressInForceSql(at).as("n")).executeTakeFirstOrThrow();
      expect(row.n).toBe(await congressAt(at));
    }
  });
});
