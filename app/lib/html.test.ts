import { escapeHtml } from "./html";

describe("escapeHtml", () => {
  it("escapes the characters that end content or a quoted attribute", () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe(
      "&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;",
    );
    expect(escapeHtml(`O'Brien & Sons`)).toBe("O&#39;Brien &#38; Sons");
  });

  it("leaves other text as it is, and escapes an escaped text again", () => {
    expect(escapeHtml("Jane Doe, Burlington — 서울")).toBe("Jane Doe, Burlington — 서울");
    expect(escapeHtml("&#60;")).toBe("&#38;#60;");
  });
});
