import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect: only same-origin paths", () => {
  const refused: Array<[string, unknown]> = [
    ["a tab before a second slash (the reported bypass)", "/\t/evil.example"],
    ["a newline before a second slash", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL byte", "/\u0000/evil.example"],
    ["a DEL", "/\u007f/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/admin"],
    ["slash backslash", "/\\evil.example"],
    ["backslash backslash", "\\\\evil.example"],
    ["backslash slash", "\\/evil.example"],
    ["three slashes", "///evil.example"],
    ["absolute http URL", "http://evil.example/admin"],
    ["absolute https URL", "https://evil.example"],
    ["scheme-relative with credentials", "//user@evil.example"],
    ["javascript: URL", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "admin"],
    ["a host-looking relative path", "evil.example"],
    ["the still-encoded tab form (as written in a URL)", "%09/evil.example"],
    ["an encoded double slash at the start", "%2F%2Fevil.example"],
    ["a leading space", " /admin"],
    ["an empty string", ""],
    ["not a string", 42],
    ["undefined", undefined],
    ["an array", ["/admin"]],
    ["an overlong value", `/${"a".repeat(2001)}`],
  ];
  it.each(refused)("refuses %s", (_label, input) => {
    expect(safeRedirect(input)).toBe("/admin");
    expect(safeRedirect(input, "/elsewhere")).toBe("/elsewhere");
  });

  const allowed: Array<[string, string]> = [
    ["/admin", "/admin"],
    ["/admin/campaigns/3?tab=letters#top", "/admin/campaigns/3?tab=letters#top"],
    ["/campaigns/dpaa-director", "/campaigns/dpaa-director"],
    // Encoded slashes stay encoded: a browser reads them as one path segment on this site.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/admin/../campaigns", "/campaigns"],
    ["/admin?next=//evil.example", "/admin?next=//evil.example"],
  ];
  it.each(allowed)("follows %s as %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it("never returns a value a browser would send to another host", () => {
    const nasty = [
      "/.//evil.example",
      "/./\t/evil.example",
      "/..//evil.example",
      "/%2e%2e//evil.example",
      "/%09/evil.example",
      "/\u2028/evil.example",
      "/\u00a0/evil.example",
    ];
    for (const input of nasty) {
      const out = safeRedirect(input);
      expect(new URL(out, "http://app.example").origin, input).toBe("http://app.example");
      expect(out.startsWith("//"), input).toBe(false);
    }
  });
});
