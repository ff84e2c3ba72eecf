import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { createMailing, runMailing, scheduleMailing } from "~/modules/mail/mailings.server";
import { suppressAddress } from "~/modules/mail/suppressions.server";
import { action as searchAction, loader as searchLoader } from "~/routes/admin.supporters._index";
import { loader as newUpdateLoader } from "~/routes/admin.updates.new";
import { makeCampaign, makeOrganizer } from "../factories";
import { makeSubscribers } from "../factories/mail";
import { FakeResend } from "../support/fake-resend";
import { callRouteRaw, form, post } from "../support/remix";
import { sessionCookieFor, unwrap } from "../support/route-result";

const fake = new FakeResend();
let organizer: { id: number; headers: Record<string, string> };

beforeAll(async () => {
  const url = await fake.start();
  overrideEnv({
    RESEND_API_KEY: "re_test_key",
    RESEND_BASE_URL: url,
    APP_URL: "https://campaign.example.org",
  });
  const o = await makeOrganizer("editor");
  organizer = { id: o.id, headers: { Cookie: await sessionCookieFor(o.id) } };
});
afterAll(() => fake.stop());

async function tagAll(ids: number[], tag: string) {
  await db()
    .insertInto("supporterTags")
    .values(ids.map((supporterId) => ({ supporterId, tag })))
    .execute();
}

async function saveSegment(values: Record<string, string>) {
  return unwrap(
    await callRouteRaw(
      searchAction as never,
      post("/admin/supporters?index", form(values), organizer.headers),
    ),
  );
}

describe("saved segments", () => {
  it("saves a search under a name, refuses a nameless or filterless one, and lists it on the search page", async () => {
    const t = `seg${Date.now().toString(36)}`;
    expect((await saveSegment({ segmentName: "", tag: "x" })).status).toBe(400);
    const empty = await saveSegment({ segmentName: `${t} everyone` });
    expect(empty.status).toBe(400);
    expect(empty.data.message).toMatch(/Search for someone first/);
    const saved = await saveSegment({ segmentName: `${t} Vermont`, state: "vt", zip: "054" });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/admin/supporters?saved=1");
    expect((await saveSegment({ segmentName: `${t} VERMONT`, state: "VT" })).data.message).toMatch(/already/);
    const page = await unwrap(
      await callRouteRaw(searchLoader as never, new Request("http://localhost/admin/supporters", organizer)),
    );
    expect(page.data.segments).toContainEqual({
      id: expect.any(Number),
      name: `${t} Vermont`,
      query: "zip=054&state=VT",
    });
  });

  it("an update to a segment reaches exactly its consenting, unsuppressed members as they are when it is sent", async () => {
    const t = `seg${Date.now().toString(36)}`;
    const tag = `family ${t}`.slice(0, 40);
    const campaign = await makeCampaign();
    const members = await makeSubscribers(db(), 3, { prefix: `${t}-in-` });
    const campaignOnly = await makeSubscribers(db(), 1, { prefix: `${t}-camp-`, campaignId: campaign.id });
    const unconfirmed = await makeSubscribers(db(), 1, { prefix: `${t}-unconf-`, confirmed: false });
    const suppressed = await makeSubscribers(db(), 1, { prefix: `${t}-supp-` });
    await makeSubscribers(db(), 2, { prefix: `${t}-out-` }); // consenting, not in the segment
    await tagAll([...members, ...campaignOnly, ...unconfirmed, ...suppressed], tag);
    await suppressAddress(db(), `${t}-supp-1@example.org`, "manual");
    const saved = await saveSegment({ segmentName: `${t} families`, tag });
    expect(saved.status).toBe(302);
    const compose = await unwrap(
      await callRouteRaw(
        newUpdateLoader as never,
        new Request("http://localhost/admin/updates/new", organizer),
      ),
    );
    const option = compose.data.audiences.find(
      (a: { label: string }) => a.label === `Segment: ${t} families`,
    );
    expect(option).toMatchObject({ key: expect.stringMatching(/^segment:\d+$/), needsCampaign: false });

    const created = await createMailing(organizer.id, {
      subject: "News for the families",
      bodyMd: "The hearing is on Tuesday.",
      audience: option.key,
      campaignId: null,
    });
    if (!created.ok) throw new Error(JSON.stringify(created.fields));
    // Tagged after the update was saved: the segment is resolved when it is sent.
    const late = await makeSubscribers(db(), 1, { prefix: `${t}-late-` });
    await tagAll(late, tag);
    await scheduleMailing(organizer.id, created.id, new Date());
    fake.reset();
    expect(await runMailing(created.id, { requestsPerSecond: 0 })).toMatchObject({ outcome: "sent" });
    expect(fake.acceptedRecipients().sort()).toEqual(
      [1, 2, 3]
        .map((n) => `${t}-in-${n}@example.org`)
        .concat(`${t}-late-1@example.org`)
        .sort(),
    );

    // With the campaign named, its subscribers in the segment are reached too (their consent covers it).
    const withCampaign = await createMailing(organizer.id, {
      subject: "Campaign news for the families",
      bodyMd: "More news.",
      audience: option.key,
      campaignId: campaign.id,
    });
    if (!withCampaign.ok) throw new Error("not created");
    await scheduleMailing(organizer.id, withCampaign.id, new Date());
    fake.reset();
    await runMailing(withCampaign.id, { requestsPerSecond: 0 });
    expect(fake.acceptedRecipients()).toContain(`${t}-camp-1@example.org`);
    expect(fake.acceptedRecipients()).toHaveLength(5);
  });

  it("refuses an audience that names no segment", async () => {
    const created = await createMailing(organizer.id, {
      subject: "Nowhere",
      bodyMd: "Nobody.",
      audience: "segment:999999999",
      campaignId: null,
    });
    expect(created).toEqual({ ok: false, fields: { audience: "Choose who receives it." } });
  });
});
