import { countedCents, dollarsToCents, donationStatus, formatCents, giftStatus } from "./donations";

describe("dollarsToCents", () => {
  it("reads plain amounts as whole cents", () => {
    expect(dollarsToCents("25")).toBe(2500);
    expect(dollarsToCents("25.5")).toBe(2550);
    expect(dollarsToCents("$1,000.05")).toBe(100005);
    expect(dollarsToCents(" 0.01 ")).toBe(1);
  });
  it("refuses negative, exponent, fractional-cent and junk amounts", () => {
    for (const bad of ["-5", "1e9", "10.005", "", "abc", "1.2.3", "NaN", "Infinity", "0x10"])
      expect(dollarsToCents(bad), bad).toBeNull();
  });
});

describe("gift status", () => {
  it("ends refunded whatever order the facts arrive in", () => {
    expect(
      giftStatus({ paidAt: null, failedAt: null, refundedAt: 1, disputedAt: null, disputeOutcome: null }),
    ).toBe("refunded");
    expect(
      giftStatus({ paidAt: 1, failedAt: null, refundedAt: 1, disputedAt: null, disputeOutcome: null }),
    ).toBe("refunded");
  });
  it("counts a dispute won as money kept", () => {
    expect(
      giftStatus({ paidAt: 1, failedAt: null, refundedAt: null, disputedAt: 1, disputeOutcome: "won" }),
    ).toBe("succeeded");
    expect(
      giftStatus({ paidAt: 1, failedAt: null, refundedAt: null, disputedAt: 1, disputeOutcome: "lost" }),
    ).toBe("disputed");
  });
  it("counts only succeeded money, less partial refunds", () => {
    expect(countedCents({ status: "succeeded", amountCents: 5000, refundedCents: 1000 })).toBe(4000);
    expect(countedCents({ status: "refunded", amountCents: 5000, refundedCents: 5000 })).toBe(0);
  });
  it("labels donations", () => {
    expect(donationStatus({ frequency: "monthly", canceledAt: null, completedAt: new Date() }, [])).toBe(
      "active",
    );
    expect(donationStatus({ frequency: "one_time", canceledAt: null, completedAt: null }, ["refunded"])).toBe(
      "refunded",
    );
    expect(formatCents(2500)).toBe("$25");
    expect(formatCents(2550)).toBe("$25.50");
  });
});
