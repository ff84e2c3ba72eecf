import fontsKo from "~/styles/fonts-ko.css";
import fontsZhHans from "~/styles/fonts-zh-hans.css";
import { usePageLocale } from "./use-locale";

/** The language to mark a name written in one script with (Han characters: Chinese). */
function scriptLang(text: string): string | undefined {
  if (/\p{Script=Hangul}/u.test(text)) return "ko";
  if (/\p{Script=Han}/u.test(text)) return "zh";
  if (/\p{Script=Cyrillic}/u.test(text)) return "ru";
  return undefined;
}

/**
 * A name in other scripts ("샘 로건 · Сэм Логан · 山姆·洛根"): each part marked with its own
 * language, and the Hangul or Chinese font loaded when the page itself does not load it.
 */
export function NameVariants({ text }: { text: string }) {
  const locale = usePageLocale();
  const chinesePage = locale.startsWith("zh");
  // A part in the page's own language (or Chinese on a Chinese page) inherits the page's lang.
  const langOf = (part: string) => {
    const lang = scriptLang(part);
    return lang === locale || (lang === "zh" && chinesePage) ? undefined : lang;
  };
  const parts = text.split(/\s+[·,;]\s+|\s*[,;]\s*/).filter(Boolean);
  const langs = new Set(parts.map(langOf));
  return (
    <>
      {langs.has("ko") ? <link rel="stylesheet" href={fontsKo} /> : null}
      {langs.has("zh") ? <link rel="stylesheet" href={fontsZhHans} /> : null}
      {parts.map((part, i) => (
        <span key={part}>
          {i ? " · " : ""}
          <span lang={langOf(part)}>{part}</span>
        </span>
      ))}
    </>
  );
}
