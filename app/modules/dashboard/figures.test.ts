import { congressFigures, countOf } from "./figures";

describe("figures for people", () => {
  it("names each figure in words, with thousands separators and singulars", () => {
    expect(countOf(33791, "ZIP code", "ZIP codes")).toBe("33,791 ZIP codes");
    expect(countOf(1, "ZIP code", "ZIP codes")).toBe("1 ZIP code");
  });

  it("never prints an internal key, and leaves out empty skip counts and unknown figures", () => {
    const text = congressFigures({
      legislators: 538,
      senators: 100,
      representatives: 432,
      nonVoting: 6,
      offices: 900,
      zips: 33791,
      zipRows: 41000,
      skippedLegislators: 0,
      skippedOffices: 2,
      skippedZipRows: 0,
      vacantSeats: 3,
      someNewInternalKey: 7,
    });
    expect(text).toBe(
      "538 members of Congress, 100 senators, 432 representatives, 6 non-voting delegates, 3 vacant House seats, 900 district offices, 33,791 ZIP codes, 41,000 ZIP-to-district pairings, 2 offices skipped",
    );
    expect(text).not.toMatch(/zipRows|nonVoting|someNewInternalKey|[a-z][A-Z]/);
  });
});
