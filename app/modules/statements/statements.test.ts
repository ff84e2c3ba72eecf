import { officeCode } from "~/modules/legislators/seats";
import { isOfficeCode, parseOfficeCode, scriptPosition, supportersLast } from "./statements";

describe("office codes", () => {
  it.each([
    [
      { chamber: "senate", state: "VT", senateClass: 1 } as const,
      { chamber: "senate", state: "VT", district: null, senateClass: 1 },
    ],
    [
      { chamber: "house", state: "CA", district: 12 } as const,
      { chamber: "house", state: "CA", district: 12, senateClass: null },
    ],
    [
      { chamber: "house", state: "VT", district: 0 } as const,
      { chamber: "house", state: "VT", district: 0, senateClass: null },
    ],
    [
      { chamber: "house", state: "AS", district: 0 } as const,
      { chamber: "house", state: "AS", district: 0, senateClass: null },
    ],
  ])("parse back the seat officeCode names (%o)", (seat, parsed) => {
    expect(parseOfficeCode(officeCode(seat))).toEqual(parsed);
  });

  it.each(["", "VT", "SVT04", "SVT1", "HCA1", "hca12", "HCA123", "SVT01 "])("refuses %j", (code) => {
    expect(isOfficeCode(code)).toBe(false);
    expect(parseOfficeCode(code)).toBeNull();
  });
});

describe("call order and scripts", () => {
  it("lists those who support last, keeping the others' order", () => {
    const rows = [
      { k: 1, position: "supports" as const },
      { k: 2, position: null },
      { k: 3, position: "opposes" as const },
    ];
    expect(supportersLast(rows).map((r) => r.k)).toEqual([2, 3, 1]);
  });

  it("gives a target with no verified answer the no-response script", () => {
    expect(scriptPosition(null)).toBe("no_response");
    expect(scriptPosition("mixed")).toBe("mixed");
  });
});
