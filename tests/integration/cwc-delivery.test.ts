import { sql } from "kysely";
import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { deliverCwc } from "~/modules/cwc/cwc-delivery.server";
import * as letterRoute from "~/routes/campaigns.$slug.letter";
import * as campaignRoute from "~/routes/admin.campaigns.$id";
import { getCampaignForEdit } from "~/modules/campaigns/campaigns.server";
import { sessionCookieFor } from "../support/route-result";
import { makeOrganizer, seedContent } from "../factories";
import { getDelivery } from "~/modules/letters/delivery.server";
import { campaignDeliveryReport, publicDeliveryFigures } from "~/modules/cwc/cwc-status.server";
import { cwcExportResponse } from "~/modules/cwc/cwc-export.server";
import { validateCwcXml } from "../support/fake-cwc";
import { importCongresses, startFakeCwc } from "../support/congress-setup";
import { callRouteRaw, form, post } from "../support/remix";

let fake: Awaited<ReturnType<typeof startFakeCwc>>;

beforeAll(async () => {
  await seedContent();
  await importCongresses(db());
  fake = await startFakeCwc(["SVT01", "SVT03", "SCA01"]);
  overrideEnv({
    ...fake.settings(),
    CWC_RATE_PER_SECOND: 5,
  });
});
afterAll(() => fake?.stop());

let n = 0;
async function writeLetters(over: Record<string, string> = {}) {
  n++;
  const values = {
    zip: "05401",
    seat: "VT-0",
    prefix: "Ms.",
    firstName: "Ada",
    lastName: `Writer${n}`,
    street: "12 Main St",
    city: "Burlington",
    zip4: "1234",
    phone: "(802) 555-0199",
    email: `ada${n}@example.org`,
    personalNote: "My uncle never came home from Korea.",
    idempotencyKey: `cwc-test-key-${n}-${Date.now()}`,
    intent: "send",
    ...over,
  };
  const result = await callRouteRaw(
    letterRoute.action as never,
    post("/campaigns/dpaa-director/letter", form(values)),
    { slug: "dpaa-director" },
  );
  expect(result).toBeInstanceOf(Response);
  const submission = await db()
    .selectFrom("letterSubmissions")
    .select(["id", "prefix", "phone", "zip4", "token", "campaignId"])
    .where("idempotencyKey", "=", values.idempotencyKey)
    .executeTakeFirstOrThrow();
  const deliveries = await db()
    .selectFrom("cwcDeliveries as d")
    .innerJoin("letters as l", "l.id", "d.letterId")
    .select(["d.id", "d.office", "d.deliveryId", "d.status"])
    .where("l.submissionId", "=", submission.id)
    .orderBy("d.office")
    .execute();
  return { submission, deliveries };
}

const statusOf = async (id: number) =>
  await db().selectFrom("cwcDeliveries").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("delivery through CWC", () => {
  it("a letter for 05401 reaches HVT00, SVT01 and SVT03 as valid XML and is accepted", async () => {
    const { submission, deliveries } = await writeLetters();
    expect(submission).toMatchObject({ prefix: "Ms.", phone: "802-555-0199", zip4: "1234" });
    expect(deliveries.map((d) => [d.office, d.status])).toEqual([
      ["HVT00", "queued"],
      ["SVT01", "queued"],
      ["SVT03", "queued"],
    ]);
    const jobs = await sql<{
      n: number;
    }>`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'deliver_cwc'`.execute(
      db(),
    );
    expect(jobs.rows[0].n).toBeGreaterThanOrEqual(3);
    for (const d of deliveries)
      expect(await deliverCwc(d.id, 1, 10)).toEqual({ kind: "done", status: "accepted" });
    for (const d of deliveries) {
      const got = fake.deliveredTo(d.office).filter((m) => m.deliveryId === d.deliveryId);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ valid: true, chamber: d.office.startsWith("S") ? "senate" : "house" });
      expect(got[0].xml).toContain(
        "<ConstituentMessage>My uncle never came home from Korea.</ConstituentMessage>",
      );
      expect(got[0].xml).toContain("<Zip>05401-1234</Zip>");
      expect(got[0].xml).toContain("<Phone>802-555-0199</Phone>");
      expect(got[0].xml).not.toMatch(/Sincerely/);
      expect(got[0].xml).toMatch(/<OrganizationStatement>[^<]{40,}<\/OrganizationStatement>/);
      expect((await statusOf(d.id)).status).toBe("accepted");
    }
  });

  it("a 5xx is retried with the same DeliveryId; a 400 is refused with the reason and never retried", async () => {
    const { deliveries } = await writeLetters();
    const house = deliveries.find((d) => d.office === "HVT00")!;
    fake.faults.push(503);
    await expect(deliverCwc(house.id, 1, 10)).rejects.toThrow(/503/);
    expect(await statusOf(house.id)).toMatchObject({ status: "queued", attempts: 1 });
    expect(await deliverCwc(house.id, 2, 10)).toEqual({ kind: "done", status: "accepted" });
    const tries = fake.received.filter((m) => m.office === "HVT00" && m.deliveryId === house.deliveryId);
    expect(tries.map((m) => m.status)).toEqual([503, 200]);

    const senate = deliveries.find((d) => d.office === "SVT01")!;
    fake.faults.push(400);
    expect(await deliverCwc(senate.id, 1, 10)).toEqual({ kind: "done", status: "refused" });
    expect((await statusOf(senate.id)).reason).toMatch(/^400: /);
    const before = fake.received.length;
    expect(await deliverCwc(senate.id, 2, 10)).toEqual({ kind: "done", status: "refused" });
    expect(fake.received.length).toBe(before);
  });

  it("a worker killed after sending resumes without a second delivery (409 counts as delivered)", async () => {
    const { deliveries } = await writeLetters();
    const d = deliveries.find((x) => x.office === "SVT03")!;
    await deliverCwc(d.id, 1, 10);
    // as if the process died between CWC's answer and our update
    await db()
      .updateTable("cwcDeliveries")
      .set({ status: "sent", answeredAt: null })
      .where("id", "=", d.id)
      .execute();
    expect(await deliverCwc(d.id, 2, 10)).toEqual({ kind: "done", status: "accepted" });
    const tries = fake.received.filter((m) => m.deliveryId === d.deliveryId);
    expect(tries.map((m) => m.status)).toEqual([201, 409]);
    expect(fake.deliveredTo("SVT03").filter((m) => m.deliveryId === d.deliveryId)).toHaveLength(1);
  });

  it("a Senate office not on CWC needs the contact form; a letter without a title too", async () => {
    fake.senateOffices = ["SVT01"];
    await db().deleteFrom("settings").where("key", "=", "cwc.senate-active-offices").execute();
    const { deliveries } = await writeLetters({ prefix: "" });
    const svt03 = deliveries.find((x) => x.office === "SVT03")!;
    expect(await deliverCwc(svt03.id, 1, 10)).toEqual({ kind: "done", status: "contact_form" });
    expect((await statusOf(svt03.id)).reason).toMatch(/does not take CWC/);
    const house = deliveries.find((x) => x.office === "HVT00")!;
    expect(await deliverCwc(house.id, 1, 10)).toEqual({ kind: "done", status: "contact_form" });
    expect(fake.received.filter((m) => m.deliveryId === house.deliveryId)).toEqual([]);
    fake.senateOffices = ["SVT01", "SVT03"];
    await db().deleteFrom("settings").where("key", "=", "cwc.senate-active-offices").execute();
  });

  it("the form refuses a title the Senate does not take and a phone that is not 10 digits", async () => {
    for (const [field, value, message] of [
      ["prefix", "Rev.", /Mr\., Mrs\., Miss, Ms\. or Dr\./],
      ["phone", "555-0100", /10-digit/],
      ["zip4", "12", /4 digits/],
    ] as const) {
      const result = (await callRouteRaw(
        letterRoute.action as never,
        post(
          "/campaigns/dpaa-director/letter",
          form({ zip: "05401", seat: "VT-0", [field]: value, intent: "send" }),
        ),
        { slug: "dpaa-director" },
      )) as { data: { fields: Record<string, string> }; init: { status: number } };
      expect(result.init.status).toBe(400);
      expect(result.data.fields[field]).toMatch(message);
    }
  });

  it("messages are paced at the configured rate", async () => {
    const { deliveries: a } = await writeLetters();
    const { deliveries: b } = await writeLetters();
    const house = [...a, ...b].filter((d) => d.office.startsWith("S"));
    const started = Date.now();
    for (const d of house) await deliverCwc(d.id, 1, 10);
    const times = fake.received
      .filter((m) => house.some((d) => d.deliveryId === m.deliveryId))
      .map((m) => m.at);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(180);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
  });
});

describe("delivery statuses and the XML download", () => {
  it("the writer sees each office's status; organizers per office with reasons; the public per office", async () => {
    const { submission, deliveries } = await writeLetters();
    fake.faults.push(400);
    await deliverCwc(deliveries[0].id, 1, 10); // HVT00 refused
    await deliverCwc(deliveries[1].id, 1, 10); // SVT01 accepted
    const page = await getDelivery(submission.token);
    const byOffice = Object.fromEntries(page!.letters.map((l) => [l.cwc?.office, l.cwc]));
    expect(byOffice.HVT00).toMatchObject({
      status: "refused",
      label: "refused",
      reason: expect.stringMatching(/^400/),
    });
    expect(byOffice.SVT01).toMatchObject({ status: "accepted", label: "accepted" });
    expect(byOffice.SVT03).toMatchObject({ status: "queued", label: "queued" });

    const report = await campaignDeliveryReport(Number(submission.campaignId));
    const svt01 = report!.offices.find((o) => o.office === "SVT01")!;
    expect(svt01.counts.accepted).toBeGreaterThanOrEqual(1);
    expect(report!.refusals.some((r) => r.office === "HVT00" && /^400/.test(r.reason ?? ""))).toBe(true);

    const figures = await publicDeliveryFigures();
    expect(figures.configured).toEqual({ house: true, senate: true });
    const pub = figures.offices.find((o) => o.office === "SVT01")!;
    expect(pub).toMatchObject({ method: "CWC", chamber: "senate" });
    expect(pub.accepted).toBe(svt01.counts.accepted);
    expect(JSON.stringify(figures)).not.toMatch(/example\.org|Writer/);
  });

  it("downloads the CWC XML of a campaign's letters per office and day; every message is valid", async () => {
    const { submission, deliveries } = await writeLetters();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
    const res = cwcExportResponse(
      Number(submission.campaignId),
      new URLSearchParams({ office: "SVT03", day: today }),
    );
    expect(res.headers.get("content-type")).toMatch(/application\/xml/);
    const text = await res.text();
    const messages = text.match(/<CWC>[\s\S]*?<\/CWC>/g) ?? [];
    expect(messages.length).toBeGreaterThanOrEqual(1);
    for (const m of messages) {
      expect(m).toContain("<MemberOffice>SVT03</MemberOffice>");
      expect((await validateCwcXml(m)).valid).toBe(true);
    }
    // the DeliveryId of the download is the one the adapter uses
    const d = deliveries.find((x) => x.office === "SVT03")!;
    expect(text).toContain(`<DeliveryId>${d.deliveryId}</DeliveryId>`);
    const none = await cwcExportResponse(
      Number(submission.campaignId),
      new URLSearchParams({ day: "2001-01-01" }),
    ).text();
    expect(none).not.toContain("<CWC>");
    expect(cwcExportResponse(1, new URLSearchParams({ office: "HAS00x" })).status).toBe(400);
    expect(cwcExportResponse(1, new URLSearchParams({ day: "yesterday" })).status).toBe(400);
  });
});

describe("a CWC topic per campaign", () => {
  const topicOf = (xml: string) => /<LibraryOfCongressTopic>([^<]*)</.exec(xml)?.[1];

  async function saveTopic(cookie: string, campaignId: number, cwcTopic: string) {
    const c = (await getCampaignForEdit(campaignId))!;
    return callRouteRaw(
      campaignRoute.action as never,
      post(
        `/admin/campaigns/${campaignId}`,
        form({
          intent: "save",
          slug: c.slug,
          title: c.title,
          summary: c.summary,
          bodyMd: c.bodyMd,
          targetSummary: c.targetSummary,
          chambers: c.targets.filter((t) => t.kind !== "official").map((t) => t.kind),
          officials: c.targets.filter((t) => t.key).map((t) => t.key as string),
          cwcTopic,
        }),
        { Cookie: cookie },
      ),
      { id: String(campaignId) },
    );
  }

  it("the organizer chooses the topic in the campaign editor (validated); the XML carries it, else the setting's", async () => {
    const editor = await sessionCookieFor((await makeOrganizer("editor")).id);
    const first = await writeLetters();
    const campaignId = Number(first.submission.campaignId);
    // the default comes from CWC_DEFAULT_TOPIC
    overrideEnv({ CWC_DEFAULT_TOPIC: "Congress" });
    const byDefault = first.deliveries.find((d) => d.office === "SVT01")!;
    await deliverCwc(byDefault.id, 1, 10);
    const sentByDefault = fake.deliveredTo("SVT01").find((m) => m.deliveryId === byDefault.deliveryId)!;
    expect(topicOf(sentByDefault.xml)).toBe("Congress");
    expect(sentByDefault.valid).toBe(true);
    overrideEnv({ CWC_DEFAULT_TOPIC: "Armed Forces and National Security" });

    // a topic outside the 32 is refused with a readable message, and nothing is saved
    const refused = await saveTopic(editor, campaignId, "POW/MIA accounting");
    const bad = refused as { init: { status: number }; data: { fields: Record<string, string> } };
    expect(bad.init.status).toBe(400);
    expect(bad.data.fields.cwcTopic).toBe("Choose one of the Library of Congress policy areas in the list.");
    expect((await getCampaignForEdit(campaignId))?.cwcTopic).toBeNull();

    const saved = await saveTopic(editor, campaignId, "International Affairs");
    expect((saved as Response).status).toBe(302);
    expect((await getCampaignForEdit(campaignId))?.cwcTopic).toBe("International Affairs");
    const second = await writeLetters();
    for (const d of second.deliveries) await deliverCwc(d.id, 1, 10);
    for (const d of second.deliveries) {
      const sent = fake.deliveredTo(d.office).find((m) => m.deliveryId === d.deliveryId)!;
      expect(topicOf(sent.xml)).toBe("International Affairs");
      expect(sent.valid).toBe(true);
    }
    // and the XML download too
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
    const text = await cwcExportResponse(
      campaignId,
      new URLSearchParams({ office: "HVT00", day: today }),
    ).text();
    expect(text).toContain("<LibraryOfCongressTopic>International Affairs</LibraryOfCongressTopic>");

    // back to the default: the empty choice stores nothing
    expect(((await saveTopic(editor, campaignId, "")) as Response).status).toBe(302);
    expect((await getCampaignForEdit(campaignId))?.cwcTopic).toBeNull();
  });
});
