import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { sql } from "kysely";
import {
  createMailing,
  resumeStalledMailings,
  runMailing,
  scheduleMailing,
} from "~/modules/mail/mailings.server";
import { applyUnsubscribe, parseUnsubscribeToken } from "~/modules/mail/unsubscribe.server";
import { action as oneClick } from "~/routes/unsubscribe.$token_.one-click";
import { makeCampaign, makeOrganizer } from "../factories";
import { makeSubscribers } from "../factories/mail";
import { FakeResend } from "../support/fake-resend";
import { callRoute } from "../support/remix";

const fake = new FakeResend();
let organizer: { id: number };

beforeAll(async () => {
  const url = await fake.start();
  overrideEnv({
    RESEND_API_KEY: "re_test_key",
    RESEND_BASE_URL: url,
    APP_URL: "https://campaign.example.org",
  });
  organizer = await makeOrganizer("owner");
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

async function updateFor(campaignId: number, subject = "Hearing on the missing men") {
  const created = await createMailing(organizer.id, {
    subject,
    bodyMd: "## News\n\nThe committee **asked** the Pentagon.",
    audience: "campaign-subscribers",
    campaignId,
  });
  if (!created.ok) throw new Error("could not create the mailing");
  await scheduleMailing(organizer.id, created.id, new Date());
  return created.id;
}

function deliveries(mailingId: number) {
  return db().selectFrom("deliveries").selectAll().where("mailingId", "=", mailingId).orderBy("id").execute();
}

describe("a campaign update", () => {
  it("sends 250 recipients in exactly three batch calls, each with its own idempotency key and one-click headers", async () => {
    const campaign = await makeCampaign();
    await makeSubscribers(db(), 250, { prefix: `three-${campaign.id}-`, campaignId: campaign.id });
    const id = await updateFor(campaign.id);
    const result = await runMailing(id, { requestsPerSecond: 0 });
    expect(result).toMatchObject({ outcome: "sent", batches: 3, messages: 250 });
    expect(fake.requests.map((r) => [r.path, r.idempotencyKey, r.to.length])).toEqual([
      ["/emails/batch", `mailing-${id}-batch-0`, 100],
      ["/emails/batch", `mailing-${id}-batch-1`, 100],
      ["/emails/batch", `mailing-${id}-batch-2`, 50],
    ]);
    expect(new Set(fake.acceptedRecipients()).size).toBe(250);
    const first = (
      fake.requests[0].body as Array<{
        html: string;
        text: string;
        headers: Record<string, string>;
        to: string[];
      }>
    )[0];
    expect(first.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const oneClickUrl = /^<(https:\/\/campaign\.example\.org\/unsubscribe\/([^/]+)\/one-click)>$/.exec(
      first.headers["List-Unsubscribe"],
    );
    expect(oneClickUrl).not.toBeNull();
    expect(first.html).toContain(`https://campaign.example.org/unsubscribe/${oneClickUrl![2]}"`);
    expect(first.text).toContain(`https://campaign.example.org/unsubscribe/${oneClickUrl![2]}`);
    expect(first.html).toContain("<strong>asked</strong>");
    expect(first.html).not.toContain("placeholder.invalid");
    const rows = await deliveries(id);
    expect(rows.every((r) => r.status === "sent" && r.providerId?.startsWith("fake-"))).toBe(true);
    const mailing = await db()
      .selectFrom("mailings")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(mailing).toMatchObject({ status: "sent", totalCount: 250 });
    // A second run (a retried job) sends nothing.
    expect(await runMailing(id, { requestsPerSecond: 0 })).toMatchObject({ outcome: "sent", batches: 0 });
    expect(fake.requests).toHaveLength(3);
  });

  it("retries a 429 after retry-after, a 500 and a dropped connection, always with the same idempotency key", async () => {
    const campaign = await makeCampaign();
    await makeSubscribers(db(), 120, { prefix: `retry-${campaign.id}-`, campaignId: campaign.id });
    const id = await updateFor(campaign.id);
    fake.failNext(1, { kind: "status", status: 429, retryAfter: 1 });
    fake.failNext(1, { kind: "status", status: 500 });
    fake.failNext(1, { kind: "drop" });
    const started = Date.now();
    await runMailing(id, { requestsPerSecond: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fake.requests.map((r) => [r.status, r.idempotencyKey])).toEqual([
      [429, `mailing-${id}-batch-0`],
      [500, `mailing-${id}-batch-0`],
      [0, `mailing-${id}-batch-0`],
      [200, `mailing-${id}-batch-0`],
      [200, `mailing-${id}-batch-1`],
    ]);
    expect(fake.acceptedRecipients()).toHaveLength(120);
  });

  it("killed mid-send and run again: nobody mailed twice, nobody skipped", async () => {
    const campaign = await makeCampaign();
    await makeSubscribers(db(), 450, { prefix: `kill-${campaign.id}-`, campaignId: campaign.id });
    const id = await updateFor(campaign.id);
    // 1st run: dies after the provider accepted batch 1 but before it was recorded.
    await expect(
      runMailing(id, {
        requestsPerSecond: 0,
        afterProviderAccepted: (n) => {
          if (n === 1) throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    // 2nd run: aborted (as SIGKILL would) between batches 2 and 3.
    const controller = new AbortController();
    await expect(
      runMailing(id, {
        requestsPerSecond: 0,
        afterProviderAccepted: (n) => (n === 2 ? controller.abort(new Error("killed again")) : undefined),
        signal: controller.signal,
      }),
    ).rejects.toThrow("killed again");
    const midway = await deliveries(id);
    expect(midway.filter((d) => d.status === "queued").length).toBeGreaterThan(0);
    // The worker died holding its job: after two quiet minutes the cron gives the update a fresh job.
    expect(await resumeStalledMailings()).toEqual([]);
    await sql`update deliveries set sent_at = sent_at - interval '3 minutes' where mailing_id = ${id}`.execute(
      db(),
    );
    expect(await resumeStalledMailings()).toEqual([id]);
    const job = await sql<{
      n: number;
    }>`select count(*)::int as n from graphile_worker.jobs where key = ${`mailing:${id}`} and locked_at is null`.execute(
      db(),
    );
    expect(job.rows[0].n).toBe(1);
    // 3rd run completes.
    await runMailing(id, { requestsPerSecond: 0 });
    const accepted = fake.acceptedRecipients();
    expect(accepted).toHaveLength(450);
    expect(new Set(accepted).size).toBe(450);
    // The batch whose answer was lost was sent again under its key, and the provider replayed its answer.
    const replays = fake.requests.filter((r) => r.replayed).map((r) => r.idempotencyKey);
    expect(replays).toEqual([`mailing-${id}-batch-1`]);
    const rows = await deliveries(id);
    expect(rows.map((r) => r.status).filter((s) => s !== "sent")).toEqual([]);
    expect(new Set(rows.map((r) => r.providerId)).size).toBe(450);
  });

  it("an unsubscribe while the update is being sent stops the rest for that person", async () => {
    const campaign = await makeCampaign();
    const ids = await makeSubscribers(db(), 250, {
      prefix: `unsub-${campaign.id}-`,
      campaignId: campaign.id,
    });
    const id = await updateFor(campaign.id);
    const late = ids[220]; // in batch 2
    await runMailing(id, {
      requestsPerSecond: 0,
      afterProviderAccepted: async (n) => {
        if (n !== 0) return;
        const email = fake.requests[0].body as Array<{ headers: Record<string, string> }>;
        expect(email).toHaveLength(100);
        const { unsubscribeToken } = await import("~/modules/mail/unsubscribe.server");
        const token = unsubscribeToken(late, campaign.id);
        const res = (await callRoute(
          oneClick,
          new Request(`http://localhost/unsubscribe/${token}/one-click`, {
            method: "POST",
            body: "List-Unsubscribe=One-Click",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
          }),
          { token },
        )) as Response;
        expect(res.status).toBe(200);
      },
    });
    const rows = await deliveries(id);
    expect(rows.find((r) => r.supporterId === late)?.status).toBe("unsubscribed");
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(249);
    expect(fake.acceptedRecipients()).toHaveLength(249);
  });

  it("goes only to confirmed supporters with an active consent, and honours a campaign opt-out over a subscription to everything", async () => {
    const campaign = await makeCampaign();
    await makeSubscribers(db(), 5, {
      prefix: `unconfirmed-${campaign.id}-`,
      campaignId: campaign.id,
      confirmed: false,
    });
    const everyone = await makeSubscribers(db(), 3, { prefix: `everyone-${campaign.id}-`, scope: "all" });
    const target = parseUnsubscribeToken(
      (await import("~/modules/mail/unsubscribe.server")).unsubscribeToken(everyone[0], campaign.id),
    )!;
    await applyUnsubscribe(target, "campaign");
    const created = await createMailing(organizer.id, {
      subject: "To everyone",
      bodyMd: "Hello",
      audience: "everyone",
      campaignId: campaign.id,
    });
    if (!created.ok) throw new Error("no mailing");
    await scheduleMailing(organizer.id, created.id, new Date());
    await runMailing(created.id, { requestsPerSecond: 0 });
    const to = fake.acceptedRecipients();
    expect(to.some((a) => a.startsWith("unconfirmed-"))).toBe(false);
    expect(to.filter((a) => a.startsWith(`everyone-${campaign.id}-`)).sort()).toEqual([
      `everyone-${campaign.id}-2@example.org`,
      `everyone-${campaign.id}-3@example.org`,
    ]);
  });
});
