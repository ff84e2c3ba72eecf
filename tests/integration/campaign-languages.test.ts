import { db } from "~db/index.server";
import { loader as campaignLoader } from "~/routes/campaigns.$slug._index";
import { action as donateAction } from "~/routes/campaigns.$slug.donate";
import { action as letterAction, loader as letterLoader } from "~/routes/campaigns.$slug.letter";
import { action as signAction } from "~/routes/campaigns.$slug.sign";
import { action as tipAction } from "~/routes/tips.new";
import { loader as listLoader } from "~/routes/admin.translations._index";
import { action as translateAction } from "~/routes/admin.translations.$kind.$id.$locale";
import { makeOrganizer, seedContent } from "../factories";
import { callRoute, form } from "../support/remix";
import { sessionCookieFor, unwrap } from "../support/route-result";

const SLUG = "ask-moscow-beijing";
let ip = 0;
beforeAll(async () => {
  await seedContent();
});

async function call(fn: unknown, url: string, params: Record<string, string>, init: RequestInit = {}) {
  const request = new Request(`http://localhost${url}`, init);
  return unwrap(await callRoute(fn as never, request, params, { clientIp: `198.51.100.${++ip}` }));
}

function posting(body: FormData, headers: Record<string, string> = {}): RequestInit {
  return { method: "POST", body, headers: { Origin: "http://localhost", ...headers } };
}

async function campaignId(slug: string) {
  return (await db().selectFrom("campaigns").select("id").where("slug", "=", slug).executeTakeFirstOrThrow())
    .id;
}

describe("a campaign's own story in the reader's language", () => {
  it("an editor translates the story; until then the page shows the English with the note and admin lists the language as missing", async () => {
    const editor = await makeOrganizer("editor");
    const cookie = await sessionCookieFor(editor.id);
    const id = await campaignId(SLUG);
    const url = `/admin/translations/campaign/${id}/ko`;
    const params = { kind: "campaign", id: String(id), locale: "ko" };
    const title = "모스크바와 베이징에 돌아오지 못한 미국인에 대해 물어 주십시오";
    const summary = "북한에서 중국과 소련으로 옮겨진 미군 포로에 대한 보고가 있었습니다.";
    // Title and summary only: the story still falls back to English.
    const first = await call(
      translateAction,
      url,
      params,
      posting(form({ title, summary, bodyMd: "" }), { Cookie: cookie }),
    );
    expect(first.location).toBe(`${url}?saved=1`);
    let page = await call(campaignLoader, `/ko/campaigns/${SLUG}`, { slug: SLUG });
    expect(page.data.campaign).toMatchObject({ title, summary, untranslated: true });
    expect(page.data.campaign.lang).toMatchObject({ title: "ko", summary: "ko", bodyMd: "en" });
    expect(page.data.campaign.bodyHtml).toContain("Declassified U.S. records");
    let list = await call(listLoader, "/admin/translations", {}, { headers: { Cookie: cookie } });
    const item = () =>
      list.data.items.find((i: { kind: string; id: number }) => i.kind === "campaign" && i.id === id);
    expect(item().missing).toContain("ko");

    const tooLong = await call(
      translateAction,
      url,
      params,
      posting(form({ title, summary, bodyMd: "가".repeat(50_001) }), { Cookie: cookie }),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.fields.bodyMd).toMatch(/At most 50,000/);

    const bodyMd =
      "## 왜 중요한가\n\n기밀 해제된 미국 기록에 따르면 1953년 정전 이후에도 일부 포로가 억류되었습니다.";
    await call(translateAction, url, params, posting(form({ title, summary, bodyMd }), { Cookie: cookie }));
    page = await call(campaignLoader, `/ko/campaigns/${SLUG}`, { slug: SLUG });
    expect(page.data.campaign).toMatchObject({ untranslated: false });
    expect(page.data.campaign.lang.bodyMd).toBe("ko");
    expect(page.data.campaign.bodyHtml).toContain("<h2>왜 중요한가</h2>");
    list = await call(listLoader, "/admin/translations", {}, { headers: { Cookie: cookie } });
    expect(item().missing).not.toContain("ko");
    // English readers and other languages are untouched.
    const en = await call(campaignLoader, `/campaigns/${SLUG}`, { slug: SLUG });
    expect(en.data.campaign.bodyHtml).toContain("Declassified U.S. records");
    const ru = await call(campaignLoader, `/ru/campaigns/${SLUG}`, { slug: SLUG });
    expect(ru.data.campaign).toMatchObject({ untranslated: true, lang: { bodyMd: "en" } });
  });
});

describe("the campaign's sign, giving and letter pages answer in the page's language", () => {
  it("signing: field messages, then a thanks on the page in that language", async () => {
    const empty = await call(signAction, `/ko/campaigns/${SLUG}/sign`, { slug: SLUG }, posting(form({})));
    expect(empty.status).toBe(400);
    expect(empty.data.fields).toMatchObject({
      firstName: "이름을 입력해 주세요(최대 60자).",
      email: "name@example.org 같은 이메일 주소를 입력해 주세요.",
    });
    const english = await call(signAction, `/campaigns/${SLUG}/sign`, { slug: SLUG }, posting(form({})));
    expect(english.data.fields.firstName).not.toMatch(/[가-힣]/);
    const ru = await call(
      signAction,
      `/ru/campaigns/${SLUG}/sign`,
      { slug: SLUG },
      posting(form({ firstName: "Анна", lastName: "Петрова", email: "anna@example.org", country: "US" })),
    );
    expect(ru.data.fields).toEqual({
      zip: "Для США введите пятизначный ZIP-код (или ZIP+4), для других стран — почтовый индекс не длиннее 12 символов.",
    });
    const signed = await call(
      signAction,
      `/ru/campaigns/${SLUG}/sign`,
      { slug: SLUG },
      posting(
        form({ firstName: "Анна", lastName: "Петрова", email: "anna.p@example.org", country: "KR", zip: "" }),
      ),
    );
    expect(signed.location).toMatch(new RegExp(`^/ru/campaigns/${SLUG}/sign\\?signed=(pending|confirmed)$`));
  });

  it("giving: a typed amount out of range is explained with the range written the page's way", async () => {
    const res = await call(
      donateAction,
      `/ru/campaigns/${SLUG}/donate`,
      { slug: SLUG },
      posting(form({ nonce: "n".repeat(24), amount: "custom", customAmount: "abc", frequency: "one_time" })),
    );
    expect(res.status).toBe(400);
    expect(res.data.fields.customAmount).toMatch(/^Введите сумму от \d[\d\s\u00a0,]*\$ до [\d\s\u00a0,]+\$/);
  });

  it("letters: a bad ZIP and missing fields in Chinese", async () => {
    const zip = await call(letterLoader, `/zh-Hant/campaigns/${SLUG}/letter?zip=ABCDE`, { slug: SLUG });
    expect(zip.status).toBe(400);
    expect(zip.data.zipError).toBe("請填寫您住址的 5 位數郵遞區號（ZIP）。");
    const res = await call(
      letterAction,
      `/zh-Hans/campaigns/${SLUG}/letter`,
      { slug: SLUG },
      posting(form({ zip: "05401", intent: "preview" })),
    );
    expect(res.status).toBe(400);
    expect(res.data.message).toBe("请更正下面标出的内容。");
    expect(res.data.fields.firstName).toBe("请填写名字（最多 80 个字符）。");
  });
});

describe("the tip form's file errors in the page's language", () => {
  async function sendTip(url: string, files: Array<[string, Buffer]>) {
    const body = new FormData();
    body.append("body", "Я видел этого человека в лагере.");
    for (const [name, bytes] of files) body.append("attachments", new Blob([new Uint8Array(bytes)]), name);
    return call(tipAction, url, {}, { method: "POST", body });
  }

  it("a file that is not an image or PDF, an empty one, too many files; nothing is stored", async () => {
    const before = await db().selectFrom("tips").select(db().fn.countAll().as("n")).executeTakeFirstOrThrow();
    const text = Buffer.from("just some text, not a picture");
    const wrong = await sendTip("/ko/tips/new", [["photo.png", text]]);
    expect(wrong.status).toBe(400);
    expect(wrong.data.fields.attachments).toBe(
      "“photo.png” 파일은 이미지(JPEG, PNG, WebP, GIF)나 PDF가 아닙니다. 아무것도 저장되지 않았습니다. 파일을 다시 선택해 주세요.",
    );
    const empty = await sendTip("/zh-Hant/tips/new", [["blank.pdf", Buffer.alloc(0)]]);
    expect(empty.data.fields.attachments).toContain("「blank.pdf」是空白檔案。");
    const many = await sendTip(
      "/ru/tips/new",
      Array.from({ length: 6 }, (_, i) => [`f${i}.pdf`, text] as [string, Buffer]),
    );
    expect(many.data.fields.attachments).toContain("К одному сообщению можно приложить не более 5 файлов.");
    // English pages keep the precise English messages.
    const en = await sendTip("/tips/new", [["photo.png", text]]);
    expect(en.data.fields.attachments).toMatch(/^"photo\.png" is not an image/);
    const after = await db().selectFrom("tips").select(db().fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });
});
