import { z } from "zod";
import { donationFormSchema } from "~/modules/donations/donations.schema";
import { letterFormSchema } from "~/modules/letters/letters.schema";
import { loginSchema } from "~/modules/organizers/organizers.schema";
import { signatureSchema } from "~/modules/petitions/petitions.schema";
import { tipFormSchema } from "~/modules/tips/tips.schema";
import {
  email,
  freeText,
  fullName,
  isPostcode,
  NAME_MAX,
  normalizeEmail,
  optionalEmail,
  optionalFullName,
  personName,
  usZip,
  usZip5,
} from "./fields.schema";

const ok = <T extends z.ZodType>(schema: T, value: unknown) => schema.parse(value) as z.output<T>;
const problem = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0].message;
};

describe("personName", () => {
  const first = personName("first name");
  it("trims, and takes letters of any script with whatever else a name is written with", () => {
    expect(ok(first, "  Mary-Jane ")).toBe("Mary-Jane");
    for (const n of ["O'Brien", "Nguyễn", "김", "J. R.", "D’Arcy", "John 3rd", "Jo<b>"])
      expect(ok(first, n)).toBe(n);
  });
  it("refuses empty, too long, control characters and names that do not start with a letter", () => {
    expect(problem(first, " ")).toBe("Enter your first name.");
    expect(ok(first, "a".repeat(NAME_MAX))).toHaveLength(NAME_MAX);
    expect(problem(first, "a".repeat(NAME_MAX + 1))).toBe("Your first name is at most 80 characters.");
    expect(problem(first, "Ann\u0000")).toMatch(/cannot accept/);
    for (const bad of ["12345", "<>!", '=HYPERLINK("http://evil.example")', "+1", "-Ann", "@me", " 'quoted"])
      expect(problem(first, bad)).toBe("Start your first name with a letter.");
  });
});

describe("fullName", () => {
  it("is required or optional (empty is null), at most 120 printable characters", () => {
    expect(ok(fullName(), " Jane Doe ")).toBe("Jane Doe");
    expect(problem(fullName("Enter your name."), "")).toBe("Enter your name.");
    expect(problem(fullName(), "x".repeat(121))).toBe("Names are at most 120 characters.");
    expect(ok(optionalFullName, "")).toBeNull();
    expect(ok(optionalFullName, undefined)).toBeNull();
    expect(ok(optionalFullName, "The Smith Family Trust, Inc.")).toBe("The Smith Family Trust, Inc.");
    expect(problem(optionalFullName, "a\u001bb")).toMatch(/cannot accept/);
  });
});

describe("email", () => {
  it("keeps the address as typed (trimmed), and compares every address the same way: lower-cased", () => {
    expect(ok(email(), " Jane.Doe@Example.ORG ")).toBe("Jane.Doe@Example.ORG");
    expect(ok(optionalEmail, " Jane@Example.org ")).toBe("Jane@Example.org");
    expect(normalizeEmail("  Jane.Doe@Example.ORG ")).toBe("jane.doe@example.org");
  });
  it("refuses empty (when required), too long and malformed addresses", () => {
    expect(problem(email("Enter your email address."), "")).toBe("Enter your email address.");
    expect(problem(email(), "not-an-address")).toMatch(/like name@example.org/);
    expect(problem(email(), `${"a".repeat(250)}@example.org`)).toMatch(/at most 254/);
    expect(ok(optionalEmail, "")).toBeNull();
    expect(ok(optionalEmail, undefined)).toBeNull();
    expect(problem(optionalEmail, "nope")).toMatch(/or leave it empty/);
  });
});

describe("US ZIP codes and postcodes", () => {
  it("takes a ZIP or ZIP+4, with or without the hyphen, and normalises it", () => {
    expect(ok(usZip(), " 05401 ")).toBe("05401");
    expect(ok(usZip(), "05401-1234")).toBe("05401-1234");
    expect(ok(usZip(), "054011234")).toBe("05401-1234");
    expect(ok(usZip5(), "05401-1234")).toBe("05401");
  });
  it("refuses anything else", () => {
    expect(problem(usZip("Enter your ZIP code."), "")).toBe("Enter your ZIP code.");
    for (const bad of ["0540", "054012", "ABCDE", "05401-12", "05401 1234"])
      expect(problem(usZip(), bad)).toMatch(/5 digits/);
  });
  it("takes international postcodes of letters, digits, spaces and hyphens", () => {
    expect(["SW1A 1AA", "10117", "K1A 0B1", "100-0001"].every(isPostcode)).toBe(true);
    expect(["X", "<b>", "1234567890123"].some(isPostcode)).toBe(false);
  });
});

describe("freeText", () => {
  it("trims, keeps line breaks, refuses control characters and over-long text", () => {
    const comment = freeText("Your comment", 10);
    expect(ok(comment, " two\nlines ")).toBe("two\nlines");
    expect(problem(comment, "a".repeat(11))).toBe("Your comment is at most 10 characters.");
    expect(problem(comment, "bell\u0007")).toMatch(/cannot accept/);
  });
});

describe("every form uses the same rules", () => {
  const long = "a".repeat(NAME_MAX + 1);
  it("names: the same limit on the petition and the letter forms", () => {
    const sign = signatureSchema.safeParse({
      firstName: long,
      lastName: "Doe",
      email: "a@example.org",
      zip: "05401",
    });
    const letter = letterFormSchema.safeParse({ firstName: long, lastName: "Doe" });
    expect(sign.error?.issues.find((i) => i.path[0] === "firstName")?.message).toBe(
      "Your first name is at most 80 characters.",
    );
    expect(letter.error?.issues.find((i) => i.path[0] === "firstName")?.message).toBe(
      "Your first name is at most 80 characters.",
    );
    expect(
      signatureSchema.safeParse({
        firstName: "a".repeat(NAME_MAX),
        lastName: "Doe",
        email: "a@example.org",
        zip: "05401",
      }).success,
    ).toBe(true);
  });

  it("email addresses: the same rule on petitions, letters, donations, tips and sign-in", () => {
    const address = " Jane@Example.ORG ";
    expect(
      signatureSchema.parse({ firstName: "Jane", lastName: "Doe", email: address, zip: "05401" }).email,
    ).toBe("Jane@Example.ORG");
    const letter = letterFormSchema.safeParse({ email: address });
    expect(letter.error?.issues.some((i) => i.path[0] === "email")).toBe(false);
    const limits = { minCents: 100, maxCents: 100_000, presetsCents: [2500] };
    expect(
      donationFormSchema(limits).parse({ nonce: "n".repeat(16), amount: "2500", email: address }).email,
    ).toBe("Jane@Example.ORG");
    expect(tipFormSchema.parse({ body: "I know something.", email: address }).email).toBe("Jane@Example.ORG");
    expect(loginSchema.parse({ email: address, password: "x" }).email).toBe("Jane@Example.ORG");
    const tooLong = `${"a".repeat(250)}@example.org`;
    for (const r of [
      signatureSchema.safeParse({ email: tooLong }),
      letterFormSchema.safeParse({ email: tooLong }),
      tipFormSchema.safeParse({ body: "x", email: tooLong }),
      loginSchema.safeParse({ email: tooLong }),
    ]) {
      expect(r.error?.issues.find((i) => i.path[0] === "email")?.message).toBe(
        "Email addresses are at most 254 characters.",
      );
    }
  });

  it("ZIP codes: ZIP+4 with or without the hyphen on petitions and letters; postcodes abroad", () => {
    const base = { firstName: "Jane", lastName: "Doe", email: "a@example.org" };
    expect(signatureSchema.parse({ ...base, zip: "054011234" }).zip).toBe("05401-1234");
    expect(signatureSchema.parse({ ...base, country: "GB", zip: "SW1A 1AA" }).zip).toBe("SW1A 1AA");
    expect(signatureSchema.safeParse({ ...base, zip: "SW1A 1AA" }).success).toBe(false);
    const letter = letterFormSchema.safeParse({ zip: "054011234" });
    expect(letter.error?.issues.some((i) => i.path[0] === "zip")).toBe(false);
  });
});
