import { db } from "~db/index.server";
import { sendAlreadySignedBatch, sendConfirmationBatch } from "~/modules/petitions/confirmation.server";
import { makePetition } from "../support/petitions";
import { BASE, get, postJson, useOsdiKeys } from "../support/osdi";

/* The OSDI API's record_signature_helper, its privacy rules, and donations, campaigns and outreaches. */
useOsdiKeys();

describe("record_signature_helper", () => {
  it("creates one pending signature through the double opt-in, and a second POST creates nothing", async () => {
    const p = await makePetition();
    const email = `helper-${Date.now().toString(36)}@example.org`;
    const body = {
      comments: "For my grandfather.",
      person: {
        given_name: "Grace",
        family_name: "Hopper",
        email_addresses: [{ address: email, primary: true, status: "subscribed" }],
        postal_addresses: [{ postal_code: "05401", country: "US" }],
      },
    };
    const helper = `${BASE}/petitions/${p.petitionId}/signatures/record_signature_helper`;
    const first = await postJson(helper, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ "bringthemhome:status": "pending", comments: "For my grandfather." });
    expect(first.body._links["osdi:petition"].href).toMatch(new RegExp(`/petitions/${p.petitionId}$`));
    await sendConfirmationBatch();
    const mails = await db().selectFrom("emails").select("kind").where("toAddress", "=", email).execute();
    expect(mails).toEqual([{ kind: "signature-confirmation" }]);

    const second = await postJson(helper, { ...body, comments: "again" });
    expect(second.status).toBe(200);
    expect(second.body.identifiers).toEqual(first.body.identifiers);
    const rows = await db()
      .selectFrom("signatures")
      .selectAll()
      .where("petitionId", "=", p.petitionId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "pending", comment: "For my grandfather.", source: "osdi" });
    await sendConfirmationBatch();
    await sendAlreadySignedBatch();
    expect(
      await db().selectFrom("emails").select("kind").where("toAddress", "=", email).execute(),
    ).toHaveLength(1);

    const nested = await get(`${BASE}/petitions/${p.petitionId}/signatures`);
    expect(nested.body.total_records).toBe(1);
    const person = await get(first.body._links["osdi:person"].href);
    expect(person.body.email_addresses[0]).toMatchObject({ address: email, status: "unsubscribed" });
  });

  it("refuses a bad person with 400 and OSDI field names, writing nothing", async () => {
    const p = await makePetition();
    const helper = `${BASE}/petitions/${p.petitionId}/signatures/record_signature_helper`;
    const res = await postJson(helper, {
      person: {
        given_name: "",
        family_name: "X",
        email_addresses: [{ address: "not-an-email" }],
        postal_addresses: [{ postal_code: "ABCDE" }],
      },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      "person.email_addresses.0.address",
      "person.given_name",
      "person.postal_addresses.0.postal_code",
    ]);
    expect((await postJson(helper, { signer: "me" })).status).toBe(400);
    expect((await postJson(helper, "{not json")).status).toBe(400);
    expect(
      (
        await postJson(`${BASE}/petitions/999999999/signatures/record_signature_helper`, {
          person: {
            given_name: "A",
            family_name: "B",
            email_addresses: [{ address: "a@example.org" }],
            postal_addresses: [{ postal_code: "05401" }],
          },
        })
      ).status,
    ).toBe(404);
    expect(
      await db().selectFrom("signatures").selectAll().where("petitionId", "=", p.petitionId).execute(),
    ).toEqual([]);
  });
});

describe("privacy", () => {
  it("leaves erased supporters out of people and signatures", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const email = `erased-${Date.now().toString(36)}@example.org`;
    const signed = await postJson(`${BASE}/petitions/${p.petitionId}/signatures/record_signature_helper`, {
      person: {
        given_name: "Gone",
        family_name: "Away",
        email_addresses: [{ address: email }],
        postal_addresses: [{ postal_code: "05401" }],
      },
    });
    const personLink = signed.body._links["osdi:person"].href;
    expect((await get(personLink)).status).toBe(200);
    const id = Number(personLink.split("/").pop());
    await db().updateTable("supporters").set({ erasedAt: new Date() }).where("id", "=", id).execute();
    expect((await get(personLink)).status).toBe(404);
    expect((await get(signed.body._links.self.href)).status).toBe(404);
    expect((await get(`${BASE}/petitions/${p.petitionId}/signatures`)).body.total_records).toBe(0);
  });
});

describe("donations, advocacy campaigns and outreaches", () => {
  it("shows a made gift, a letter and a call report, linked to their person and campaign", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const tag = Date.now().toString(36);
    const email = `actions-${tag}@example.org`;
    const signed = await postJson(`${BASE}/petitions/${p.petitionId}/signatures/record_signature_helper`, {
      person: {
        given_name: "Ida",
        family_name: "Wells",
        email_addresses: [{ address: email }],
        postal_addresses: [{ postal_code: "05401" }],
      },
    });
    const personLink = signed.body._links["osdi:person"].href as string;
    const supporterId = Number(personLink.split("/").pop());
    const submission = await db()
      .insertInto("letterSubmissions")
      .values({
        token: `t-${tag}`,
        idempotencyKey: `i-${tag}`,
        campaignId: p.campaignId,
        supporterId,
        firstName: "Ida",
        lastName: "Wells",
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
        campaignId: p.campaignId,
        supporterId,
        position: 0,
        recipientKind: "official",
        recipientName: "The Secretary",
        recipientTitle: "Secretary of State",
        recipientAddress: ["Washington"],
        subject: "Bring them home",
        body: "Dear Secretary",
        method: "print",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const call = await db()
      .insertInto("calls")
      .values({
        campaignId: p.campaignId,
        officeCode: "S000033",
        outcome: "left_voicemail",
        viewNonce: `v-${tag}`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const made = {
      formKey: `f-${tag}`,
      manageToken: `m-${tag}`,
      campaignId: p.campaignId,
      supporterId,
      frequency: "monthly" as const,
      amountCents: 2500,
      email,
      status: "active" as const,
    };
    const gift = await db()
      .insertInto("donations")
      .values({ ...made, completedAt: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("donations")
      .values({ ...made, formKey: `g-${tag}`, manageToken: `n-${tag}`, status: "pending" })
      .execute();

    const donations = await get(`${BASE}/donations?per_page=100`);
    const mine = donations.body._embedded["osdi:donations"].filter(
      (d: { _links: { "osdi:person"?: { href: string } } }) => d._links["osdi:person"]?.href === personLink,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      identifiers: [`bringthemhome:${gift.id}`],
      amount: "25.00",
      currency: "USD",
      recurrence: { recurring: true, period: "Monthly" },
    });

    const campaign = await get(`${BASE}/advocacy_campaigns/${p.campaignId}`);
    expect(campaign.body).toMatchObject({ total_outreaches: 2 });
    const outreaches = await get(campaign.body._links["osdi:outreaches"].href);
    expect(outreaches.body.total_records).toBe(2);
    const [first, second] = outreaches.body._embedded["osdi:outreaches"];
    expect(first).toMatchObject({
      identifiers: [`bringthemhome:letter-${letter.id}`],
      type: "letter",
      subject: "Bring them home",
      targets: [{ name: "The Secretary", title: "Secretary of State" }],
    });
    expect(first._links["osdi:person"].href).toBe(personLink);
    expect(second).toMatchObject({
      identifiers: [`bringthemhome:call-${call.id}`],
      type: "phone",
      "bringthemhome:detail": "left_voicemail",
    });
    expect(second._links["osdi:person"]).toBeUndefined();
    expect((await get(second._links.self.href)).body.identifiers).toEqual(second.identifiers);
    expect((await get(`${BASE}/outreaches/letter-x`)).status).toBe(404);
    expect((await get(`${BASE}/advocacy_campaigns/999999999/outreaches`)).status).toBe(404);
  });
});
