/** "1 ZIP code", "33,791 ZIP codes": a figure with its noun, for people (never an internal key). */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** The words for each figure of a Members of Congress import; a figure without words is not shown. */
const CONGRESS_FIGURES: Array<{ key: string; one: string; many: string; onlyIfAny?: boolean }> = [
  { key: "legislators", one: "member of Congress", many: "members of Congress" },
  { key: "senators", one: "senator", many: "senators" },
  { key: "representatives", one: "representative", many: "representatives" },
  { key: "nonVoting", one: "non-voting delegate", many: "non-voting delegates" },
  { key: "vacantSeats", one: "vacant House seat", many: "vacant House seats", onlyIfAny: true },
  { key: "offices", one: "district office", many: "district offices" },
  { key: "zips", one: "ZIP code", many: "ZIP codes" },
  { key: "zipRows", one: "ZIP-to-district pairing", many: "ZIP-to-district pairings" },
  { key: "skippedLegislators", one: "member skipped", many: "members skipped", onlyIfAny: true },
  { key: "skippedOffices", one: "office skipped", many: "offices skipped", onlyIfAny: true },
  { key: "skippedZipRows", one: "ZIP row skipped", many: "ZIP rows skipped", onlyIfAny: true },
];

/** An import's figures as a sentence fragment: "535 members of Congress, 100 senators, …, 33,791 ZIP codes". */
export function congressFigures(counts: Record<string, number>): string {
  return CONGRESS_FIGURES.filter(
    (f) => typeof counts[f.key] === "number" && (!f.onlyIfAny || counts[f.key] > 0),
  )
    .map((f) => countOf(counts[f.key], f.one, f.many))
    .join(", ");
}

/** "$1,250" from cents, for people (whole dollars unless there are cents). */
export function dollars(cents: number): string {
  return (cents / 100).toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  });
}

const plain = (n: number) => n.toLocaleString("en-US");

/** The words for each dashboard figure: its table heading, its figure in a table cell, and as a sentence. */
export const METRIC_WORDS: Record<
  string,
  { heading: string; figure: (n: number) => string; read: (n: number) => string }
> = {
  signatures: {
    heading: "Confirmed signatures",
    figure: plain,
    read: (n) => countOf(n, "confirmed signature", "confirmed signatures"),
  },
  letters: { heading: "Letters sent", figure: plain, read: (n) => countOf(n, "letter sent", "letters sent") },
  calls: {
    heading: "Calls reported",
    figure: plain,
    read: (n) => countOf(n, "call reported", "calls reported"),
  },
  gifts: { heading: "Gifts", figure: plain, read: (n) => countOf(n, "gift", "gifts") },
  given: { heading: "Given", figure: dollars, read: (n) => `${dollars(n)} given` },
  tips: { heading: "Tips", figure: plain, read: (n) => countOf(n, "tip", "tips") },
};
