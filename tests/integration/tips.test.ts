import { mkdtempSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import sharp from "sharp";
import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { setSetting } from "~/modules/settings/settings.server";
import { sendTipDigests } from "~/modules/tips/tip-digest.server";
import { tipRateLimit } from "~/modules/tips/tips.server";
import { readPublicFile } from "~/modules/media/media.server";
import { localDiskStore, setFileStore, type FileStore } from "~/modules/uploads/storage.server";
import { action as tipAction, loader as tipFormLoader } from "~/routes/tips.new";
import { loader as queueLoader } from "~/routes/admin.tips._index";
import { action as tipDetailAction, loader as tipDetailLoader } from "~/routes/admin.tips.$id";
import { loader as fileLoader } from "~/routes/admin_.tips.$id.files.$fileId";
import { makeOrganizer, seedContent } from "../factories";
import { makeExe, makeJpegWithGps, makePdf, makePng } from "../factories/files";
import { callRoute, form } from "../support/remix";
import { sessionCookieFor, unwrap } from "../support/route-result";

let uploadDir: string;
let ipCounter = 0;
const nextIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  uploadDir = mkdtempSync(path.join(tmpdir(), "tips-uploads-"));
  overrideEnv({ UPLOAD_DIR: uploadDir });
  setFileStore(undefined);
  await seedContent();
});
afterAll(() => {
  setFileStore(undefined);
  rmSync(uploadDir, { recursive: true, force: true });
});

function filesOnDisk(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }))
      e.isDirectory() ? walk(path.join(dir, e.name)) : out.push(path.join(dir, e.name));
  };
  walk(uploadDir);
  return out;
}

async function sendTip(
  fields: Record<string, string>,
  files: Array<{ name: string; type: string; data: Buffer }> = [],
  ip = nextIp(),
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const f of files)
    body.append("attachments", new File([new Uint8Array(f.data)], f.name, { type: f.type }));
  const request = new Request("http://localhost/tips/new", { method: "POST", body });
  return unwrap(await callRoute(tipAction as never, request, {}, { clientIp: ip }));
}

const tipCount = async () =>
  (await db().selectFrom("tips").select(db().fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;

async function adminGet(
  fn: unknown,
  url: string,
  params: Record<string, string>,
  organizerId: number | null,
) {
  const headers: Record<string, string> = organizerId ? { Cookie: await sessionCookieFor(organizerId) } : {};
  return unwrap(await callRoute(fn as never, new Request(`http://localhost${url}`, { headers }), params));
}

describe("sending a tip", () => {
  it("stores a tip about a case with two attachments, shows a reference and queues a receipt", async () => {
    const png = await makePng();
    const res = await sendTip(
      {
        body: "I served with him in 1952 and saw him at Camp 5.",
        name: "Jane Doe",
        email: "jane@example.org",
        case: "richard-desautels",
      },
      [
        { name: "camp.png", type: "image/png", data: png },
        { name: "letter.pdf", type: "application/pdf", data: makePdf() },
      ],
    );
    expect(res.status).toBe(302);
    const ref = new URL(res.location!, "http://x").searchParams.get("ref")!;
    expect(ref).toMatch(/^TIP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const tip = await db()
      .selectFrom("tips")
      .selectAll()
      .where("reference", "=", ref)
      .executeTakeFirstOrThrow();
    expect(tip).toMatchObject({ status: "new", name: "Jane Doe", email: "jane@example.org" });
    expect(tip.caseId).not.toBeNull();
    const attachments = await db()
      .selectFrom("tipAttachments")
      .selectAll()
      .where("tipId", "=", tip.id)
      .orderBy("id")
      .execute();
    expect(attachments.map((a) => a.contentType)).toEqual(["image/png", "application/pdf"]);
    for (const a of attachments)
      expect(existsSync(path.join(uploadDir, ...a.storageKey.split("/")))).toBe(true);
    const receipt = await db()
      .selectFrom("emails")
      .selectAll()
      .where("idempotencyKey", "=", `tip-receipt:${tip.id}`)
      .executeTakeFirstOrThrow();
    expect(receipt.toAddress).toBe("jane@example.org");
    expect(receipt.text).toContain(ref);
    expect(receipt.text).not.toContain("Camp 5");
    expect(readdirSync(path.join(uploadDir, ".incoming"))).toEqual([]);
  });

  it("accepts an anonymous tip in any language without queuing a receipt", async () => {
    const before = await db().selectFrom("emails").select("id").execute();
    const res = await sendTip({ body: "我在平壤的影片中认出了我的叔叔。 Я узнал дядю." });
    expect(res.status).toBe(302);
    const ref = new URL(res.location!, "http://x").searchParams.get("ref")!;
    const tip = await db()
      .selectFrom("tips")
      .selectAll()
      .where("reference", "=", ref)
      .executeTakeFirstOrThrow();
    expect(tip).toMatchObject({ name: null, email: null, phone: null, caseId: null, mediaId: null });
    expect(tip.body).toContain("平壤");
    expect(await db().selectFrom("emails").select("id").execute()).toHaveLength(before.length);
  });

  it("ties a tip to a help-identify item from the seed", async () => {
    const loaded = await unwrap(
      await callRoute(
        tipFormLoader as never,
        new Request("http://localhost/tips/new?media=pyongyang-pow-footage"),
      ),
    );
    expect(loaded.data.about.media.title).toMatch(/Pyongyang/);
    const res = await sendTip({
      body: "The third man from the left is my grandfather.",
      media: "pyongyang-pow-footage",
    });
    const ref = new URL(res.location!, "http://x").searchParams.get("ref")!;
    const tip = await db()
      .selectFrom("tips")
      .innerJoin("caseMedia", "caseMedia.id", "tips.mediaId")
      .select("caseMedia.slug")
      .where("reference", "=", ref)
      .executeTakeFirstOrThrow();
    expect(tip.slug).toBe("pyongyang-pow-footage");
  });

  it("strips EXIF and GPS from JPEG photos", async () => {
    const jpeg = await makeJpegWithGps();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    expect(jpeg.includes(Buffer.from("SpyCamMaker"))).toBe(true);
    const res = await sendTip({ body: "Photo from my father's album." }, [
      { name: "album.jpg", type: "image/jpeg", data: jpeg },
    ]);
    const ref = new URL(res.location!, "http://x").searchParams.get("ref")!;
    const a = await db()
      .selectFrom("tipAttachments")
      .innerJoin("tips", "tips.id", "tipAttachments.tipId")
      .select("storageKey")
      .where("reference", "=", ref)
      .executeTakeFirstOrThrow();
    const stored = (await localDiskStore(uploadDir).get(a.storageKey))!;
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("SpyCamMaker"))).toBe(false);
  });
});

describe("bad input: a clear message and nothing saved", () => {
  let baseline: string[] = [];
  beforeEach(async () => {
    await db().deleteFrom("tips").execute();
    baseline = filesOnDisk();
  });
  const expectNothingSaved = async () => {
    expect(await tipCount()).toBe(0);
    expect(filesOnDisk()).toEqual(baseline);
  };

  it("refuses a 50 MB file", async () => {
    const res = await sendTip({ body: "A long film." }, [
      { name: "film.jpg", type: "image/jpeg", data: Buffer.alloc(50 * 1024 * 1024, 1) },
    ]);
    expect(res.status).toBe(400);
    expect(res.data.fields.attachments).toMatch(/"film.jpg" is 50 MB; each file can be at most 10 MB/);
    expect(res.data.values.body).toBe("A long film.");
    await expectNothingSaved();
  });

  it("refuses an .exe renamed .jpg", async () => {
    const res = await sendTip({ body: "See the photo." }, [
      { name: "photo.jpg", type: "image/jpeg", data: makeExe() },
    ]);
    expect(res.status).toBe(400);
    expect(res.data.fields.attachments).toMatch(
      /"photo.jpg" is not an image \(JPEG, PNG, WebP, GIF\) or a PDF/,
    );
    await expectNothingSaved();
  });

  it("refuses an image that is not one (a PNG header followed by garbage), and a sixth file", async () => {
    const png = await makePng();
    const broken = Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 7)]);
    const bad = await sendTip({ body: "x".repeat(20) }, [{ name: "a.png", type: "image/png", data: broken }]);
    expect(bad.data.fields.attachments).toMatch(/could not be read as an image/);
    const six = await sendTip(
      { body: "Six files." },
      Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, type: "image/png", data: png })),
    );
    expect(six.status).toBe(400);
    expect(six.data.fields.attachments).toMatch(/At most 5 attachments/);
    await expectNothingSaved();
  });

  it("refuses an empty tip and one of 100,000 characters", async () => {
    const empty = await sendTip({ body: "   \n  ", email: "not-an-email" });
    expect(empty.status).toBe(400);
    expect(empty.data.fields.body).toMatch(/empty/);
    expect(empty.data.fields.email).toMatch(/email address/);
    const long = await sendTip({ body: "a".repeat(100_000) });
    expect(long.status).toBe(400);
    expect(long.data.fields.body).toMatch(/at most 20,000 characters/);
    await expectNothingSaved();
  });

  it("leaves no row and no file when storing the second file fails", async () => {
    const real = localDiskStore(uploadDir);
    let puts = 0;
    const failing: FileStore = {
      ...real,
      put: async (k, d) => {
        if (++puts === 2) throw new Error("disk full");
        await real.put(k, d);
      },
    };
    setFileStore(failing);
    const png = await makePng();
    await expect(
      sendTip({ body: "Two photos." }, [
        { name: "a.png", type: "image/png", data: png },
        { name: "b.png", type: "image/png", data: png },
      ]),
    ).rejects.toThrow("disk full");
    setFileStore(undefined);
    await expectNothingSaved();
  });

  it("leaves no orphan file when the database refuses the tip", async () => {
    await sql`alter table tips add constraint test_refuse check (body <> 'refuse me')`.execute(db());
    try {
      await expect(
        sendTip({ body: "refuse me" }, [{ name: "a.png", type: "image/png", data: await makePng() }]),
      ).rejects.toThrow(/test_refuse/);
    } finally {
      await sql`alter table tips drop constraint test_refuse`.execute(db());
    }
    await expectNothingSaved();
  });
});

describe("abuse guards", () => {
  it("stores nothing when the honeypot is filled", async () => {
    const before = await tipCount();
    const res = await sendTip({ body: "Buy cheap watches", fax_number: "555" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/tips/sent");
    expect(await tipCount()).toBe(before);
  });

  it("limits tips per address (a setting), but never loopback", async () => {
    await setSetting(tipRateLimit, { max: 2, windowSeconds: 3600 }, null);
    const ip = "203.0.113.77";
    expect((await sendTip({ body: "one" }, [], ip)).status).toBe(302);
    expect((await sendTip({ body: "two" }, [], ip)).status).toBe(302);
    const third = await sendTip({ body: "three" }, [], ip);
    expect(third.status).toBe(429);
    expect(third.data.message).toMatch(/Too many tips/);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await sendTip({ body: "other address" }, [], "203.0.113.78")).status).toBe(302);
    for (let i = 0; i < 3; i++)
      expect((await sendTip({ body: `local ${i}` }, [], "127.0.0.1")).status).toBe(302);
    await setSetting(tipRateLimit, { max: 10, windowSeconds: 3600 }, null);
  });
});

describe("privacy", () => {
  let tipId: number;
  let fileIds: number[];
  beforeAll(async () => {
    const res = await sendTip(
      {
        body: "<script>alert(1)</script><b>bold</b>",
        name: "<img src=x onerror=alert(1)>",
        email: "secret.tipster@example.org",
        phone: "+1 555 0100",
      },
      [
        { name: "doc.pdf", type: "application/pdf", data: makePdf(true) },
        { name: "p.png", type: "image/png", data: await makePng() },
      ],
    );
    const ref = new URL(res.location!, "http://x").searchParams.get("ref")!;
    tipId = (
      await db().selectFrom("tips").select("id").where("reference", "=", ref).executeTakeFirstOrThrow()
    ).id;
    fileIds = (
      await db().selectFrom("tipAttachments").select("id").where("tipId", "=", tipId).orderBy("id").execute()
    ).map((r) => r.id);
  });

  it("sends anonymous requests for tip pages and files to the login page", async () => {
    for (const [fn, url, params] of [
      [queueLoader, "/admin/tips", {}],
      [tipDetailLoader, `/admin/tips/${tipId}`, { id: String(tipId) }],
      [
        fileLoader,
        `/admin/tips/${tipId}/files/${fileIds[0]}`,
        { id: String(tipId), fileId: String(fileIds[0]) },
      ],
    ] as const) {
      const res = await adminGet(fn, url, params, null);
      expect(res.status, url).toBe(302);
      expect(res.location).toMatch(/^\/admin\/login\?redirectTo=/);
    }
    const post = await unwrap(
      await callRoute(
        tipDetailAction as never,
        new Request(`http://localhost/admin/tips/${tipId}`, {
          method: "POST",
          body: form({ intent: "note", note: "x" }),
        }),
        { id: String(tipId) },
      ),
    );
    expect(post.status).toBe(302);
    expect(await readPublicFile(`../tips/x.png`)).toBeNull();
  });

  it("never sends contact details to a viewer, and audits every open", async () => {
    const viewer = await makeOrganizer("viewer");
    const editor = await makeOrganizer("editor");
    const auditCount = async () =>
      (
        await db()
          .selectFrom("auditLog")
          .select("id")
          .where("action", "=", "tip.view")
          .where("subjectId", "=", String(tipId))
          .execute()
      ).length;
    const before = await auditCount();
    const asViewer = await adminGet(
      tipDetailLoader,
      `/admin/tips/${tipId}`,
      { id: String(tipId) },
      viewer.id,
    );
    expect(asViewer.status).toBe(200);
    expect(asViewer.data.contact).toBeNull();
    const json = JSON.stringify(asViewer.data);
    expect(json).not.toContain("secret.tipster");
    expect(json).not.toContain("555 0100");
    expect(json).not.toContain("onerror");
    expect(asViewer.data.tip.body).toBe("<script>alert(1)</script><b>bold</b>");
    const asEditor = await adminGet(
      tipDetailLoader,
      `/admin/tips/${tipId}`,
      { id: String(tipId) },
      editor.id,
    );
    expect(asEditor.data.contact.email).toBe("secret.tipster@example.org");
    await adminGet(tipDetailLoader, `/admin/tips/${tipId}`, { id: String(tipId) }, editor.id);
    expect(await auditCount()).toBe(before + 3);
    const rows = await db()
      .selectFrom("auditLog")
      .select(["organizerId", "details"])
      .where("action", "=", "tip.view")
      .where("subjectId", "=", String(tipId))
      .orderBy("id")
      .execute();
    expect(rows.slice(-3).map((r) => r.organizerId)).toEqual([viewer.id, editor.id, editor.id]);
    const queue = await adminGet(queueLoader, "/admin/tips", {}, viewer.id);
    expect(JSON.stringify(queue.data)).not.toContain("secret.tipster");
    // a viewer may not triage
    const triage = await callRoute(
      tipDetailAction as never,
      new Request(`http://localhost/admin/tips/${tipId}`, {
        method: "POST",
        headers: { Cookie: await sessionCookieFor(viewer.id) },
        body: form({ status: "credible" }),
      }),
      { id: String(tipId) },
    );
    expect((await unwrap(triage)).status).toBe(403);
  });

  it("serves a PDF (even one with JavaScript) only as a download, never inline", async () => {
    const viewer = await makeOrganizer("viewer");
    const pdf = await adminGet(
      fileLoader,
      "/x",
      { id: String(tipId), fileId: String(fileIds[0]) },
      viewer.id,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toMatch(/^attachment; filename="doc.pdf"/);
    expect(pdf.headers.get("cache-control")).toBe("private, no-store");
    expect(pdf.headers.get("content-security-policy")).toContain("sandbox");
    const img = await adminGet(
      fileLoader,
      "/x",
      { id: String(tipId), fileId: String(fileIds[1]) },
      viewer.id,
    );
    expect(img.headers.get("content-disposition")).toMatch(/^inline/);
    const wrongTip = await adminGet(
      fileLoader,
      "/x",
      { id: String(tipId + 999), fileId: String(fileIds[0]) },
      viewer.id,
    );
    expect(wrongTip.status).toBe(404);
    const audited = await db()
      .selectFrom("auditLog")
      .select("id")
      .where("action", "=", "tip.attachment-open")
      .where("organizerId", "=", viewer.id)
      .execute();
    expect(audited).toHaveLength(2);
  });
});

describe("triage and the digest", () => {
  it("requires the agency and date when forwarded, links a case, and audits", async () => {
    const editor = await makeOrganizer("editor");
    const res = await sendTip({ body: "A tip to triage." });
    const ref = new URL(res.location!, "http://x").searchParams.get("ref")!;
    const id = (
      await db().selectFrom("tips").select("id").where("reference", "=", ref).executeTakeFirstOrThrow()
    ).id;
    const post = async (values: Record<string, string>) =>
      unwrap(
        await callRoute(
          tipDetailAction as never,
          new Request(`http://localhost/admin/tips/${id}`, {
            method: "POST",
            headers: { Cookie: await sessionCookieFor(editor.id) },
            body: form(values),
          }),
          { id: String(id) },
        ),
      );
    const missing = await post({ intent: "triage", status: "forwarded" });
    expect(missing.status).toBe(400);
    expect(missing.data.fields).toMatchObject({
      forwardedTo: expect.any(String),
      forwardedOn: expect.any(String),
    });
    const badCase = await post({ intent: "triage", status: "reviewing", caseSlug: "nobody-here" });
    expect(badCase.data.fields.caseSlug).toMatch(/No case file/);
    const ok = await post({
      intent: "triage",
      status: "forwarded",
      forwardedTo: "DPAA",
      forwardedOn: "2026-11-20",
      assignedTo: String(editor.id),
      caseSlug: "richard-desautels",
    });
    expect(ok.status).toBe(302);
    const note = await post({ intent: "note", note: "Called the family." });
    expect(note.status).toBe(302);
    const tip = await db().selectFrom("tips").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(tip).toMatchObject({
      status: "forwarded",
      forwardedTo: "DPAA",
      forwardedOn: "2026-11-20",
      assignedTo: editor.id,
    });
    const filtered = await adminGet(
      queueLoader,
      "/admin/tips?status=forwarded&case=richard-desautels&q=triage",
      {},
      editor.id,
    );
    expect(filtered.data.tips.map((t: { id: number }) => t.id)).toEqual([id]);
    const actions = await db()
      .selectFrom("auditLog")
      .select("action")
      .where("subjectType", "=", "tip")
      .where("subjectId", "=", String(id))
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["tip.update", "tip.note"]);
  });

  it("alerts the assignee, or owners and editors, once per tip", async () => {
    await sendTipDigests(); // drain what earlier tests sent
    await db().updateTable("organizers").set({ disabledAt: new Date() }).execute();
    const owner = await makeOrganizer("owner");
    const editor = await makeOrganizer("editor");
    const viewer = await makeOrganizer("viewer");
    const a = await sendTip({ body: "Unassigned tip one." });
    await sendTip({ body: "Unassigned tip two." });
    const b = await sendTip({ body: "Assigned tip." });
    const refB = new URL(b.location!, "http://x").searchParams.get("ref")!;
    await db().updateTable("tips").set({ assignedTo: viewer.id }).where("reference", "=", refB).execute();
    const first = await sendTipDigests();
    expect(first).toEqual({ tips: 3, emails: 3 });
    const digests = await db()
      .selectFrom("emails")
      .select(["toAddress", "text", "subject"])
      .where("kind", "=", "new-tip-digest")
      .execute();
    const to = (o: { email: string }) => digests.find((d) => d.toAddress === o.email)!;
    expect(to(owner).subject).toBe("2 new tips to triage");
    expect(to(editor).subject).toBe("2 new tips to triage");
    expect(to(viewer).subject).toBe("1 new tip to triage");
    expect(to(owner).text).toContain(new URL(a.location!, "http://x").searchParams.get("ref")!);
    expect(to(owner).text).not.toContain("Unassigned tip one");
    expect(await sendTipDigests()).toEqual({ tips: 0, emails: 0 });
  });
});
