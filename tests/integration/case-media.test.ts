import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { db } from "~db/index.server";
import { runSeed } from "~db/seed/seed.server";
import { overrideEnv } from "~/env.server";
import { setFileStore } from "~/modules/uploads/storage.server";
import { loader as helpLoader } from "~/routes/cases.help-identify";
import { loader as mediaFileLoader } from "~/routes/media.$";
import { action as newMediaAction } from "~/routes/admin.media.new";
import { action as editMediaAction } from "~/routes/admin.media.$id";
import { action as caseAction, loader as caseEditLoader } from "~/routes/admin.cases.$id";
import { getPublicCase } from "~/modules/cases/cases.server";
import { fileStore, localDiskStore, type FileStore } from "~/modules/uploads/storage.server";
import { parseTimeline } from "~/modules/cases/cases.schema";
import { makeOrganizer } from "../factories";
import { makeExe, makeJpegWithGps, makePdf, makePng } from "../factories/files";
import { callRoute } from "../support/remix";
import { sessionCookieFor, unwrap } from "../support/route-result";

let uploadDir: string;
beforeAll(async () => {
  uploadDir = mkdtempSync(path.join(tmpdir(), "media-uploads-"));
  overrideEnv({ UPLOAD_DIR: uploadDir });
  setFileStore(undefined);
  await runSeed(db());
});
afterAll(() => {
  setFileStore(undefined);
  rmSync(uploadDir, { recursive: true, force: true });
});

async function multipart(
  fn: unknown,
  url: string,
  params: Record<string, string>,
  organizerId: number,
  fields: Record<string, string>,
  file?: { field: string; name: string; type: string; data: Buffer },
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append(file.field, new File([new Uint8Array(file.data)], file.name, { type: file.type }));
  const request = new Request(`http://localhost${url}`, {
    method: "POST",
    body,
    headers: { Cookie: await sessionCookieFor(organizerId) },
  });
  return unwrap(await callRoute(fn as never, request, params));
}

describe("help identify", () => {
  it("seeds the two media requests once, published, with placeholders", async () => {
    expect((await runSeed(db())).created).toBe(0);
    const page = await unwrap(
      await callRoute(helpLoader as never, new Request("http://localhost/cases/help-identify")),
    );
    expect(page.data.items.map((i: { slug: string }) => i.slug).sort()).toEqual([
      "air-force-pow-film",
      "pyongyang-pow-footage",
    ]);
    expect(page.data.items.every((i: { imageUrl: string | null }) => i.imageUrl === null)).toBe(true);
  });

  it("publishes an item with an uploaded image, served publicly with short caching and no EXIF", async () => {
    const editor = await makeOrganizer("editor");
    const fields = {
      intent: "save",
      slug: "camp-5-photo",
      title: "Men at Camp 5",
      kind: "photo",
      description: "A photograph of prisoners at Camp 5, Pyoktong.",
      dateText: "1952",
      source: "Private collection",
      caseSlug: "richard-desautels",
      imageAlt: "Prisoners standing in a row",
      published: "on",
    };
    const refused = await multipart(newMediaAction, "/admin/media/new", {}, editor.id, fields, {
      field: "image",
      name: "x.jpg",
      type: "image/jpeg",
      data: makeExe(),
    });
    expect(refused.status).toBe(400);
    expect(refused.data.fields.image).toMatch(/not an image/);
    expect(
      await db().selectFrom("caseMedia").select("id").where("slug", "=", "camp-5-photo").execute(),
    ).toEqual([]);

    const saved = await multipart(newMediaAction, "/admin/media/new", {}, editor.id, fields, {
      field: "image",
      name: "camp.jpg",
      type: "image/jpeg",
      data: await makeJpegWithGps(),
    });
    expect(saved.status).toBe(302);
    const page = await unwrap(
      await callRoute(helpLoader as never, new Request("http://localhost/cases/help-identify")),
    );
    const item = page.data.items.find((i: { slug: string }) => i.slug === "camp-5-photo");
    expect(item.imageUrl).toMatch(/^\/media\/[0-9a-f]{32}\.jpg$/);
    expect(item.caseSlug).toBe("richard-desautels");
    const res = await unwrap(
      await callRoute(mediaFileLoader as never, new Request(`http://localhost${item.imageUrl}`), {
        "*": item.imageUrl.replace(/^\/media\//, ""),
      }),
    );
    expect(res.status).toBe(200);
    // Short: a removed image must leave shared caches soon (it answers 404 at once here).
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    const served = await (
      (await callRoute(mediaFileLoader as never, new Request("http://localhost/x"), {
        "*": item.imageUrl.replace(/^\/media\//, ""),
      })) as Response
    ).arrayBuffer();
    expect((await sharp(Buffer.from(served)).metadata()).exif).toBeUndefined();
    const missing = await unwrap(
      await callRoute(mediaFileLoader as never, new Request("http://localhost/media/x"), {
        "*": "../tips/abc.png",
      }),
    );
    expect(missing.status).toBe(404);
    const audit = await db()
      .selectFrom("auditLog")
      .select("action")
      .where("subjectType", "=", "case_media")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["media.create"]);
  });
});

describe("case photos and source documents", () => {
  it("uploads a case photo and a PDF document usable as a timeline source", async () => {
    const editor = await makeOrganizer("editor");
    const c = await db()
      .selectFrom("cases")
      .select("id")
      .where("slug", "=", "richard-desautels")
      .executeTakeFirstOrThrow();
    const params = { id: String(c.id) };
    const photo = await multipart(
      caseAction,
      `/admin/cases/${c.id}`,
      params,
      editor.id,
      { intent: "photo" },
      { field: "file", name: "portrait.jpg", type: "image/jpeg", data: await makeJpegWithGps() },
    );
    expect(photo.status).toBe(200);
    expect(photo.data.upload.url).toMatch(/^\/media\/[0-9a-f]{32}\.jpg$/);
    expect((await getPublicCase("richard-desautels"))!.photoUrl).toBe(photo.data.upload.url);

    const noTitle = await multipart(
      caseAction,
      `/admin/cases/${c.id}`,
      params,
      editor.id,
      { intent: "document" },
      { field: "file", name: "report.pdf", type: "application/pdf", data: makePdf() },
    );
    expect(noTitle.status).toBe(400);
    const doc = await multipart(
      caseAction,
      `/admin/cases/${c.id}`,
      params,
      editor.id,
      { intent: "document", title: "1954 debriefing report" },
      { field: "file", name: "report.pdf", type: "application/pdf", data: makePdf(true) },
    );
    expect(doc.data.upload.url).toMatch(/^\/media\/docs\/[0-9a-f]{32}\.pdf$/);
    expect(parseTimeline(`1954 | Debriefed | Report | ${doc.data.upload.url}`).error).toBeUndefined();
    const served = await unwrap(
      await callRoute(mediaFileLoader as never, new Request("http://localhost/x"), {
        "*": doc.data.upload.url.replace(/^\/media\//, ""),
      }),
    );
    expect(served.headers.get("content-disposition")).toBe("attachment");
    const edit = await unwrap(
      await callRoute(
        caseEditLoader as never,
        new Request(`http://localhost/admin/cases/${c.id}`, {
          headers: { Cookie: await sessionCookieFor(editor.id) },
        }),
        params,
      ),
    );
    expect(edit.data.documents.map((d: { title: string }) => d.title)).toEqual(["1954 debriefing report"]);
  });
});

describe("removed and unpublished public images", () => {
  const serve = async (url: string, headers: Record<string, string> = {}) =>
    unwrap(
      await callRoute(mediaFileLoader as never, new Request(`http://localhost${url}`, { headers }), {
        "*": url.replace(/^\/media\//, ""),
      }),
    );
  const fields = (slug: string, published: boolean) => ({
    intent: "save",
    slug,
    title: "Men at the river",
    kind: "photo",
    description: "Prisoners by the Yalu river, 1953.",
    imageAlt: "Men by a river",
    ...(published ? { published: "on" } : {}),
  });

  async function publishWithImage(slug: string, editorId: number, size: number) {
    const saved = await multipart(newMediaAction, "/admin/media/new", {}, editorId, fields(slug, true), {
      field: "image",
      name: "river.png",
      type: "image/png",
      data: await makePng(size),
    });
    expect(saved.status).toBe(302);
    const row = await db()
      .selectFrom("caseMedia")
      .select(["id", "imageKey"])
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    return { id: row.id, url: `/${row.imageKey}`, key: row.imageKey! };
  }

  it("a removed image answers 404 at once and leaves the disk; revalidation by ETag works while it is public", async () => {
    const editor = await makeOrganizer("editor");
    const item = await publishWithImage("river-photo", editor.id, 41);
    const served = await serve(item.url);
    expect(served.status).toBe(200);
    const etag = served.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await serve(item.url, { "If-None-Match": etag })).status).toBe(304);

    const removed = await multipart(
      editMediaAction,
      `/admin/media/${item.id}`,
      { id: String(item.id) },
      editor.id,
      { intent: "remove-image" },
    );
    expect(removed.status).toBe(302);
    const gone = await serve(item.url);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("cache-control")).toBe("no-store");
    expect((await serve(item.url, { "If-None-Match": etag })).status).toBe(404);
    expect(await fileStore().get(item.key)).toBeNull();
  });

  it("an unpublished item's image is not public; its organizers still see it, uncached", async () => {
    const editor = await makeOrganizer("editor");
    const item = await publishWithImage("yalu-photo", editor.id, 43);
    const unpublished = await multipart(
      editMediaAction,
      `/admin/media/${item.id}`,
      { id: String(item.id) },
      editor.id,
      fields("yalu-photo", false),
    );
    expect(unpublished.status).toBe(302);
    expect((await serve(item.url)).status).toBe(404);
    const forOrganizer = await serve(item.url, { Cookie: await sessionCookieFor(editor.id) });
    expect(forOrganizer.status).toBe(200);
    expect(forOrganizer.headers.get("cache-control")).toBe("private, no-store");
  });

  it("a replaced image leaves the disk, unless another record shows the same file", async () => {
    const editor = await makeOrganizer("editor");
    const first = await publishWithImage("camp-photo-a", editor.id, 45);
    const twin = await publishWithImage("camp-photo-b", editor.id, 45); // same content, same address
    expect(twin.key).toBe(first.key);
    const replaced = await multipart(
      editMediaAction,
      `/admin/media/${first.id}`,
      { id: String(first.id) },
      editor.id,
      fields("camp-photo-a", true),
      { field: "image", name: "new.png", type: "image/png", data: await makePng(47) },
    );
    expect(replaced.status).toBe(302);
    expect((await serve(first.url)).status).toBe(200); // still shown by the twin
    await multipart(editMediaAction, `/admin/media/${twin.id}`, { id: String(twin.id) }, editor.id, {
      intent: "remove-image",
    });
    expect((await serve(first.url)).status).toBe(404);
    expect(await fileStore().get(first.key)).toBeNull();
  });
});

describe("a disk that fails while an organizer uploads", () => {
  it("answers 503 with a message and saves nothing, for the media editor and the case upload form", async () => {
    const editor = await makeOrganizer("editor");
    const full: FileStore = {
      ...localDiskStore(uploadDir),
      put: async () =>
        Promise.reject(Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" })),
    };
    setFileStore(full);
    try {
      const fields = {
        intent: "save",
        slug: "full-disk-photo",
        title: "Men at the camp",
        kind: "photo",
        description: "Prisoners at a camp, 1953.",
        published: "on",
      };
      const media = await multipart(newMediaAction, "/admin/media/new", {}, editor.id, fields, {
        field: "image",
        name: "camp.png",
        type: "image/png",
        data: await makePng(30),
      });
      expect(media.status).toBe(503);
      expect(media.data.fields.image).toMatch(/could not be stored on our side/);
      expect(
        await db().selectFrom("caseMedia").select("id").where("slug", "=", "full-disk-photo").execute(),
      ).toEqual([]);
      const c = await db()
        .selectFrom("cases")
        .select(["id", "photoUrl"])
        .where("slug", "=", "richard-desautels")
        .executeTakeFirstOrThrow();
      const photo = await multipart(
        caseAction,
        `/admin/cases/${c.id}`,
        { id: String(c.id) },
        editor.id,
        { intent: "photo" },
        { field: "file", name: "p.png", type: "image/png", data: await makePng(31) },
      );
      expect(photo.status).toBe(503);
      expect(photo.data.upload.error).toMatch(/could not be stored on our side/);
      expect(
        (await db().selectFrom("cases").select("photoUrl").where("id", "=", c.id).executeTakeFirstOrThrow())
          .photoUrl,
      ).toBe(c.photoUrl);
    } finally {
      setFileStore(undefined);
    }
  });
});
