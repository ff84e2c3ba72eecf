import { db } from "~db/index.server";
import { issueCallerValue } from "~/modules/calls/call-token.server";
import { clearDistrictCache } from "~/modules/legislators/district-lookup.server";
import { importCongressData } from "~/modules/legislators/import.server";
import { insertCampaignRule } from "~/modules/legislators/targets.queries.server";
import { clearTargetRoster } from "~/modules/legislators/targets.server";
import { signPetition } from "~/modules/petitions/petitions.server";
import { sendMeLink } from "~/modules/supporters/me-links.server";
import { action as supporterAction, loader as supporterLoader } from "~/routes/admin.supporters.$id";
import { action as callAction, loader as callLoader } from "~/routes/campaigns.$slug.call";
import { loader as deliveryLoader } from "~/routes/letters.$token";
import { loader as downloadLoader } from "~/routes/me.$token_.download";
import { makeOrganizer } from "../factories";
import { CONGRESS_SNAPSHOT } from "../support/congress-snapshot";
import { makePetition } from "../support/petitions";
import { callRoute, callRouteRaw, form, post } from "../support/remix";
import { sendLatest, tokenFrom } from "../support/sent-mail";
import { sessionCookieFor, unwrap } from "../support/route-result";

/*
 * Issue 14: a supporter who signed, wrote, called and gave is one person in admin. The call tool
 * opened from the writer's delivery page carries a signed, expiring caller value; their reports
 * are theirs. A forged or expired value, or none, stores the call anonymously as before.
 */

beforeAll(async () => {
  await importCongressData(db(), { folder: CONGRESS_SNAPSHOT });
  clearDistrictCache();
  clearTargetRoster();
});

let k = 0;
/** A supporter in Burlington, VT who signed, wrote (a letter set with its delivery page) and gave. */
async function writer() {
  k++;
  const tag = `${Date.now().toString(36)}${k}`;
  const p = await makePetition({ requiresConfirmation: false });
  await insertCampaignRule(db(), {
    campaignId: p.campaignId,
    kind: "seat",
    office: "SVT01",
    state: null,
    committeeId: null,
    role: "all",
  });
  clearTargetRoster();
  const email = `caller-${tag}@example.org`;
  await signPetition(
    p.slug,
    {
      firstName: `Cal${tag}`,
      lastName: "Ler",
      email,
      country: "US",
      zip: "05401",
      showName: false,
      optIn: false,
    } as never,
    { ip: "198.51.100.40", userAgent: null },
  );
  const { id } = await db()
    .selectFrom("supporters")
    .select("id")
    .where("emailCanonical", "=", email)
    .executeTakeFirstOrThrow();
  const token = `deliverytoken${tag}`.padEnd(24, "x");
  await db()
    .insertInto("letterSubmissions")
    .values({
      token,
      idempotencyKey: `i-${tag}`,
      campaignId: p.campaignId,
      supporterId: id,
      firstName: `Cal${tag}`,
      lastName: "Ler",
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
      supporterId: id,
      frequency: "one_time",
      amountCents: 2500,
      name: `Cal${tag} Ler`,
      email,
      status: "succeeded",
    })
    .execute();
  return { id, email, slug: p.slug, campaignId: p.campaignId, token };
}

/** Opens the call tool at `query` and reports "left a voicemail" to Senator Sanders' seat. */
async function callFrom(slug: string, query: string) {
  const page = await unwrap(
    await callRouteRaw(callLoader as never, new Request(`http://localhost/campaigns/${slug}/call?${query}`), {
      slug,
    }),
  );
  expect(page.status).toBe(200);
  const entry = page.data.list.entries.find((e: { key: string }) => e.key === "SVT01");
  expect(entry).toBeTruthy();
  const reported = await unwrap(
    await callRouteRaw(
      callAction as never,
      post(
        `/campaigns/${slug}/call`,
        form({ token: page.data.list.token, target: "SVT01", outcome: "left_voicemail", zip: "05401" }),
      ),
      { slug },
    ),
  );
  expect(reported.data).toMatchObject({ ok: true });
  return page.data as { caller: string | null; list: { token: string } };
}

const callsOf = (campaignId: number) =>
  db().selectFrom("calls").select(["supporterId", "outcome"]).where("campaignId", "=", campaignId).execute();

async function ownerHeaders() {
  const o = await makeOrganizer("owner");
  return { Cookie: await sessionCookieFor(o.id) };
}

describe("calls that belong to the caller", () => {
  it("a writer calls from their delivery page: the organizer sees one person with signature, letter, gift and call", async () => {
    const who = await writer();
    const delivery = await unwrap(
      await callRouteRaw(deliveryLoader as never, new Request(`http://localhost/letters/${who.token}`), {
        token: who.token,
      }),
    );
    const caller: string = delivery.data.submission.caller;
    expect(caller).toMatch(/^\d+\.\d+\.[A-Za-z0-9_-]{43}$/);
    // The letter token, the private link's secret, is never in the caller value.
    expect(caller).not.toContain(who.token);
    const opened = await callFrom(who.slug, `zip=${delivery.data.callZip || "05401"}&caller=${caller}`);
    // The ZIP form keeps the caller for another lookup.
    expect(opened.caller).toBe(caller);
    expect(await callsOf(who.campaignId)).toEqual([{ supporterId: who.id, outcome: "left_voicemail" }]);

    const page = await unwrap(
      await callRouteRaw(
        supporterLoader as never,
        new Request(`http://localhost/admin/supporters/${who.id}`, { headers: await ownerHeaders() }),
        { id: String(who.id) },
      ),
    );
    expect(page.data.signatures).toHaveLength(1);
    expect(page.data.letters).toHaveLength(1);
    expect(page.data.donations).toHaveLength(1);
    expect(page.data.calls).toHaveLength(1);
    expect(page.data.calls[0]).toMatchObject({ officeCode: "SVT01", outcome: "left_voicemail" });
    expect(page.data.calls[0].title).toMatch(/Petition campaign/);
    expect(page.data.calls[0].official).toContain("Sanders");
  });

  it("a forged, expired or missing caller value stores an anonymous call, never a 500", async () => {
    const who = await writer();
    const good = issueCallerValue(who.id);
    const forged = `${who.id + 1}${good.slice(String(who.id).length)}`;
    const expired = issueCallerValue(who.id, Date.now() - 25 * 3600 * 1000);
    for (const query of [`caller=${forged}`, `caller=${expired}`, "caller=nonsense%00", ""]) {
      const opened = await callFrom(who.slug, `zip=05401&${query}`);
      expect(opened.caller).toBeNull();
    }
    const calls = await callsOf(who.campaignId);
    expect(calls).toHaveLength(4);
    expect(calls.every((c) => c.supporterId === null)).toBe(true);
  });

  it("the supporter's download lists the call; erasure unlinks it and keeps the count", async () => {
    const who = await writer();
    await callFrom(who.slug, `zip=05401&caller=${issueCallerValue(who.id)}`);
    expect(await sendMeLink(who.email)).toBe("sent");
    const mail = await sendLatest("supporter-link", who.email);
    const download = await callRoute(downloadLoader as never, new Request("http://localhost/"), {
      token: tokenFrom(mail.sent.text, "/me"),
    });
    const json = (await download.json()) as { calls: Array<{ officeCode: string; outcome: string }> };
    expect(json.calls).toEqual([expect.objectContaining({ officeCode: "SVT01", outcome: "left_voicemail" })]);
    const erased = await unwrap(
      await callRouteRaw(
        supporterAction as never,
        post(`/admin/supporters/${who.id}`, form({ intent: "erase", confirm: "yes" }), await ownerHeaders()),
        { id: String(who.id) },
      ),
    );
    expect(erased.location).toBe("/admin/supporters?erased=1");
    expect(await callsOf(who.campaignId)).toEqual([{ supporterId: null, outcome: "left_voicemail" }]);
    const row = await db()
      .selectFrom("calls")
      .select("ipHash")
      .where("campaignId", "=", who.campaignId)
      .executeTakeFirstOrThrow();
    expect(row.ipHash).toBeNull();
  });
});
