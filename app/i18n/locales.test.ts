import { scriptTags } from "./i18n.server";
import { i18nFor } from "./i18n.server";
import { isLocalizedPath } from "./page-languages.server";
import { formatRecordDate } from "./format";
import { localizedPath, splitLocalePath } from "./locales";
import { en } from "./resources/en";
import { ko } from "./resources/ko";
import { ru } from "./resources/ru";
import { zhHans } from "./resources/zh-Hans";
import { zhHant } from "./resources/zh-Hant";
import { localize } from "~/modules/translations/translations";
import { ago } from "~/modules/petitions/petitions";

describe("locale paths", () => {
  it("splits a prefixed path and leaves English unprefixed", () => {
    expect(splitLocalePath("/ko/cases/sam-logan")).toEqual({ locale: "ko", rest: "/cases/sam-logan" });
    expect(splitLocalePath("/zh-Hant")).toEqual({ locale: "zh-Hant", rest: "/" });
    expect(splitLocalePath("/cases")).toEqual({ locale: "en", rest: "/cases" });
    expect(splitLocalePath("/en/cases")).toEqual({ locale: "en", rest: "/en/cases" });
    expect(splitLocalePath("/zh/cases")).toEqual({ locale: "en", rest: "/zh/cases" });
    expect(localizedPath("ru", "/")).toBe("/ru");
    expect(localizedPath("en", "/about")).toBe("/about");
  });
  it("knows which pages are translated", () => {
    expect(isLocalizedPath("/cases/sam-logan")).toBe(true);
    expect(isLocalizedPath("/")).toBe(true);
    expect(isLocalizedPath("/donate")).toBe(false);
    expect(isLocalizedPath("/admin/tips")).toBe(false);
  });
});

describe("Accept-Language", () => {
  it("names Chinese by script: Taiwan and Hong Kong read Traditional, the mainland Simplified", () => {
    expect(scriptTags("zh-TW,zh;q=0.9,en;q=0.5")).toBe("zh-Hant,zh-Hans;q=0.9,en;q=0.5");
    expect(scriptTags("zh-HK")).toBe("zh-Hant");
    expect(scriptTags("zh-CN")).toBe("zh-Hans");
    expect(scriptTags("zh-Hant-TW;q=0.8")).toBe("zh-Hant-TW;q=0.8");
    expect(scriptTags("ko-KR,ko;q=0.9")).toBe("ko-KR,ko;q=0.9");
  });
});

describe("interface text", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === "object"
        ? keys(v, `${prefix}${k}.`)
        : [`${prefix}${k}`.replace(/_(one|few|many|other)$/, "")],
    );
  it.each([
    ["ko", ko],
    ["ru", ru],
    ["zh-Hans", zhHans],
    ["zh-Hant", zhHant],
  ])("%s has every English key", (_name, resource) => {
    expect(new Set(keys(resource))).toEqual(new Set(keys(en)));
  });
  it("uses Russian's four plural forms through Intl", async () => {
    const t = (await i18nFor("ru")).getFixedT("ru");
    expect(t("receipt.files", { count: 1 })).toBe("Вы приложили 1 файл.");
    expect(t("receipt.files", { count: 3 })).toBe("Вы приложили 3 файла.");
    expect(t("receipt.files", { count: 5 })).toBe("Вы приложили 5 файлов.");
    expect(t("receipt.files", { count: 21 })).toBe("Вы приложили 21 файл.");
  });
  it("writes the petition's counts and their age in each language", async () => {
    const t = (await i18nFor("ru")).getFixedT("ru");
    expect(t("petition.withdrawn", { count: 1 })).toBe("1 подпись отозвана.");
    expect(t("petition.withdrawn", { count: 3 })).toBe("3 подписи отозваны.");
    expect(t("petition.withdrawn", { count: 5 })).toBe("5 подписей отозвано.");
    expect(t("petition.pending", { count: 21 })).toBe(
      "Ещё 21 подпись ждёт подтверждения по электронной почте.",
    );
    expect(t("chart.hours", { count: 24 })).toBe("24 часа");
    const now = new Date("2026-12-02T12:00:00Z");
    const then = new Date("2026-12-02T11:55:00Z");
    expect(ago(then, now)).toBe("5 minutes ago");
    expect(ago(then, now, "ru")).toBe("5 минут назад");
    expect(ago(then, now, "ko")).toBe("5분 전");
    expect(ago(then, now, "zh-Hant")).toBe("5 分鐘前");
  });
});

describe("content fallback", () => {
  it("takes a translated field, falls back to English per field, and says so", () => {
    const r = localize("ko", { title: "Title", summary: "Summary" }, { title: "제목", summary: null });
    expect(r.text).toEqual({ title: "제목", summary: "Summary" });
    expect(r.lang).toEqual({ title: "ko", summary: "en" });
    expect(r.untranslated).toBe(true);
    expect(localize("en", { title: "Title" }, { title: "제목" }).text.title).toBe("Title");
  });
});

describe("record dates", () => {
  it("formats a year, a month or a day in the page's language, and leaves free text alone", () => {
    expect(formatRecordDate("1953-07-27", "ko")).toBe("1953년 7월 27일");
    expect(formatRecordDate("1953-07-27", "ru")).toBe("27 июля 1953 г.");
    expect(formatRecordDate("1953-07-27", "zh-Hant")).toBe("1953年7月27日");
    expect(formatRecordDate("1953", "zh-Hans")).toBe("1953年");
    expect(formatRecordDate("1953-07-27", "en")).toBe("July 27, 1953");
    expect(formatRecordDate("Wartime", "ko")).toBe("Wartime");
  });
});
