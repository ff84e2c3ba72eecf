import { initials, searchWords, toPrefixQuery } from "./cases";

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

describe("searchWords", () => {
  it("keeps Hangul composed, Russian letters Russian, and Chinese whole", () => {
    expect(searchWords("평양에서 삼촌")).toEqual(["평양에서", "삼촌"]);
    expect(searchWords("Николай Логан")).toEqual(["николай", "логан"]);
    expect(searchWords("山姆·洛根")).toEqual(["山姆", "洛根"]);
    expect(toPrefixQuery("로건")).toBe("로건:*");
  });
});

describe("initials", () => {
  it("takes first and last names, skipping ranks", () => {
    expect(initials("Sgt. Richard Desautels")).toBe("RD");
    expect(initials('"The Horse"')).toBe("TH");
  });
});
