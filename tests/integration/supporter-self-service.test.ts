import { sql } from "kysely";
import { db } from "~db/index.server";
import { env, overrideEnv } from "~/env.server";
import { isSuppressed } from "~/modules/mail/suppressions.server";
import { getPetitionJson, signPetition } from "~/modules/petitions/petitions.server";
import { rollUpSignatures } from "~/modules/petitions/rollup.server";
import { ERASURE_STEPS } from "~/modules/supporters/erasure.server";
import { sendMeLink } from "~/modules/supporters/me-links.server";
import { action as requestAction } from "~/routes/me._index";
import { action as meAction, loader as meLoader } from "~/routes/me.$token/route";
import { loader as confirmEmailLoader } from "~/routes/me.confirm-email.$token";
import { loader as downloadLoader } from "~/routes/me.$token_.download";
import { FakeResend } from "../support/fake-resend";
import { startFakeStripe } from "../support/fake-stripe";
import { makePetition, zipDistricts } from "../support/petitions";
import { callRoute, callRouteRaw, form, post } from "../support/remix";
import { sendLatest, tokenFrom } from "../support/sent-mail";

beforeAll(() => zipDistricts([{ zip: "05401", state: "VT", district: 0 }]));

let k = 0;
/** A person with names and an address nobody else in the database has. */
function person() {
  k++;
  const tag = `${Date.now().toString(36)}${k}`;
  return {
    email: `Zeb.${tag}@Example.org`,
    firstName: `Zebulon${tag}`,
    lastName: `Quartermain${tag}`,
    street: `${k} Xylophone${tag} Lane`,
    phone: `+1 802 555 ${tag}`,
    comment: `Bring them home, says Zebulon${tag}`,
    note: `Personal note from Quartermain${tag}`,
    customer: `cus_${tag}`,
  };
}

async function sign(slug: string, p: ReturnType<typeof person>) {
  const result = await signPetition(
    slug,
    {
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      country: "US",
      zip: "05401",
      comment: p.comment,
      showName: true,
      optIn: true,
    } as never,
    { ip: "198.51.100.20", userAgent: "Mozilla/5.0" },
  );
  const row = await db()
    .selectFrom("signatures")
    .select(["id", "supporterId"])
    .where("emailCanonical", "=", p.email.toLowerCase())
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  return { result, ...row };
}

/** The /me link as the supporter receives it (the job's work, then the email as sent). */
async function meToken(email: string) {
  expect(await sendMeLink(email)).toBe("sent");
  const supporter = await db()
    .selectFrom("supporters")
    .select("email")
    .where("emailCanonical", "=", email.toLowerCase())
    .executeTakeFirstOrThrow();
  const mail = await sendLatest("supporter-link", supporter.email);
  expect(mail.stored.text).not.toMatch(/\/me\/[A-Za-z0-9_-]{43}/);
  return tokenFrom(mail.sent.text, "/me");
}

const meForm = (token: string, values: Record<string, string>) =>
  callRouteRaw(meAction as never, post(`/me/${token}`, form(values)), { token });

describe("asking for a link at /me", () => {
  it("answers the same whether or not the address is known, and stores only the link's hash", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const who = person();
    await sign(p.slug, who);
    const known = await callRoute(requestAction as never, post("/me", form({ email: who.email })));
    const unknown = await callRoute(
      requestAction as never,
      post("/me", form({ email: "nobody-k@example.org" })),
    );
    expect(known.status).toBe(200);
    expect(await known.text()).toBe(await unknown.text());
    expect(await sendMeLink("nobody-k@example.org")).toBe("unknown");

    const token = await meToken(who.email);
    const links = await db().selectFrom("supporterLinks").select("tokenHash").execute();
    expect(links.some((l) => l.tokenHash === token)).toBe(false);
    const page = (await callRouteRaw(meLoader as never, new Request(`http://localhost/me/${token}`), {
      token,
    })) as { record: { supporter: { firstName: string } } };
    expect(page.record.supporter.firstName).toBe(who.firstName);
    const wrong = (await callRouteRaw(meLoader as never, new Request("http://localhost/me/x"), {
      token: "A".repeat(43),
    })) as Response;
    expect(wrong.status).toBe(404);
  });

  it("limits links per supporter and requests per visitor", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const who = person();
    await sign(p.slug, who);
    for (let i = 0; i < 3; i++) expect(await sendMeLink(who.email)).toBe("sent");
    expect(await sendMeLink(who.email)).toBe("throttled");
    let last: Response | undefined;
    for (let i = 0; i < 11; i++)
      last = await callRoute(
        requestAction as never,
        post("/me", form({ email: who.email })),
        {},
        {
          clientIp: "192.0.2.77",
        },
      );
    expect(last?.status).toBe(429);
    expect(last?.headers.get("Retry-After")).toMatch(/^\d+$/);
  });
});

describe("the supporter's page", () => {
  it("withdraws a signature as a fact: the count and the district tally drop by one, and the petition says so", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const who = person();
    const other = person();
    const signed = await sign(p.slug, who);
    await sign(p.slug, other);
    await rollUpSignatures();
    expect(await getPetitionJson(p.slug)).toMatchObject({ signatureCount: 2, byDistrict: { "VT-AL": 2 } });

    const token = await meToken(who.email);
    const done = (await meForm(token, { intent: "withdraw", signatureId: String(signed.id) })) as {
      done: string;
    };
    expect(done.done).toMatch(/withdrawn/);
    await rollUpSignatures();
    expect(await getPetitionJson(p.slug)).toMatchObject({
      signatureCount: 1,
      withdrawnCount: 1,
      byDistrict: { "VT-AL": 1 },
    });
    const row = await db()
      .selectFrom("signatures")
      .select(["state", "withdrawnAt", "firstName"])
      .where("id", "=", signed.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "withdrawn", firstName: who.firstName });
    expect(row.withdrawnAt).toBeInstanceOf(Date);

    // Not twice, and never someone else's signature.
    const again = (await meForm(token, { intent: "withdraw", signatureId: String(signed.id) })) as {
      init: { status: number };
    };
    expect(again.init.status).toBe(400);
    const otherSig = await sign(p.slug, other);
    const foreign = (await meForm(token, { intent: "withdraw", signatureId: String(otherSig.id) })) as {
      init: { status: number };
    };
    expect(foreign.init.status).toBe(400);
  });

  it("changes name and ZIP, changes the address only from the new inbox, manages subscriptions, and downloads JSON", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const who = person();
    const { supporterId } = await sign(p.slug, who);
    const token = await meToken(who.email);

    const bad = (await meForm(token, { intent: "profile", firstName: "", lastName: "X", zip: "ABC" })) as {
      data: { fields: Record<string, string> };
      init: { status: number };
    };
    expect(bad.init.status).toBe(400);
    expect(Object.keys(bad.data.fields).sort()).toEqual(["firstName", "zip"]);
    await meForm(token, { intent: "profile", firstName: "Zed", lastName: who.lastName, zip: "05401" });
    expect(
      await db()
        .selectFrom("supporters")
        .select(["firstName", "zip", "state"])
        .where("id", "=", supporterId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ firstName: "Zed", zip: "05401", state: "VT" });

    const newAddress = `new-${who.email.toLowerCase()}`;
    await meForm(token, { intent: "email", email: newAddress });
    const unchanged = await db()
      .selectFrom("supporters")
      .select("email")
      .where("id", "=", supporterId)
      .executeTakeFirstOrThrow();
    expect(unchanged.email).toBe(who.email);
    const change = await sendLatest("supporter-email-change", newAddress);
    const changeToken = tokenFrom(change.sent.text, "/me/confirm-email");
    const confirmed = (await callRouteRaw(confirmEmailLoader as never, new Request("http://localhost/"), {
      token: changeToken,
    })) as { outcome: string };
    expect(confirmed.outcome).toBe("changed");
    const again = (await callRouteRaw(confirmEmailLoader as never, new Request("http://localhost/"), {
      token: changeToken,
    })) as { outcome: string };
    expect(again.outcome).toBe("invalid");
    const changed = await db()
      .selectFrom("supporters")
      .select("email")
      .where("id", "=", supporterId)
      .executeTakeFirstOrThrow();
    expect(changed.email).toBe(newAddress);
    // Every older link ends with the change.
    const old = (await callRouteRaw(meLoader as never, new Request("http://localhost/"), {
      token,
    })) as Response;
    expect(old.status).toBe(404);

    const token2 = await meToken(newAddress);
    const page = async () =>
      (
        (await callRouteRaw(meLoader as never, new Request("http://localhost/"), { token: token2 })) as {
          subscriptions: { everything: boolean; campaigns: Array<{ campaignId: number }> };
        }
      ).subscriptions;
    // The petition's consent waits for the address to be proven (a public form proves nothing); the page can subscribe.
    expect(await page()).toEqual({ everything: false, campaigns: [] });
    await meForm(token2, { intent: "subscribe-all" });
    expect((await page()).everything).toBe(true);
    await meForm(token2, { intent: "stop" });
    expect(await page()).toEqual({ everything: false, campaigns: [] });

    const download = await callRoute(downloadLoader as never, new Request("http://localhost/"), {
      token: token2,
    });
    expect(download.headers.get("Content-Disposition")).toMatch(/attachment/);
    const json = (await download.json()) as {
      supporter: { email: string };
      signatures: unknown[];
      consents: unknown[];
    };
    expect(json.supporter.email).toBe(newAddress);
    expect(json.signatures).toHaveLength(1);
    expect(json.consents.length).toBeGreaterThan(0);
  });
});

/** Every text-like column of every table in the schema, for a search of leftover personal data. */
async function columnsToSearch() {
  const r = await sql<{ tableName: string; columnName: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'citext')
      and c.table_name <> 'kysely_migration'`.execute(db());
  return r.rows;
}

async function leftovers(needles: string[]) {
  const found: string[] = [];
  for (const { tableName, columnName } of await columnsToSearch()) {
    for (const needle of needles) {
      const r = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(tableName)}
        where strpos(lower(${sql.ref(columnName)}::text), ${needle.toLowerCase()}) > 0`.execute(db());
      if (r.rows[0].n > 0) found.push(`${tableName}.${columnName} holds "${needle}"`);
    }
  }
  return found;
}

describe("erasure", () => {
  it("leaves no personal data in any table, keeps the counts, keeps a keyed hash on the suppression list and tells the providers", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    const who = person();
    const signed = await sign(p.slug, who);
    const supporterId = signed.supporterId;
    // A letter set, a gift with a Stripe customer, a tip, an update delivered, an email event.
    const submission = await db()
      .insertInto("letterSubmissions")
      .values({
        token: `tok-${k}-${Date.now()}`,
        idempotencyKey: `key-${k}-${Date.now()}`,
        campaignId: p.campaignId,
        supporterId,
        firstName: who.firstName,
        lastName: who.lastName,
        street: who.street,
        city: "Burlington",
        state: "VT",
        zip: "05401",
        district: 0,
        personalNote: who.note,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("letters")
      .values({
        submissionId: submission.id,
        campaignId: p.campaignId,
        supporterId,
        position: 0,
        recipientKind: "official",
        officialId: null,
        recipientName: "Secretary of Defense",
        recipientTitle: "Secretary",
        recipientAddress: ["1000 Defense Pentagon"],
        subject: "Bring them home",
        body: `Dear Secretary, ... Sincerely, ${who.firstName} ${who.lastName}, ${who.street}`,
        method: "print",
      })
      .execute();
    await db()
      .insertInto("donations")
      .values({
        formKey: `form-${k}-${Date.now()}`,
        manageToken: `manage-${k}-${Date.now()}`,
        campaignId: p.campaignId,
        supporterId,
        frequency: "one_time",
        amountCents: 5000,
        name: `${who.firstName} ${who.lastName}`,
        email: who.email,
        status: "succeeded",
        customerId: who.customer,
      })
      .execute();
    await db()
      .insertInto("tips")
      .values({
        reference: `T-${k}-${Date.now()}`,
        body: "I saw a man in a camp in 1954.",
        name: who.firstName,
        email: who.email,
        phone: who.phone,
      })
      .execute();
    const mailing = await db()
      .insertInto("mailings")
      .values({
        campaignId: p.campaignId,
        audience: "everyone",
        subject: "News",
        bodyMd: "News",
        status: "sent",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("deliveries")
      .values({ mailingId: mailing.id, supporterId, email: who.email, batchNo: 0, status: "sent" })
      .execute();
    await db()
      .insertInto("emailEvents")
      .values({
        svixId: `msg_${k}_${Date.now()}`,
        type: "email.delivered",
        payload: JSON.stringify({ data: { to: [who.email] } }),
      })
      .execute();
    await rollUpSignatures();
    const before = await getPetitionJson(p.slug);
    expect(before?.signatureCount).toBe(1);
    const logEntry = () =>
      db()
        .selectFrom("signatureLogEntries")
        .select(["nonce", "status"])
        .where("signatureId", "=", signed.id)
        .executeTakeFirstOrThrow();
    expect((await logEntry()).nonce).not.toBeNull(); // in the public log, with its commitment's bytes
    const token = await meToken(who.email);

    const resend = new FakeResend();
    const stripe = await startFakeStripe();
    const saved = {
      RESEND_API_KEY: env().RESEND_API_KEY,
      RESEND_BASE_URL: env().RESEND_BASE_URL,
      STRIPE_SECRET_KEY: env().STRIPE_SECRET_KEY,
      STRIPE_API_BASE: env().STRIPE_API_BASE,
    };
    try {
      overrideEnv({
        RESEND_API_KEY: "re_test_key",
        RESEND_BASE_URL: await resend.start(),
        STRIPE_SECRET_KEY: "sk_test_fake",
        STRIPE_API_BASE: stripe.url,
      });
      const refused = (await meForm(token, { intent: "erase" })) as { init: { status: number } };
      expect(refused.init.status).toBe(400);
      const erased = (await meForm(token, { intent: "erase", confirm: "yes" })) as Response;
      expect(erased.status).toBe(302);
      expect(erased.headers.get("Location")).toBe("/me/erased");
      expect(resend.deletedContacts).toEqual([who.email]);
      expect(stripe.deletedCustomers).toEqual([who.customer]);
    } finally {
      overrideEnv(saved);
      await resend.stop();
      await stripe.close();
    }

    expect(
      await leftovers([
        who.email,
        who.email.toLowerCase(),
        who.firstName,
        who.lastName,
        who.street,
        who.phone,
        who.note,
        who.customer,
      ]),
    ).toEqual([]);
    // Zip codes are everywhere (the district table); the person's own rows lose theirs.
    const sup = await db()
      .selectFrom("supporters")
      .selectAll()
      .where("id", "=", supporterId)
      .executeTakeFirstOrThrow();
    expect(sup).toMatchObject({ zip: null, city: null, firstName: "", lastName: "" });
    expect(sup.erasedAt).toBeInstanceOf(Date);
    // The public log keeps the line but not the random bytes: the commitment points to nobody.
    expect(await logEntry()).toEqual({ nonce: null, status: "erased" });

    await rollUpSignatures();
    expect({ ...(await getPetitionJson(p.slug)), updatedAt: null }).toEqual({ ...before, updatedAt: null });
    const gift = await db()
      .selectFrom("donations")
      .select(["amountCents", "status", "createdAt"])
      .where("supporterId", "=", supporterId)
      .executeTakeFirstOrThrow();
    expect(gift).toMatchObject({ amountCents: 5000, status: "succeeded" });
    expect(
      await db().selectFrom("letters").select("id").where("supporterId", "=", supporterId).execute(),
    ).toHaveLength(1);

    expect(await isSuppressed(who.email)).toBe(true);
    expect(await isSuppressed(`other-${who.email}`)).toBe(false);
    // As text: the query builder would camelCase the step names (JSON keys) otherwise.
    const [record] = (
      await sql<{ requestedBy: string; steps: string }>`
        select requested_by, steps::text as steps from erasures where supporter_id = ${supporterId}`.execute(
        db(),
      )
    ).rows.map((r) => ({ requestedBy: r.requestedBy, steps: JSON.parse(r.steps) as Record<string, number> }));
    expect(record.requestedBy).toBe("supporter");
    expect(Object.keys(record.steps).sort()).toEqual(ERASURE_STEPS.map((s) => s.name).sort());
    expect(record.steps).toMatchObject({ signatures: 1, letters: 1, donations: 1, tips: 1, supporters: 1 });
    // The link died with the record.
    const gone = (await callRouteRaw(meLoader as never, new Request("http://localhost/"), {
      token,
    })) as Response;
    expect(gone.status).toBe(404);
  });
});
