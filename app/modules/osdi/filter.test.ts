import { parseFilter } from "./filter";

const PEOPLE = { email_address: "string", postal_code: "string", modified_date: "date" } as const;

describe("parseFilter", () => {
  it("reads comparisons joined by and / or, and binding tighter, with parentheses", () => {
    const r = parseFilter(
      "email_address eq 'a@example.org' or postal_code eq '05401' and modified_date gt '2026-12-01'",
      PEOPLE,
    );
    expect(r).toEqual({
      ok: true,
      filter: {
        kind: "or",
        left: { kind: "cmp", field: "email_address", op: "eq", value: "a@example.org" },
        right: {
          kind: "and",
          left: { kind: "cmp", field: "postal_code", op: "eq", value: "05401" },
          right: { kind: "cmp", field: "modified_date", op: "gt", value: new Date("2026-12-01T00:00:00Z") },
        },
      },
    });
    const grouped = parseFilter(
      "(email_address eq 'a' OR email_address eq 'b') AND modified_date le 2026-12-01T10:00:00Z",
      PEOPLE,
    );
    expect(grouped.ok && grouped.filter?.kind).toBe("and");
  });

  it("keeps a doubled quote as one quote and answers no filter for an empty one", () => {
    expect(parseFilter("email_address eq 'o''neil@example.org'", PEOPLE)).toMatchObject({
      ok: true,
      filter: { value: "o'neil@example.org" },
    });
    expect(parseFilter("  ", PEOPLE)).toEqual({ ok: true, filter: null });
  });

  it.each([
    ["family_name eq 'Doe'", /Unknown field "family_name".*email_address, postal_code, modified_date/],
    ["substringof('a', email_address)", /Functions such as substringof\(\)/],
    ["email_address like 'a'", /Expected eq, ne/],
    ["email_address eq", /Expected a value/],
    ["email_address eq 'a", /not closed/],
    ["email_address eq a@example.org", /Quote the value/],
    ["modified_date gt 'yesterday'", /not an ISO 8601 date/],
    ["modified_date gt '2026-13-45'", /not an ISO 8601 date/],
    ["(email_address eq 'a'", /parenthesis is not closed/],
    ["email_address eq 'a' email_address eq 'b'", /Unexpected "email_address"/],
    ["'a' eq email_address", /Expected a field name/],
    ["email_address eq 'a'; drop table supporters", /Unexpected ";"/],
    [Array.from({ length: 21 }, () => "email_address eq 'a'").join(" or "), /at most 20 comparisons/],
    ["x".repeat(1001), /at most 1000 characters/],
  ])("refuses %s with a readable message", (input, message) => {
    const r = parseFilter(input, PEOPLE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
