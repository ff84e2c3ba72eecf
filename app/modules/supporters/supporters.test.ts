import { canonicalEmail, emailDomain } from "./supporters";

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
