import { Writable } from "node:stream";
import { sql } from "kysely";
import { db } from "~db/index.server";
import { importCongressData } from "~/modules/legislators/import.server";
import { clearDistrictCache } from "~/modules/legislators/district-lookup.server";
import { deliveryPdf, getDelivery } from "~/modules/letters/delivery.server";
import { letterStats } from "~/modules/letters/letters-admin.server";
import { packetInfo, writePacketCsv, writePacketPdf } from "~/modules/letters/packet.server";
import { createSessionCookie } from "~/modules/organizers/session.server";
import * as letterRoute from "~/routes/campaigns.$slug.letter";
import * as templatesRoute from "~/routes/admin.letters.$campaignId.templates";
import { letterRateLimit } from "~/modules/letters/letters.server";
import { sendLetterCopy, viewLetterCopy } from "~/modules/letters/letter-copy.server";
import { audienceSize } from "~/modules/mail/mailings.server";
import { applyUnsubscribe, parseUnsubscribeToken, unsubscribeToken } from "~/modules/mail/unsubscribe.server";
import { recipientMailLimit } from "~/modules/security/recipient-limit.server";
import { makeSubscribers } from "../factories/mail";
import { setSetting } from "~/modules/settings/settings.server";
import { makeOrganizer, seedContent } from "../factories";
import { callRouteRaw as callRoute, form, post } from "../support/remix";
import { CONGRESS_SNAPSHOT } from "../support/congress-snapshot";

let campaignId = 0;
let cookie = "";

beforeAll(async () => {
  await seedContent();
  await importCongressData(db(), { folder: CONGRESS_SNAPSHOT });
  clearDistrictCache();
  campaignId = (
    await db()
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", "dpaa-director")
      .executeTakeFirstOrThrow()
  ).id;
  const editor = await makeOrganizer("editor");
  cookie = (await createSessionCookie(editor.id, null)).split(";")[0];
});

const key = () => `test-key-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const supporter = (over: Record<string, string> = {}) => ({
  zip: "05401",
  seat: "VT-0",
  firstName: "Jane",
  lastName: "Doe",
  street: "12 Main St",
  city: "Burlington",
  email: "jane@example.org",
  personalNote: "My uncle never came home.",
  idempotencyKey: key(),
  ...over,
});

async function submit(values: Record<string, string>, intent: "preview" | "send", clientIp = "203.0.113.9") {
  return callRoute(
    letterRoute.action as never,
    post("/campaigns/dpaa-director/letter", form({ ...values, intent })),
    { slug: "dpaa-director" },
    { clientIp },
  );
}
function payload(r: unknown): { status: number; body: any } {
  const d = r as { type?: string; data?: unknown; init?: { status?: number } };
  if (d && d.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, body: d.data };
  if (r instanceof Response) return { status: r.status, body: null };
  return { status: 200, body: r };
}

describe("letter templates", () => {
  it("seeds a template for every target of every seeded campaign", async () => {
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from campaign_targets t where not exists (select 1 from letter_templates l where l.campaign_id = t.campaign_id and l.target_kind = t.kind and coalesce(l.official_id, 0) = coalesce(t.official_id, 0))`.execute(
      db(),
    );
    expect(rows.rows[0].n).toBe(0);
    expect((await seedContent()).created).toBe(0);
  });

  it("refuses an unknown merge field on save, naming it, and saves a good one with an audit entry", async () => {
    const url = `/admin/letters/${campaignId}/templates`;
    const bad = payload(
      await callRoute(
        templatesRoute.action as never,
        post(
          url,
          form({
            target: "senate",
            subject: "Hi",
            bodyMd: "Dear {{recipient.nick}} {{supporter.first_name}}",
            intent: "save",
          }),
          { cookie },
        ),
        { campaignId: String(campaignId) },
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields.bodyMd).toContain("{{recipient.nick}}");
    const preview = payload(
      await callRoute(
        templatesRoute.action as never,
        post(
          url,
          form({
            target: "official:secretary-of-defense",
            subject: "Ask",
            bodyMd: "From {{supporter.city}}.",
            intent: "preview",
          }),
          { cookie },
        ),
        { campaignId: String(campaignId) },
      ),
    );
    expect(preview.body.preview.body).toMatch(/^Dear Secretary,\n\nFrom Burlington\./);
    const saved = await callRoute(
      templatesRoute.action as never,
      post(
        url,
        form({
          target: "house",
          subject: "Please act, {{recipient.title}} {{recipient.last_name}}",
          bodyMd: "I live in {{supporter.city}}.\n\nName a permanent director.",
          intent: "save",
        }),
        { cookie },
      ),
      { campaignId: String(campaignId) },
    );
    expect((saved as Response).status).toBe(302);
    const audit = await db()
      .selectFrom("auditLog")
      .select("action")
      .where("action", "=", "letter_template.save")
      .execute();
    expect(audit).toHaveLength(1);
    const notTarget = payload(
      await callRoute(
        templatesRoute.action as never,
        post(url, form({ target: "official:president", subject: "x", bodyMd: "y", intent: "save" }), {
          cookie,
        }),
        { campaignId: String(campaignId) },
      ),
    );
    expect(notTarget.status).toBe(400);
  });
});

describe("writing and sending", () => {
  it("previews each letter exactly as it will be sent, with the right salutations", async () => {
    const { body } = payload(await submit(supporter(), "preview"));
    expect(body.preview.map((l: { to: string }) => l.to)).toEqual([
      "Senator Bernard Sanders",
      "Senator Peter Welch",
      "Representative Becca Balint",
      "The Secretary of Defense",
    ]);
    expect(body.preview[2].body).toMatch(/^Dear Representative Balint,\n\nI live in Burlington\./);
    expect(body.preview[2].subject).toBe("Please act, Representative Balint");
    expect(body.preview[3].body).toMatch(/^Dear Secretary,/);
    expect(body.preview[0].body).toContain("My uncle never came home.");
  });

  it("stores each letter once even when the form is sent twice, with a pending consent and one email without the letters' text", async () => {
    const values = supporter({ optIn: "yes", email: "twice@example.org" });
    const first = (await submit(values, "send")) as Response;
    expect(first.status).toBe(302);
    const second = (await submit(values, "send")) as Response;
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    const letters = await db()
      .selectFrom("letters")
      .innerJoin("supporters", "supporters.id", "letters.supporterId")
      .select(["letters.body", "letters.method", "letters.recipientKind"])
      .where("supporters.email", "=", "twice@example.org")
      .execute();
    expect(letters).toHaveLength(4);
    expect(letters.filter((l) => l.recipientKind === "official").every((l) => l.method === "print")).toBe(
      true,
    );
    const consents = await db()
      .selectFrom("consents")
      .innerJoin("supporters", "supporters.id", "consents.supporterId")
      .select(["consents.wording", "consents.provenAt"])
      .where("supporters.email", "=", "twice@example.org")
      .execute();
    expect(consents).toHaveLength(1);
    expect(consents[0].provenAt).toBeNull();
    // The address is not proven: the email carries a link, and nothing the writer typed.
    const emails = await db()
      .selectFrom("emails")
      .select(["kind", "text", "html"])
      .where("toAddress", "=", "twice@example.org")
      .execute();
    expect(emails).toHaveLength(1);
    expect(emails[0].kind).toBe("letter-copy-request");
    expect(emails[0].text).not.toContain("Dear Senator Sanders");
    expect(emails[0].text + emails[0].html).not.toContain("My uncle never came home");
    expect(emails[0].text + emails[0].html).not.toContain("Jane");
    expect(emails[0].text).toContain("Senator Bernard Sanders");
    const copyLink = /\/letters\/copy\/([0-9]+\.[A-Za-z0-9_-]+)/.exec(emails[0].text)![1];
    // GET changes nothing; POST sends the copy once and proves the consent.
    expect(await viewLetterCopy(copyLink)).toMatchObject({ kind: "ready" });
    expect(
      await db().selectFrom("emails").select("id").where("toAddress", "=", "twice@example.org").execute(),
    ).toHaveLength(1);
    await sendLetterCopy(copyLink);
    await sendLetterCopy(copyLink);
    const after = await db()
      .selectFrom("emails")
      .select(["kind", "text"])
      .where("toAddress", "=", "twice@example.org")
      .orderBy("id")
      .execute();
    expect(after.map((e) => e.kind)).toEqual(["letter-copy-request", "letter-copy"]);
    expect(after[1].text).toContain("Dear Senator Sanders");
    const proven = await db()
      .selectFrom("consents")
      .innerJoin("supporters", "supporters.id", "consents.supporterId")
      .select(["consents.provenAt", "supporters.confirmedAt"])
      .where("supporters.email", "=", "twice@example.org")
      .execute();
    expect(proven[0].provenAt).not.toBeNull();
    expect(proven[0].confirmedAt).not.toBeNull();
    expect(await viewLetterCopy(copyLink.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).toEqual({
      kind: "unknown",
    });
    const token = first.headers.get("Location")!.split("/").pop()!;
    const delivery = await getDelivery(token);
    expect(delivery?.letters[0]).toMatchObject({ contactIsForm: true });
    expect(delivery?.letters[2].callScript).toContain("Jane Doe");
    expect(delivery?.letters[2].office?.city).toBeTruthy();
  });

  it("limits new letter sets per visitor (each emails a copy), but not a resubmitted form", async () => {
    await setSetting(letterRateLimit, { max: 2, windowSeconds: 3600 }, null);
    try {
      const first = supporter({ email: "limit-1@example.org" });
      expect(((await submit(first, "send", "198.51.100.42")) as Response).status).toBe(302);
      expect(
        ((await submit(supporter({ email: "limit-2@example.org" }), "send", "198.51.100.42")) as Response)
          .status,
      ).toBe(302);
      const third = payload(
        await submit(supporter({ email: "limit-3@example.org" }), "send", "198.51.100.42"),
      );
      expect(third.status).toBe(429);
      expect(third.body.message).toMatch(/Too many letters from your connection/);
      const refused = await db()
        .selectFrom("letterSubmissions")
        .innerJoin("supporters", "supporters.id", "letterSubmissions.supporterId")
        .select("letterSubmissions.id")
        .where("supporters.email", "=", "limit-3@example.org")
        .execute();
      expect(refused).toEqual([]);
      expect(
        await db().selectFrom("emails").select("id").where("toAddress", "=", "limit-3@example.org").execute(),
      ).toEqual([]);
      expect(((await submit(first, "send", "198.51.100.42")) as Response).status).toBe(302); // the same form again: not a new set
    } finally {
      await setSetting(letterRateLimit, { max: 20, windowSeconds: 3600 }, null);
    }
  });

  it("puts no address that unsubscribed back on the list until it asks for its copy, and mails one inbox at most the limit", async () => {
    await setSetting(recipientMailLimit, { max: 3, windowSeconds: 3600 }, null);
    try {
      const [id] = await makeSubscribers(db(), 1, {
        prefix: `letters-gone-${Date.now().toString(36)}-`,
        campaignId,
      });
      const victim = (
        await db().selectFrom("supporters").select("email").where("id", "=", id).executeTakeFirstOrThrow()
      ).email;
      await applyUnsubscribe(parseUnsubscribeToken(unsubscribeToken(id, campaignId))!, "all");
      const subscribed = () => audienceSize("campaign-subscribers", campaignId);
      const before = await subscribed();
      // Someone else writes with the victim's address and ticks the box; then with +tag variants of it.
      const emails = [victim, ...[1, 2, 3, 4].map((i) => victim.replace("@", `+${i}@`))];
      for (const [i, email] of emails.entries()) {
        const r = await submit(supporter({ optIn: "yes", email }), "send", `198.51.100.${120 + i}`);
        expect((r as Response).status).toBe(302);
      }
      expect(await subscribed()).toBe(before);
      const inbox = victim.split("@")[0];
      const requests = await db()
        .selectFrom("emails")
        .select(["toAddress", "text"])
        .where("kind", "=", "letter-copy-request")
        .where("toAddress", "ilike", `${inbox}%`)
        .orderBy("id")
        .execute();
      expect(requests.map((r) => r.toAddress)).toEqual(emails.slice(0, 3));
      // The owner follows the link sent to their own address: now, and only now, their consent counts.
      await sendLetterCopy(/\/letters\/copy\/([0-9]+\.[A-Za-z0-9_-]+)/.exec(requests[0].text)![1]);
      expect(await subscribed()).toBe((before ?? 0) + 1);
    } finally {
      await setSetting(recipientMailLimit, { max: 5, windowSeconds: 3600 }, null);
    }
  });

  it("without the box ticked, no consent is recorded", async () => {
    await submit(supporter({ email: "noconsent@example.org" }), "send");
    const consents = await db()
      .selectFrom("consents")
      .innerJoin("supporters", "supporters.id", "consents.supporterId")
      .select("consents.id")
      .where("supporters.email", "=", "noconsent@example.org")
      .execute();
    expect(consents).toHaveLength(0);
  });

  it.each([
    ["a ZIP of letters", { zip: "ABCDE" }, "zip"],
    ["a ZIP of the wrong length", { zip: "1234" }, "zip"],
    ["an unknown ZIP", { zip: "99999", seat: "VT-0" }, "zip"],
    ["a seat that does not match the ZIP", { seat: "CA-12" }, "seat"],
    ["a personal paragraph of 20,000 characters", { personalNote: "x".repeat(20_000) }, "personalNote"],
    ["a bad email", { email: "not an email" }, "email"],
    ["an empty name", { firstName: "  " }, "firstName"],
    ["an expired form", { idempotencyKey: "short" }, "idempotencyKey"],
  ])("refuses %s with a clear message and writes nothing", async (_label, over, field) => {
    const before = await db()
      .selectFrom("letters")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const { status, body } = payload(await submit(supporter(over), "send"));
    expect(status).toBe(400);
    expect(body.fields[field]).toBeTruthy();
    if (field === "personalNote") expect(body.fields.personalNote).toMatch(/at most 5,000 characters/);
    const after = await db()
      .selectFrom("letters")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("a vacant seat writes to the senators and the official only", async () => {
    const { body } = payload(
      await submit(supporter({ zip: "94544", seat: "CA-14", city: "Hayward" }), "preview"),
    );
    expect(body.preview.map((l: { to: string }) => l.to)).toEqual([
      "Senator Alex Padilla",
      "Senator Adam B. Schiff",
      "The Secretary of Defense",
    ]);
  });

  it("a territory writes to its delegate (no senators)", async () => {
    const { body } = payload(
      await submit(supporter({ zip: "00802", seat: "VI-0", city: "St Thomas" }), "preview"),
    );
    expect(body.preview.map((l: { to: string }) => l.to)).toEqual([
      "Delegate Stacey E. Plaskett",
      "The Secretary of Defense",
    ]);
    expect(body.preview[0].body).toMatch(/^Dear Delegate Plaskett,/);
  });

  it("keeps HTML and script typed in any field as text, PDF included", async () => {
    const evil = "<script>alert(1)</script>";
    const res = (await submit(
      supporter({
        firstName: `Jo${evil}`,
        street: `<img src=x onerror=alert(1)>`,
        personalNote: `**bold** ${evil}`,
        email: "evil@example.org",
      }),
      "send",
    )) as Response;
    const token = res.headers.get("Location")!.split("/").pop()!;
    const stored = await db()
      .selectFrom("letters")
      .innerJoin("letterSubmissions", "letterSubmissions.id", "letters.submissionId")
      .select(["letters.body"])
      .where("letterSubmissions.token", "=", token)
      .execute();
    expect(stored[0].body).toContain(`**bold** ${evil}`);
    const file = await deliveryPdf(token);
    expect(file!.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(file!.pdf.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(4);
    const one = await deliveryPdf(token, (await getDelivery(token))!.letters[3].id);
    expect(one!.pdf.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(1);
  });
});

describe("organizers: counts and packets", () => {
  it("counts letters per office and per state", async () => {
    const stats = await letterStats(campaignId);
    const sanders = stats.offices.find((o) => o.bioguide === "S000033");
    expect(Number(sanders?.count)).toBeGreaterThanOrEqual(3);
    expect(stats.states.find((s) => s.state === "VT")).toBeTruthy();
  });

  it("streams a 3,000-letter packet (PDF and CSV) page by page", async () => {
    const sub = await db()
      .selectFrom("letterSubmissions")
      .select(["id", "supporterId"])
      .where("state", "=", "VT")
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`insert into letters (submission_id, campaign_id, supporter_id, position, recipient_kind, bioguide, recipient_name, recipient_title, recipient_address, state, subject, body, method)
      select ${sub.id}, ${campaignId}, ${sub.supporterId}, 100 + g, 'senate', 'S000033', 'Bernard Sanders', 'Senator', array['The Honorable Bernard Sanders','United States Senate'], 'VT', 'Subject ' || g, 'Dear Senator Sanders,' || chr(10) || chr(10) || '=cmd|calc letter ' || g, 'contact_form'
      from generate_series(1, 3000) g`.execute(db());
    const info = await packetInfo(
      { id: campaignId, slug: "dpaa-director", title: "DPAA" },
      { bioguide: "S000033" },
    );
    expect(info!.count).toBeGreaterThan(3000);
    const pdf = collector();
    await writePacketPdf(info!, pdf.stream);
    const text = pdf.text();
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)!.length).toBe(info!.count + 1);
    const csv = collector();
    await writePacketCsv(info!, csv.stream);
    const lines = csv.text().trim().split("\r\n");
    expect(lines[0]).toMatch(/^letter_id,sent_at/);
    expect(lines.length).toBe(info!.count + 1);
    expect(csv.text()).toContain(`"Dear Senator Sanders,\n\n=cmd|calc letter 1"`);
  });
});

function collector() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("latin1") };
}
