import { petitionStatus, publicName, userAgentClass } from "./petitions";

describe("petition rules", () => {
  it("follows the campaign's status and the deadline", () => {
    expect(petitionStatus("live", null)).toBe("open");
    expect(petitionStatus("live", new Date(Date.now() - 1))).toBe("closed");
    expect(petitionStatus("won", null)).toBe("closed");
    expect(petitionStatus("draft", null)).toBe("draft");
  });
  it("shows first name and last initial, and classes user agents", () => {
    expect(publicName("Ruth", "oakley")).toBe("Ruth O.");
    expect(userAgentClass("curl/8.0")).toBe("tool");
    expect(userAgentClass("Mozilla/5.0 (X11; Linux x86_64) Chrome/120")).toBe("desktop");
  });
});
