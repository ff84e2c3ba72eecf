import { isNonStateArea, officeCode, seatLabel } from "./seats";

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

describe("officeCode", () => {
  it("names House and Senate offices the way CWC does", () => {
    expect(officeCode({ chamber: "house", state: "VT", district: 0 })).toBe("HVT00");
    expect(officeCode({ chamber: "house", state: "CA", district: 12 })).toBe("HCA12");
    expect(officeCode({ chamber: "house", state: "AS", district: 0 })).toBe("HAQ00");
    expect(officeCode({ chamber: "house", state: "DC", district: 98 })).toBe("HDC00");
    expect(officeCode({ chamber: "senate", state: "VT", senateClass: 1 })).toBe("SVT01");
    expect(officeCode({ chamber: "senate", state: "AK", senateClass: 2 })).toBe("SAK02");
  });
});
