import { sql } from "kysely";
import { db } from "~db/index.server";
import { makeCampaign, makeOrganizer } from "../factories";
import { baseUrl } from "../support/browser";
import { sessionCookieFor } from "../support/route-result";
import { useServerDatabase } from "../support/server-database";

/**
 * Item 13 of the hardening issue: letter packets are drawn by child processes, at most
 * PACKET_MAX_CONCURRENT (default 2) at once; more get 429 with Retry-After.
 */

const LETTERS = 20;
let url: string;
let cookie: string;

useServerDatabase();
beforeAll(async () => {
  const campaign = await makeCampaign();
  const supporter = await db()
    .insertInto("supporters")
    .values({
      email: `packets-${campaign.id}@example.org`,
      emailCanonical: `packets-${campaign.id}@example.org`,
      firstName: "Ada",
      lastName: "Writer",
      zip: "05401",
      state: "VT",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const submission = await db()
    .insertInto("letterSubmissions")
    .values({
      token: `packet-test-${campaign.id}`,
      idempotencyKey: `packet-test-${campaign.id}`,
      campaignId: campaign.id,
      supporterId: supporter.id,
      firstName: "Ada",
      lastName: "Writer",
      street: "1 Main St",
      city: "Burlington",
      state: "VT",
      zip: "05401",
      district: 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`insert into letters (submission_id, campaign_id, supporter_id, position, recipient_kind, bioguide, recipient_name, recipient_title, recipient_address, state, subject, body, method)
    select ${submission.id}, ${campaign.id}, ${supporter.id}, g, 'senate', 'S000033', 'Bernard Sanders', 'Senator', array['The Honorable Bernard Sanders','United States Senate'], 'VT', 'Bring them home ' || g, 'Dear Senator Sanders,' || chr(10) || chr(10) || 'Please ask for the files. Letter ' || g, 'contact_form'
    from generate_series(1, ${LETTERS}) g`.execute(db());
  url = `${baseUrl()}/admin/letters/packet.pdf?campaign=${campaign.id}&office=bioguide:S000033`;
  cookie = await sessionCookieFor((await makeOrganizer("editor")).id);
});

async function download(signal?: AbortSignal) {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual", signal });
  const body = Buffer.from(await res.arrayBuffer()).toString("latin1");
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body };
}

const validPdf = (body: string) =>
  body.startsWith("%PDF-") &&
  body.trimEnd().endsWith("%%EOF") &&
  body.match(/\/Type \/Page\b/g)?.length === LETTERS + 1;

describe("letter packets at once", () => {
  it("six downloads at once: the first two are drawn, the others get 429 with Retry-After; all drawn ones are complete", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => download()));
    const drawn = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 429);
    expect(drawn.length + refused.length).toBe(6);
    expect(drawn.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(drawn.every((r) => validPdf(r.body))).toBe(true);
    expect(refused.every((r) => r.retryAfter === "10" && /at most 2 at a time/.test(r.body))).toBe(true);
    // The slots are free again once they finished.
    const after = await Promise.all([download(), download()]);
    expect(after.map((r) => r.status)).toEqual([200, 200]);
    expect(after.every((r) => validPdf(r.body))).toBe(true);
  }, 120_000);

  it("a download the organizer cancels frees its slot", async () => {
    for (let i = 0; i < 2; i++) {
      const controller = new AbortController();
      const res = await fetch(url, { headers: { cookie }, signal: controller.signal });
      expect(res.status).toBe(200);
      controller.abort();
    }
    const deadline = Date.now() + 30_000;
    let statuses: number[] = [];
    while (Date.now() < deadline) {
      statuses = (await Promise.all([download(), download()])).map((r) => r.status);
      if (statuses.every((s) => s === 200)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(statuses).toEqual([200, 200]);
  }, 120_000);
});
