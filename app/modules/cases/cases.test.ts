import { initials, toPrefixQuery } from "./cases";

describe("toPrefixQuery", () => {
  it("turns words into prefix terms joined by AND", () => {
    expect(toPrefixQuery("Des saut")).toBe("des:* & saut:*");
  });
  it("drops query syntax and returns null for nothing searchable", () => {
    expect(toPrefixQuery("!:*&|'()")).toBeNull();
    expect(toPrefixQuery("o'brien & (x)")).toBe("o:* & brien:* & x:*");
  });
  it("folds accents", () => {
    expect(toPrefixQuery("Désautels")).toBe("desautels:*");
  });
});

describe("initials", () => {
  it("takes first and last names, skipping ranks", () => {
    expect(initials("Sgt. Richard Desautels")).toBe("RD");
    expect(initials('"The Horse"')).toBe("TH");
  });
});
