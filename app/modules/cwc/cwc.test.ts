import { letterParts } from "~/modules/letters/letters";
import { deliveryIdFrom, maintenanceMinutesLeft } from "./cwc";

describe("the chambers' maintenance windows (Eastern time)", () => {
  it("House: daily 00:00-06:00", () => {
    // 2026-12-02 is a Wednesday; EST is UTC-5
    expect(maintenanceMinutesLeft("house", new Date("2026-12-02T05:00:00Z"))).toBe(360); // 00:00 ET
    expect(maintenanceMinutesLeft("house", new Date("2026-12-02T10:59:00Z"))).toBe(1); // 05:59 ET
    expect(maintenanceMinutesLeft("house", new Date("2026-12-02T11:00:00Z"))).toBe(0); // 06:00 ET
    expect(maintenanceMinutesLeft("house", new Date("2026-12-02T04:59:00Z"))).toBe(0); // 23:59 ET the day before
  });

  it("Senate: Sunday 00:00-06:00 and Wednesday 05:00-07:00", () => {
    expect(maintenanceMinutesLeft("senate", new Date("2026-12-02T10:30:00Z"))).toBe(90); // Wed 05:30 ET
    expect(maintenanceMinutesLeft("senate", new Date("2026-12-02T12:00:00Z"))).toBe(0); // Wed 07:00 ET
    expect(maintenanceMinutesLeft("senate", new Date("2026-12-06T06:00:00Z"))).toBe(300); // Sun 01:00 ET
    expect(maintenanceMinutesLeft("senate", new Date("2026-12-03T06:00:00Z"))).toBe(0); // Thu 01:00 ET
    // summer time (EDT, UTC-4)
    expect(maintenanceMinutesLeft("house", new Date("2027-07-01T09:00:00Z"))).toBe(60); // 05:00 EDT
  });
});

describe("DeliveryId", () => {
  it("is 32 characters of [A-Za-z0-9]", () => {
    const id = deliveryIdFrom(new Uint8Array(32).map((_, i) => i * 37));
    expect(id).toMatch(/^[A-Za-z0-9]{32}$/);
  });
});

describe("a stored letter's parts for CWC", () => {
  it("the template's paragraphs and the writer's paragraph, without salutation and signature", () => {
    const body =
      "Dear Senator Sanders,\n\nFirst paragraph.\n\nSecond paragraph.\n\nMy uncle never came home.\n\nSincerely,\nAda Writer\nBurlington, VT 05401";
    expect(letterParts(body, "My uncle never came home.\r\n")).toEqual({
      statement: "First paragraph.\n\nSecond paragraph.",
      note: "My uncle never came home.",
    });
    expect(letterParts("Dear Sir or Madam,\n\nOnly this.\n\nSincerely,\nA\nB", "")).toEqual({
      statement: "Only this.",
      note: "",
    });
  });
});
