import { fixedT } from "~/i18n/i18n.server";
import { reportMessage } from "./scorecard-call-messages.server";

const rate = (minutes: number) =>
  ({ ok: false, status: 429, reason: "rate", minutes, message: "English" }) as const;

describe("the call page's refusals in the page's language", () => {
  it("says the rate-limit wait with Russian plural forms", async () => {
    const t = await fixedT("ru");
    expect(reportMessage(t, rate(1))).toMatch(/Подождите 1 минуту\.$/);
    expect(reportMessage(t, rate(3))).toMatch(/Подождите 3 минуты\.$/);
    expect(reportMessage(t, rate(5))).toMatch(/Подождите 5 минут\.$/);
    expect(reportMessage(t, rate(21))).toMatch(/Подождите 21 минуту\.$/);
  });

  it("says an expired list in Korean and Chinese, and in English on English pages", async () => {
    const expired = { ok: false, status: 400, reason: "expired", message: "English" } as const;
    expect(reportMessage(await fixedT("ko"), expired)).toBe(
      "이 전화 목록은 만료되었습니다. 페이지를 새로고침한 뒤 다시 보고해 주세요.",
    );
    expect(reportMessage(await fixedT("zh-Hant"), expired)).toBe(
      "此通話名單已過期。請重新載入頁面後再回報。",
    );
    expect(reportMessage(await fixedT("en"), rate(1))).toBe(
      "Too many reports from your connection. Please wait 1 minute.",
    );
  });
});
