import { markdownToParagraphs, plainTemplate } from "./letter-text";
import {
  applyMergeFields,
  composeLetter,
  mailingAddress,
  mergeFieldProblems,
  salutationFor,
  type MemberRecipient,
  type Recipient,
  type Sender,
} from "./letters";
import { templateFormSchema } from "./letters.schema";

const member = (over: Partial<MemberRecipient> = {}): Recipient => ({
  kind: "house",
  bioguide: "B001318",
  title: "Representative",
  fullName: "Becca Balint",
  lastName: "Balint",
  state: "VT",
  district: 0,
  address: "1510 Longworth House Office Building Washington DC 20515-4500",
  office: null,
  phone: null,
  contactForm: null,
  url: null,
  ...over,
});
const official = (salutation: string): Recipient => ({
  kind: "official",
  officialId: 1,
  key: "president",
  name: "The President of the United States",
  title: "President",
  organization: "The White House",
  salutation,
  addressLines: ["The White House", "1600 Pennsylvania Avenue NW", "Washington, DC 20500"],
  url: null,
});
const sender: Sender = {
  firstName: "Jane",
  lastName: "Doe",
  street: "12 Main St",
  city: "Burlington",
  state: "VT",
  zip: "05401",
};

describe("salutations", () => {
  it.each([
    [
      member({
        kind: "senate",
        title: "Senator",
        fullName: "Bernard Sanders",
        lastName: "Sanders",
        district: null,
      } as never),
      "Dear Senator Sanders",
    ],
    [member(), "Dear Representative Balint"],
    [
      member({ title: "Delegate", fullName: "Eleanor Holmes Norton", lastName: "Norton", state: "DC" }),
      "Dear Delegate Norton",
    ],
    [
      member({
        title: "Resident Commissioner",
        fullName: "Pablo José Hernández Rivera",
        lastName: "Hernández Rivera",
        state: "PR",
      }),
      "Dear Resident Commissioner Hernández Rivera",
    ],
    [official("Dear Mr. President"), "Dear Mr. President"],
    [official("Dear Madam President,"), "Dear Madam President"],
    [official("Dear Archivist of the United States"), "Dear Archivist of the United States"],
  ])("%#: %s", (recipient, expected) => {
    expect(salutationFor(recipient)).toBe(expected);
  });
});

describe("merge fields", () => {
  it("names an unknown field and a broken one", () => {
    expect(mergeFieldProblems("Hi {{supporter.first_name}} {{supporter.shoe_size}}")[0]).toMatch(
      /\{\{supporter\.shoe_size\}\}/,
    );
    expect(mergeFieldProblems("Hi {{supporter.first_name")[0]).toMatch(/not closed/);
    expect(mergeFieldProblems("Hi {{ recipient.last_name }}")).toEqual([]);
  });
  it("is refused by the template schema with the field named", () => {
    const r = templateFormSchema.safeParse({
      target: "senate",
      subject: "S",
      bodyMd: "Dear {{recipient.nickname}}",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["bodyMd"]);
    expect(r.error?.issues[0].message).toContain("{{recipient.nickname}}");
  });
  it("inserts values as plain text, never as markup", () => {
    expect(
      applyMergeFields("Hello {{supporter.first_name}}", { "supporter.first_name": "**<b>x</b>**" } as never),
    ).toBe("Hello **<b>x</b>**");
  });
});

describe("letters", () => {
  it("reduces markdown to paragraphs and keeps HTML literal", () => {
    expect(
      markdownToParagraphs("A **bold** [link](https://x.org) <script>x</script>\n\n- one\n- two"),
    ).toEqual(["A bold link (https://x.org) <script>x</script>", "- one\n- two"]);
  });
  it("composes salutation, body, personal paragraph and signature", () => {
    const t = plainTemplate({
      subject: "For {{recipient.title}} {{recipient.last_name}} ({{recipient.district}})",
      bodyMd: "I live in {{supporter.city}}, {{supporter.state}}.\n\nPlease act.",
    });
    const letter = composeLetter(
      t,
      { ...sender, firstName: "*Jane*" },
      member(),
      "  My uncle.\r\n\r\n\r\n\r\nThank you.  ",
    );
    expect(letter.subject).toBe("For Representative Balint (VT-AL)");
    expect(letter.body).toBe(
      "Dear Representative Balint,\n\nI live in Burlington, VT.\n\nPlease act.\n\nMy uncle.\n\nThank you.\n\nSincerely,\n*Jane* Doe\nBurlington, VT 05401",
    );
  });
  it("addresses members and officials for the envelope", () => {
    expect(mailingAddress(member())).toEqual([
      "The Honorable Becca Balint",
      "U.S. House of Representatives",
      "1510 Longworth House Office Building",
      "Washington, DC 20515-4500",
    ]);
    expect(mailingAddress(member({ address: null, fullName: "James Gallagher" }))).toEqual([
      "The Honorable James Gallagher",
      "U.S. House of Representatives",
      "Washington, DC 20515",
    ]);
    expect(mailingAddress(official("Dear Mr. President"))[0]).toBe("The President of the United States");
  });
});
