import { sql } from "kysely";
import { db } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";
import { rollUpSignatures } from "~/modules/petitions/rollup.server";
import { loader } from "~/routes/admin._index";
import { makeOrganizer } from "../factories";
import { makePetition } from "../support/petitions";
import { callRoute } from "../support/remix";
import { sessionCookieFor } from "../support/route-result";

/*
 * The organizer's dashboard with real rows: each figure per campaign and window, the roll-ups it
 * reads, and what each role may see (in the page data, not only on the page).
 */
const HOUR = 3_600_000;
let a: Awaited<ReturnType<typeof makePetition>>;
let b: Awaited<ReturnType<typeof makePetition>>;
let seq = 0;
let seededAt = 0;

/** `count` signatures on a petition in `state`, confirmed (or created) `hoursAgo` hours ago. */
async function signatures(
  petitionId: number,
  count: number,
  hoursAgo: number,
  place: { state: string; district: number; ip?: string },
  state = "confirmed",
) {
  const from = seq + 1;
  seq += count;
  await sql`
    with s as (
      insert into supporters (email, email_canonical, zip, state, district)
      select 'dash' || g || '@example.org', 'dash' || g || '@example.org', '05401', ${place.state}, ${place.district}
      from generate_series(${from}::int, ${seq}::int) g returning id, email_canonical
    )
    insert into signatures (petition_id, supporter_id, email_canonical, email_domain, state, first_name, last_name,
      zip, us_state, district, ip_hash, confirmed_at, created_at)
    select ${petitionId}, s.id, s.email_canonical, 'example.org', ${state}, 'Dash', 'Signer', '05401', ${place.state},
      ${place.district}, ${place.ip ?? null}, case when ${state} = 'confirmed' then now() - make_interval(mins => ${Math.round(hoursAgo * 60)}) end,
      now() - make_interval(mins => ${Math.round(hoursAgo * 60)})
    from s`.execute(db());
}

async function letters(campaignId: number, count: number, hoursAgo: number) {
  for (let i = 0; i < count; i++) {
    seq++;
    const supporter = await db()
      .insertInto("supporters")
      .values({ email: `writer${seq}@example.org`, emailCanonical: `writer${seq}@example.org` })
      .returning("id")
      .executeTakeFirstOrThrow();
    const submission = await db()
      .insertInto("letterSubmissions")
      .values({
        token: `dash-${seq}`,
        idempotencyKey: `dash-${seq}`,
        campaignId,
        supporterId: supporter.id,
        firstName: "Wren",
        lastName: "Writer",
        street: "1 Main St",
        city: "Burlington",
        state: "VT",
        zip: "05401",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const letter = await db()
      .insertInto("letters")
      .values({
        submissionId: submission.id,
        campaignId,
        supporterId: supporter.id,
        position: 0,
        recipientKind: "official",
        recipientName: "Secretary of Defense",
        recipientTitle: "Secretary",
        recipientAddress: ["1000 Defense Pentagon"],
        subject: "Bring them home",
        body: "Dear Secretary",
        method: "print",
        sentAt: new Date(Date.now() - hoursAgo * HOUR),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (hoursAgo === 0.5 && i === 0)
      await db()
        .insertInto("cwcDeliveries")
        .values({
          letterId: letter.id,
          campaignId,
          office: "HVT00",
          deliveryId: String(seq).padStart(32, "a"),
          status: "refused",
        })
        .execute();
  }
}

async function gift(campaignId: number, cents: number, hoursAgo: number, testMode = false) {
  seq++;
  const donation = await db()
    .insertInto("donations")
    .values({
      formKey: `dash-${seq}`,
      manageToken: `dash-${seq}`,
      campaignId,
      frequency: "one_time",
      amountCents: cents,
      status: "succeeded",
      testMode,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("donationGifts")
    .values({
      donationId: donation.id,
      paymentIntentId: `pi_dash_${seq}`,
      amountCents: cents,
      paidAt: new Date(Date.now() - hoursAgo * HOUR),
    })
    .execute();
}

beforeAll(async () => {
  a = await makePetition({ requiresConfirmation: false });
  b = await makePetition({ requiresConfirmation: false });
  seededAt = Date.now();
  await signatures(a.petitionId, 3, 0.2, { state: "VT", district: 0 });
  await signatures(a.petitionId, 4, 3 * 24, { state: "CA", district: 12 });
  await signatures(a.petitionId, 5, 20 * 24, { state: "CA", district: 12 });
  await signatures(a.petitionId, 2, 40 * 24, { state: "CA", district: 12 }); // older than the month
  await signatures(a.petitionId, 1, 0.1, { state: "VT", district: 0 }, "pending"); // not confirmed
  await signatures(b.petitionId, 12, 0.5, { state: "CA", district: 12, ip: "hash-of-one-ip" }); // trending
  await rollUpSignatures();

  await letters(a.campaignId, 2, 0.5);
  await letters(a.campaignId, 1, 10 * 24);
  const call = (outcome: string, hoursAgo: number) =>
    sql`insert into calls (campaign_id, office_code, outcome, view_nonce, created_at)
        values (${a.campaignId}, 'HVT00', ${outcome}, ${`n${seq++}`}, now() - make_interval(mins => ${hoursAgo * 60}))`.execute(
      db(),
    );
  await call("reached_staffer", 1);
  await call("skipped", 1); // not a call
  await call("left_voicemail", 5 * 24);
  await gift(a.campaignId, 2500, 2);
  await gift(a.campaignId, 1000, 2 * 24);
  await gift(a.campaignId, 9900, 1, true); // test mode: not money

  const kase = await sql<{ id: number }>`
    insert into cases (slug, full_name, conflict, status, summary)
    values ('dash-case', 'Dash Case', 'korean_war', 'missing', 'A case file.') returning id`.execute(db());
  await sql`insert into case_campaigns (case_id, campaign_id) values (${kase.rows[0].id}, ${a.campaignId})`.execute(
    db(),
  );
  await db()
    .insertInto("tips")
    .values({
      reference: "T-DASH-1",
      caseId: kase.rows[0].id,
      body: "I saw him in 1954.",
      email: "tipster@example.org",
    })
    .execute();
  await sql`insert into statements (campaign_id, office_code, position, kind, stated_on, origin)
    values (${a.campaignId}, 'HVT00', 'supports', 'letter_reply', current_date, 'supporter')`.execute(db());

  const mailing = await db()
    .insertInto("mailings")
    .values({
      campaignId: a.campaignId,
      audience: "everyone",
      subject: "The records are coming",
      bodyMd: "News",
      status: "sent",
      startedAt: new Date(Date.now() - 2 * HOUR),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const readers = await db().selectFrom("supporters").select("id").orderBy("id").limit(4).execute();
  for (const [i, r] of readers.entries())
    await db()
      .insertInto("deliveries")
      .values({
        mailingId: mailing.id,
        supporterId: r.id,
        email: `reader${i}@example.org`,
        batchNo: 0,
        status: i === 3 ? "queued" : "sent",
        deliveredAt: i < 2 ? new Date() : null,
        bouncedAt: i === 2 ? new Date() : null,
        complainedAt: i === 1 ? new Date() : null,
      })
      .execute();
  await db()
    .insertInto("campaignOptOuts")
    .values({ supporterId: readers[1].id, campaignId: a.campaignId })
    .execute();
});

async function dashboardFor(role: OrganizerRole, query = "") {
  const organizer = await makeOrganizer(role);
  const response = await callRoute(
    loader,
    new Request(`http://localhost/admin${query}`, {
      headers: { Cookie: await sessionCookieFor(organizer.id) },
    }),
  );
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, data: JSON.parse(text) };
}

const metrics = (data: any, campaignId: number) =>
  Object.fromEntries(
    data.dashboard.campaigns
      .find((c: { id: number }) => c.id === campaignId)
      .metrics.map((m: any) => [m.key, m]),
  );

describe("the organizer's dashboard", () => {
  it("counts each campaign's signatures, letters, calls, gifts and tips over the last day, week and month", async () => {
    const { data } = await dashboardFor("owner");
    const m = metrics(data, a.campaignId);
    expect(m.signatures.totals).toEqual({ day: 3, week: 7, month: 12 });
    expect(m.letters.totals).toEqual({ day: 2, week: 2, month: 3 });
    expect(m.calls.totals).toEqual({ day: 1, week: 2, month: 2 });
    expect(m.gifts.totals).toEqual({ day: 1, week: 2, month: 2 });
    expect(m.given.totals).toEqual({ day: 2500, week: 3500, month: 3500 });
    expect(m.tips.totals).toEqual({ day: 1, week: 1, month: 1 });
    expect(metrics(data, b.campaignId).signatures.totals).toEqual({ day: 12, week: 12, month: 12 });
    // The week's chart: seven daily bars that add up to the week.
    expect(m.signatures.buckets).toHaveLength(7);
    expect(m.signatures.buckets.reduce((s: number, x: { value: number }) => s + x.value, 0)).toBe(7);
    expect(m.signatures.buckets[6].value).toBe(3);
  });

  it("draws the chosen window: 24 hourly bars for the day, 30 daily bars for the month; an unknown window is the week", async () => {
    const day = metrics((await dashboardFor("owner", "?window=day")).data, a.campaignId);
    expect(day.signatures.buckets).toHaveLength(24);
    // The three were signed 12 minutes before the seeding: this hour's bar, or the last hour's
    // when the seeding ran in an hour's first 12 minutes.
    const signedAt = seededAt - 0.2 * HOUR;
    const bar = day.signatures.buckets.find(
      (x: { start: number }) => x.start <= signedAt && signedAt < x.start + HOUR,
    );
    expect(bar.value).toBe(3);
    expect(day.signatures.buckets.reduce((s: number, x: { value: number }) => s + x.value, 0)).toBe(3);
    const month = metrics((await dashboardFor("owner", "?window=month")).data, a.campaignId);
    expect(month.signatures.buckets).toHaveLength(30);
    expect(month.signatures.buckets.reduce((s: number, x: { value: number }) => s + x.value, 0)).toBe(12);
    const odd = await dashboardFor("owner", "?window=year&window=day");
    expect(odd.data.dashboard.window).toBe("week");
  });

  it("names the top states and districts from the roll-ups, the last update's figures and the work waiting", async () => {
    const { data } = await dashboardFor("owner");
    const d = data.dashboard;
    expect(d.states).toEqual([
      { state: "CA", n: 23 },
      { state: "VT", n: 3 },
    ]);
    expect(d.districts[0]).toEqual({ state: "CA", district: 12, n: 23 });
    expect(d.lastUpdate).toMatchObject({ subject: "The records are coming", unsubscribed: 1 });
    expect(d.lastUpdate.progress).toMatchObject({
      sent: 3,
      pending: 1,
      delivered: 2,
      bounced: 1,
      complained: 1,
    });
    expect(d.waiting).toMatchObject({ newTips: 1, replies: 1, failedEmails: 0, outboxLink: true });
    expect(d.waiting.trending).toEqual([
      expect.objectContaining({ petitionId: b.petitionId, ips: 1, most: 12 }),
    ]);
    expect(d.waiting.refused).toEqual([expect.objectContaining({ campaignId: a.campaignId, n: 1 })]);
  });

  it("gives an editor no gifts or amounts, and a viewer no tip counts, in the page data itself", async () => {
    const editor = await dashboardFor("editor");
    const e = metrics(editor.data, a.campaignId);
    expect(Object.keys(e)).toEqual(["signatures", "letters", "calls", "tips"]);
    expect(editor.text).not.toMatch(/"key":"(given|gifts)"|cents/);
    expect(editor.data.dashboard.waiting.outboxLink).toBe(false);
    expect(editor.data.dashboard.waiting.newTips).toBe(1);

    const viewer = await dashboardFor("viewer");
    expect(Object.keys(metrics(viewer.data, a.campaignId))).toEqual(["signatures", "letters", "calls"]);
    expect(viewer.data.dashboard.waiting.newTips).toBeNull();
    expect(viewer.text).not.toMatch(/"key":"(tips|given)"|newTips":\d/);
  });

  it("keeps the trending-sources roll-up in step with the signatures, and two days of it only", async () => {
    await signatures(b.petitionId, 3, 0.5, { state: "CA", district: 12, ip: "hash-of-one-ip" });
    await signatures(b.petitionId, 2, 60, { state: "CA", district: 12, ip: "hash-of-old-ip" });
    await rollUpSignatures();
    const rows = await db()
      .selectFrom("petitionIpHourlyCounts")
      .select(["ipHash", "n"])
      .where("petitionId", "=", b.petitionId)
      .execute();
    expect(rows).toEqual([{ ipHash: "hash-of-one-ip", n: 15 }]);
  });
});
