import { availableTransitions, isPublic, nextStatus } from "./campaigns";

describe("campaign status transitions", () => {
  it("publishes drafts only", () => {
    expect(nextStatus("draft", "publish")).toBe("live");
    expect(nextStatus("live", "publish")).toBeNull();
  });
  it("closes, reopens and marks won from the right states", () => {
    expect(nextStatus("live", "close")).toBe("closed");
    expect(nextStatus("closed", "reopen")).toBe("live");
    expect(nextStatus("closed", "mark-won")).toBe("won");
    expect(nextStatus("won", "reopen")).toBeNull();
    expect(availableTransitions("won")).toEqual([]);
    expect(availableTransitions("live")).toEqual(["close", "mark-won"]);
  });
  it("hides drafts from the public", () => {
    expect(isPublic("draft")).toBe(false);
    expect(isPublic("won")).toBe(true);
  });
});
