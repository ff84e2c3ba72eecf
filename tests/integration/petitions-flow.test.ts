import { db } from "~db/index.server";
import { action as signAction } from "~/routes/campaigns.$slug.sign";
import { action as confirmAction, loader as confirmLoader } from "~/routes/confirm.$token";
import { loader as exportLoader } from "~/routes/admin.petitions.$id_.export";
import {
  confirmationToken,
  sendAlreadySignedBatch,
  sendConfirmationBatch,
} from "~/modules/petitions/confirmation.server";
import { getPetitionJson } from "~/modules/petitions/petitions.server";
import { invalidateSignatures, toRule } from "~/modules/petitions/petitions-admin.server";
import { rollUpSignatures } from "~/modules/petitions/rollup.server";
import { createSessionCookie } from "~/modules/organizers/session.server";
import { makeOrganizer } from "../factories";
import { callRouteRaw as callRoute, form, post } from "../support/remix";
import { makePetition, signatureRows, zipDistricts } from "../support/petitions";

beforeAll(() => zipDistricts([{ zip: "05401", state: "VT", district: 0 }]));

let k = 0;
function fields(overrides: Record<string, string> = {}) {
  k++;
  return { firstName: "Jane", lastName: "Doe", email: `flow-${k}@example.org`, zip: "05401", ...overrides };
}

async function signByForm(slug: string, values: Record<string, string>, ip = "198.51.100.7") {
  return (await callRoute(
    signAction as never,
    post(`/campaigns/${slug}/sign`, form(values)),
    { slug },
    { clientIp: ip },
  )) as Response | { data: unknown; init: { status: number } };
}

function emailsTo(to: string) {
  return db().selectFrom("emails").selectAll().where("toAddress", "=", to).orderBy("id").execute();
}

describe("the signing form (Remix action, same schema and use-case as the API)", () => {
  it("redirects to the campaign page after signing, and re-renders with field messages on bad input", async () => {
    const p = await makePetition();
    const ok = (await signByForm(
      p.slug,
      fields({ showName: "on", optIn: "on", source: "newsletter" }),
    )) as Response;
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe(`/campaigns/${p.slug}?signed=pending#sign`);
    const [row] = await signatureRows(p.petitionId);
    expect(row).toMatchObject({ showName: true, source: "newsletter", state: "pending" });

    const bad = (await signByForm(p.slug, {
      firstName: '=HYPERLINK("x")',
      lastName: "",
      email: "nope",
      zip: "ABCDE",
    })) as { data: { fields: Record<string, string> }; init: { status: number } };
    expect(bad.init.status).toBe(400);
    expect(Object.keys(bad.data.fields).sort()).toEqual(["email", "firstName", "lastName", "zip"]);
    expect(await signatureRows(p.petitionId)).toHaveLength(1);
  });

  it("answers 409 with a message for a closed petition", async () => {
    const p = await makePetition({ status: "closed" });
    const r = (await signByForm(p.slug, fields())) as { data: { message: string }; init: { status: number } };
    expect(r.init.status).toBe(409);
    expect(r.data.message).toMatch(/closed/);
  });
});

describe("confirmation", () => {
  it("sends one confirmation email per pending signature, confirms by POST only, idempotently, and counts it", async () => {
    const p = await makePetition();
    const values = fields();
    await signByForm(p.slug, values);
    const [sig] = await signatureRows(p.petitionId);

    expect(await sendConfirmationBatch()).toBeGreaterThanOrEqual(1);
    expect(await sendConfirmationBatch()).toBe(0);
    const mails = await emailsTo(values.email);
    expect(mails.map((m) => [m.kind, m.idempotencyKey])).toEqual([
      ["signature-confirmation", `signature-confirmation:${sig.id}`],
    ]);
    const token = confirmationToken(sig.id);
    expect(mails[0].html).toContain(`/confirm/${token}`);
    expect(mails[0].text).toContain(`/confirm/${token}?not-me=1`);
    // The address is not proven yet: no name the signer typed, just a greeting.
    expect(mails[0].html).toContain("Hello,");
    expect(mails[0].html + mails[0].text).not.toContain("Jane");
    expect(mails[0].html + mails[0].text).not.toContain("%%");

    const get = (await callRoute(confirmLoader as never, new Request(`http://localhost/confirm/${token}`), {
      token,
    })) as { data: { view: { kind: string } } };
    expect(get.data.view.kind).toBe("pending");
    expect((await signatureRows(p.petitionId))[0].state).toBe("pending");

    for (let i = 0; i < 2; i++) {
      const r = (await callRoute(
        confirmAction as never,
        post(`/confirm/${token}`, form({ intent: "confirm" })),
        { token },
      )) as { view: { kind: string } };
      expect(r.view.kind).toBe("confirmed");
    }
    const after = await emailsTo(values.email);
    expect(after.map((m) => m.kind)).toEqual(["signature-confirmation", "signature-confirmed"]);
    const supporter = await db()
      .selectFrom("supporters")
      .select("confirmedAt")
      .where("id", "=", sig.supporterId)
      .executeTakeFirstOrThrow();
    expect(supporter.confirmedAt).not.toBeNull();

    await rollUpSignatures();
    expect(await getPetitionJson(p.slug)).toMatchObject({
      signatureCount: 1,
      pendingCount: 0,
      byState: { VT: 1 },
    });
  });

  it("removes a pending signature when it wasn't them, and the pending count drops", async () => {
    const p = await makePetition();
    await signByForm(p.slug, fields());
    const [sig] = await signatureRows(p.petitionId);
    await sendConfirmationBatch();
    await rollUpSignatures();
    expect((await getPetitionJson(p.slug))?.pendingCount).toBe(1);
    const token = confirmationToken(sig.id);
    const r = (await callRoute(
      confirmAction as never,
      post(`/confirm/${token}`, form({ intent: "remove" })),
      { token },
    )) as { done: string };
    expect(r.done).toBe("removed");
    expect(await signatureRows(p.petitionId)).toEqual([]);
    expect((await getPetitionJson(p.slug))?.pendingCount).toBe(0);
  });

  it("refuses an expired link and an unknown token", async () => {
    const p = await makePetition();
    await signByForm(p.slug, fields());
    const [sig] = await signatureRows(p.petitionId);
    await sendConfirmationBatch();
    await db()
      .updateTable("signatures")
      .set({ createdAt: new Date(Date.now() - 31 * 86_400_000) })
      .where("id", "=", sig.id)
      .execute();
    const token = confirmationToken(sig.id);
    const r = (await callRoute(
      confirmAction as never,
      post(`/confirm/${token}`, form({ intent: "confirm" })),
      { token },
    )) as { view: { kind: string } };
    expect(r.view.kind).toBe("expired");
    expect((await signatureRows(p.petitionId))[0].state).toBe("pending");
    const unknown = (await callRoute(
      confirmLoader as never,
      new Request("http://localhost/confirm/xxxxxxxxxxxxxxxxxxxxxx"),
      { token: "xxxxxxxxxxxxxxxxxxxxxx" },
    )) as { init: { status: number } };
    expect(unknown.init.status).toBe(404);
  });

  it("sends at most three already-signed notes, and none to a fraudulent signature", async () => {
    const p = await makePetition();
    const values = fields();
    await signByForm(p.slug, values);
    await sendConfirmationBatch();
    for (let i = 0; i < 5; i++) {
      await signByForm(p.slug, values);
      await sendAlreadySignedBatch();
    }
    const kinds = (await emailsTo(values.email)).map((m) => m.kind);
    expect(kinds.filter((k) => k === "signature-already-signed")).toHaveLength(3);
    expect(kinds.filter((k) => k === "signature-confirmation")).toHaveLength(1);

    const spam = fields();
    await signByForm(p.slug, { ...spam, website: "filled" });
    await signByForm(p.slug, spam);
    await sendConfirmationBatch();
    await sendAlreadySignedBatch();
    expect(await emailsTo(spam.email)).toEqual([]);
  });
});

describe("integrity and export", () => {
  it("invalidates in bulk by domain, keeps the record, and recomputes the counts", async () => {
    const p = await makePetition({ requiresConfirmation: false });
    for (let i = 0; i < 3; i++) await signByForm(p.slug, fields({ email: `bot${i}@bad-domain.example` }));
    await signByForm(p.slug, fields());
    await rollUpSignatures();
    expect((await getPetitionJson(p.slug))?.signatureCount).toBe(4);
    const organizer = await makeOrganizer("editor");
    const n = await invalidateSignatures(
      organizer.id,
      p.petitionId,
      toRule({ rule: "domain", value: "Bad-Domain.example", from: "", to: "", confirm: true }),
    );
    expect(n).toBe(3);
    expect((await getPetitionJson(p.slug))?.signatureCount).toBe(1);
    const record = await db()
      .selectFrom("signatureInvalidations")
      .selectAll()
      .where("petitionId", "=", p.petitionId)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      count: 3,
      organizerId: organizer.id,
      rule: { rule: "domain", domain: "bad-domain.example" },
    });
    expect((await signatureRows(p.petitionId)).filter((s) => s.state === "invalidated")).toHaveLength(3);
  });

  it("streams the CSV export with spreadsheet formulas neutralised, to organizers who may read contacts only", async () => {
    const p = await makePetition();
    await signByForm(p.slug, fields({ comment: '=HYPERLINK("http://evil.example","x")' }));
    await signByForm(p.slug, fields({ comment: '+1, "quoted"\nline' }));
    await signByForm(p.slug, fields({ comment: "@SUM(A1)" }));
    const viewer = await makeOrganizer("viewer");
    const denied = (await callRoute(
      exportLoader as never,
      new Request(`http://localhost/admin/petitions/${p.petitionId}/export`, {
        headers: { Cookie: await createSessionCookie(viewer.id, null) },
      }),
      { id: String(p.petitionId) },
    )) as Response;
    expect(denied.status).toBe(403);
    const editor = await makeOrganizer("editor");
    const res = (await callRoute(
      exportLoader as never,
      new Request(`http://localhost/admin/petitions/${p.petitionId}/export`, {
        headers: { Cookie: await createSessionCookie(editor.id, null) },
      }),
      { id: String(p.petitionId) },
    )) as Response;
    expect(res.headers.get("Content-Type")).toMatch(/text\/csv/);
    const csv = await res.text();
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "id,state,first_name,last_name,email,country,zip,city,us_state,district,comment,show_name,source,created_at,confirmed_at",
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toMatch(/"'\+1, ""quoted""\r?\nline"/);
    expect(csv).toContain(",'@SUM(A1),");
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});

describe("organizer screens", () => {
  it("load the petition list, dashboard, signature list and the delivery PDF", async () => {
    const { loader: listLoader } = await import("~/routes/admin.petitions._index");
    const { loader: dashLoader } = await import("~/routes/admin.petitions.$id");
    const { loader: sigLoader } = await import("~/routes/admin.petitions.$id_.signatures");
    const { loader: pdfLoader } = await import("~/routes/admin.petitions.$id_.delivery");
    const p = await makePetition({ requiresConfirmation: false });
    await signByForm(p.slug, fields({ comment: "Hello" }));
    await rollUpSignatures();
    const owner = await makeOrganizer("owner");
    const headers = { Cookie: await createSessionCookie(owner.id, null) };
    const req = (path: string) => new Request(`http://localhost${path}`, { headers });
    const list = (await callRoute(listLoader as never, req("/admin/petitions"))) as {
      petitions: Array<{ slug: string; confirmed: number }>;
    };
    expect(list.petitions.find((x) => x.slug === p.slug)?.confirmed).toBe(1);
    const dash = (await callRoute(dashLoader as never, req(`/admin/petitions/${p.petitionId}`), {
      id: String(p.petitionId),
    })) as { dashboard: { counts: Record<string, number> } };
    expect(dash.dashboard.counts.confirmed).toBe(1);
    const sigs = (await callRoute(
      sigLoader as never,
      req(`/admin/petitions/${p.petitionId}/signatures?q=jane`),
      { id: String(p.petitionId) },
    )) as { rows: unknown[] };
    expect(sigs.rows).toHaveLength(1);
    const pdf = (await callRoute(pdfLoader as never, req(`/admin/petitions/${p.petitionId}/delivery`), {
      id: String(p.petitionId),
    })) as Response;
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(1000);
  });
});
