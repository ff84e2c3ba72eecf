import { isNonStateArea, seatLabel } from "./seats";

describe("seatLabel", () => {
  it("names a numbered district by state and number", () => {
    expect(seatLabel("CA", 12)).toBe("CA-12");
    expect(seatLabel("NY", 1)).toBe("NY-1");
  });

  it("names a state's single at-large seat with -AL", () => {
    expect(seatLabel("VT", 0)).toBe("VT-AL");
    expect(seatLabel("WY", 0)).toBe("WY-AL");
  });

  it("names DC and the territories by their code alone, filled or vacant", () => {
    for (const area of ["DC", "PR", "GU", "VI", "AS", "MP"]) {
      expect(seatLabel(area, 0)).toBe(area);
      expect(seatLabel(area, 98)).toBe(area);
      expect(isNonStateArea(area)).toBe(true);
    }
    expect(isNonStateArea("VT")).toBe(false);
  });

  it("names a senator's seat (no district) by the state", () => {
    expect(seatLabel("VT", null)).toBe("VT");
  });

  it("marks a district that the ZIP code leaves open", () => {
    expect(seatLabel("NY", -1)).toBe("NY-?");
  });
});
