import { canonicalEmail, emailDomain, mailboxKey } from "./supporters";

describe("canonicalEmail", () => {
  it("lower-cases any address", () => {
    expect(canonicalEmail("  Jane.Doe+News@Example.ORG ")).toBe("jane.doe+news@example.org");
  });
  it("removes dots and +tags for Gmail and Googlemail and unifies the domain", () => {
    expect(canonicalEmail("J.a.n.e+petition@GoogleMail.com")).toBe("jane@gmail.com");
    expect(canonicalEmail("jane@gmail.com")).toBe("jane@gmail.com");
  });
  it("finds the domain", () => {
    expect(emailDomain("a@Mailinator.com")).toBe("mailinator.com");
  });
});

describe("mailboxKey", () => {
  it("ignores case and +tags for every domain, and Gmail's dots", () => {
    expect(mailboxKey(" Jane.Doe+News@Example.ORG")).toBe("jane.doe@example.org");
    expect(mailboxKey("jane.doe+1@example.org")).toBe(mailboxKey("JANE.DOE+2@example.org"));
    expect(mailboxKey("J.a.n.e+petition@GoogleMail.com")).toBe("jane@gmail.com");
    expect(mailboxKey("jane.doe@example.org")).not.toBe(mailboxKey("janedoe@example.org"));
  });
});
