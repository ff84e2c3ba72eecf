import { marked, type Token, type Tokens } from "marked";
import type { PlainTemplate } from "./letters";

/*
 * A letter goes out as plain text (contact forms, PDF, email copy), so the organizer's markdown
 * is reduced to paragraphs of text: emphasis dropped, links as "text (address)", lists as
 * "- item". HTML in the template stays literal text. Merge fields pass through untouched and are
 * filled in afterwards, so nothing a supporter types is ever read as markdown.
 */

function inline(tokens: Token[] | undefined): string {
  if (!tokens) return "";
  return tokens
    .map((t) => {
      switch (t.type) {
        case "link": {
          const l = t as Tokens.Link;
          const text = inline(l.tokens);
          return text && text !== l.href ? `${text} (${l.href})` : l.href;
        }
        case "br":
          return "\n";
        case "strong":
        case "em":
        case "del":
          return inline((t as Tokens.Strong).tokens);
        case "codespan":
          return (t as Tokens.Codespan).text;
        case "image":
          return (t as Tokens.Image).text;
        default: {
          const withTokens = t as { tokens?: Token[]; raw: string; text?: string };
          if (withTokens.tokens?.length) return inline(withTokens.tokens);
          return withTokens.raw ?? withTokens.text ?? "";
        }
      }
    })
    .join("");
}

function block(t: Token, out: string[]) {
  switch (t.type) {
    case "space":
    case "hr":
      return;
    case "heading":
    case "paragraph":
      out.push(inline((t as Tokens.Paragraph).tokens).trim());
      return;
    case "list": {
      const list = t as Tokens.List;
      const start = typeof list.start === "number" ? list.start : 1;
      out.push(
        list.items
          .map(
            (item, i) =>
              `${list.ordered ? `${start + i}.` : "-"} ${item.tokens
                .map((x) =>
                  x.type === "text" || x.type === "paragraph"
                    ? inline((x as Tokens.Text).tokens ?? [x])
                    : x.raw,
                )
                .join(" ")
                .trim()}`,
          )
          .join("\n"),
      );
      return;
    }
    case "blockquote":
      for (const inner of (t as Tokens.Blockquote).tokens) block(inner, out);
      return;
    case "code":
      out.push((t as Tokens.Code).text);
      return;
    default:
      out.push(t.raw.trim());
  }
}

/** The template's markdown body as plain paragraphs (merge fields kept). */
export function markdownToParagraphs(markdown: string): string[] {
  const out: string[] = [];
  for (const t of marked.lexer(markdown.replace(/\r\n?/g, "\n"), { gfm: true })) block(t, out);
  return out.filter((p) => p.trim() !== "");
}

export function plainTemplate(t: { subject: string; bodyMd: string }): PlainTemplate {
  return { subject: t.subject, paragraphs: markdownToParagraphs(t.bodyMd) };
}
