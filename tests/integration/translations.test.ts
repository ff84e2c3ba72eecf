import { db } from "~db/index.server";
import { loader as caseLoader } from "~/routes/cases.$slug";
import { loader as casesLoader } from "~/routes/cases._index";
import { action as tipAction } from "~/routes/tips.new";
import { loader as queueLoader } from "~/routes/admin.tips._index";
import { loader as listLoader } from "~/routes/admin.translations._index";
import {
  action as translateAction,
  loader as translateLoader,
} from "~/routes/admin.translations.$kind.$id.$locale";
import { makeOrganizer, seedContent } from "../factories";
import { callRoute, form } from "../support/remix";
import { sessionCookieFor, unwrap } from "../support/route-result";

let ip = 0;
beforeAll(async () => {
  await seedContent();
});

async function get(fn: unknown, url: string, params: Record<string, string> = {}, organizerId?: number) {
  const headers: Record<string, string> = organizerId ? { Cookie: await sessionCookieFor(organizerId) } : {};
  return unwrap(await callRoute(fn as never, new Request(`http://localhost${url}`, { headers }), params));
}

async function post(
  fn: unknown,
  url: string,
  params: Record<string, string>,
  body: FormData,
  organizerId: number,
) {
  const request = new Request(`http://localhost${url}`, {
    method: "POST",
    body,
    headers: { Cookie: await sessionCookieFor(organizerId), Origin: "http://localhost" },
  });
  return unwrap(await callRoute(fn as never, request, params));
}

async function caseId(slug: string) {
  return (await db().selectFrom("cases").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
}

describe("content translations", () => {
  it("serves the seeded Korean case file, and English with the fallback flag where none exists", async () => {
    const ko = await get(caseLoader, "/ko/cases/sam-logan", { slug: "sam-logan" });
    expect(ko.data.c).toMatchObject({ fullName: "샘 로건", englishName: "Sam Logan", untranslated: false });
    expect(ko.data.c.facts[0]).toMatchObject({ fact: "북한에 포로로 잡힘.", factLang: "ko" });
    const ru = await get(caseLoader, "/ru/cases/richard-desautels", { slug: "richard-desautels" });
    expect(ru.data.c).toMatchObject({ fullName: "Richard Desautels", untranslated: true });
    expect(ru.data.c.lang.summary).toBe("en");
  });

  it("an editor translates a case; the name in Cyrillic then finds it; a viewer may not write", async () => {
    const editor = await makeOrganizer("editor");
    const viewer = await makeOrganizer("viewer");
    const id = await caseId("richard-desautels");
    const url = `/admin/translations/case/${id}/ru`;
    const params = { kind: "case", id: String(id), locale: "ru" };
    const page = await get(translateLoader, url, params, editor.id);
    expect(page.data.fields.map((f: { name: string }) => f.name)).toContain("factTexts");
    const values = {
      fullName: "Ричард Дезотель",
      summary: "Известный пленный северокорейского лагеря, охранявшегося китайцами.",
      bodyMd: "",
      factTexts: "",
      nameVariants: "Ричард Дезотель · 리처드 데조텔",
    };
    expect((await post(translateAction, url, params, form(values), viewer.id)).status).toBe(403);
    const tooLong = await post(
      translateAction,
      url,
      params,
      form({ ...values, fullName: "Я".repeat(201) }),
      editor.id,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.fields.fullName).toMatch(/At most 200/);
    const saved = await post(translateAction, url, params, form(values), editor.id);
    expect(saved.location).toBe(`${url}?saved=1`);
    const ru = await get(caseLoader, "/ru/cases/richard-desautels", { slug: "richard-desautels" });
    expect(ru.data.c).toMatchObject({ fullName: "Ричард Дезотель", untranslated: true });
    expect(ru.data.c.lang).toMatchObject({ fullName: "ru", summary: "ru", bodyMd: "en" });
    for (const q of ["дезотель", "데조텔"]) {
      const found = await get(casesLoader, `/cases?q=${encodeURIComponent(q)}`);
      expect(
        found.data.cases.map((c: { slug: string }) => c.slug),
        q,
      ).toContain("richard-desautels");
    }
    const bad = await get(
      translateLoader,
      `/admin/translations/case/${id}/fr`,
      { ...params, locale: "fr" },
      editor.id,
    );
    expect(bad.status).toBe(404);
    const list = await get(listLoader, "/admin/translations", {}, viewer.id);
    const sam = list.data.items.find((i: { kind: string; title: string }) => i.title === "Sam Logan");
    expect(sam.missing).toEqual([]);
    const desautels = list.data.items.find((i: { title: string }) => i.title === "Richard Desautels");
    expect(desautels.missing).toEqual(["ko", "zh-Hans", "zh-Hant"]);
  });

  it("a tip keeps its page's language; tips are found by words inside Chinese and Russian text", async () => {
    const body = new FormData();
    body.append("body", "我在平壤的影片里认出了我的叔叔王建国。Его звали Николай.");
    const sent = await unwrap(
      await callRoute(
        tipAction as never,
        new Request("http://localhost/zh-Hans/tips/new", { method: "POST", body }),
        {},
        { clientIp: `198.51.100.${200 + ++ip}` },
      ),
    );
    expect(sent.location).toMatch(/^\/zh-Hans\/tips\/sent\?ref=TIP-/);
    const reference = new URL(sent.location!, "http://x").searchParams.get("ref");
    const tip = await db()
      .selectFrom("tips")
      .selectAll()
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    expect(tip.language).toBe("zh-Hans");
    const viewer = await makeOrganizer("viewer");
    for (const q of ["叔叔", "王建国", "николай", "平壤 叔叔"]) {
      const res = await get(queueLoader, `/admin/tips?q=${encodeURIComponent(q)}`, {}, viewer.id);
      expect(
        res.data.tips.map((t: { reference: string }) => t.reference),
        q,
      ).toContain(reference);
    }
    const none = await get(queueLoader, `/admin/tips?q=${encodeURIComponent("叔父")}`, {}, viewer.id);
    expect(none.data.tips.map((t: { reference: string }) => t.reference)).not.toContain(reference);
  });
});
