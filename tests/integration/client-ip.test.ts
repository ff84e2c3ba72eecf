import { env, overrideEnv } from "~/env.server";
import { forgetAbuseLimits, ipLimitPerHour } from "~/modules/petitions/petition-settings.server";
import { setSetting } from "~/modules/settings/settings.server";
import { makePetition, signatureRows, signer, startApi, zipDistricts } from "../support/petitions";

/**
 * Issue 10 item 9, through the real Express app: loopback is exempt from abuse limits only when
 * configured (never by default in production), IPv6 visitors are limited by their /64, and
 * X-Forwarded-For from a proxy that is not trusted is ignored, with a warning.
 */
let api: Awaited<ReturnType<typeof startApi>>;
const original = { ...env() };
beforeAll(async () => {
  api = await startApi();
  await zipDistricts([{ zip: "05401", state: "VT", district: 0 }]);
  await setSetting(ipLimitPerHour, 3, null);
  forgetAbuseLimits();
});
afterAll(async () => {
  overrideEnv({
    TRUST_PROXY: original.TRUST_PROXY,
    RATE_LIMIT_ALLOW: original.RATE_LIMIT_ALLOW,
    LOG_LEVEL: original.LOG_LEVEL,
  });
  await api?.close();
});

async function sign(slug: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${api.url}/api/v1/petitions/${slug}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(signer()),
  });
  expect(res.status).toBe(202);
}

const states = async (petitionId: number) =>
  (await signatureRows(petitionId)).map((s) => (s.state === "fraudulent" ? s.fraudReason : s.state));

describe("the loopback exemption", () => {
  it("is off with the production default (no RATE_LIMIT_ALLOW): a same-host proxy's visitors are limited", async () => {
    overrideEnv({ TRUST_PROXY: 0, RATE_LIMIT_ALLOW: "" });
    const p = await makePetition();
    for (let i = 0; i < 5; i++) await sign(p.slug);
    expect(await states(p.petitionId)).toEqual(["pending", "pending", "pending", "ip_limit", "ip_limit"]);
  });

  it("is on only where configured (the development default)", async () => {
    overrideEnv({ TRUST_PROXY: 0, RATE_LIMIT_ALLOW: "127.0.0.1,::1" });
    const p = await makePetition();
    for (let i = 0; i < 5; i++) await sign(p.slug);
    expect(await states(p.petitionId)).toEqual(["pending", "pending", "pending", "pending", "pending"]);
  });
});

describe("IPv6 visitors behind a trusted proxy", () => {
  it("count by their /64, however the address is written", async () => {
    overrideEnv({ TRUST_PROXY: 1, RATE_LIMIT_ALLOW: "" });
    const p = await makePetition();
    for (const a of [
      "2001:db8:aa:bb::1",
      "2001:db8:aa:bb:1::2",
      "2001:0db8:00aa:00bb:ffff:ffff:ffff:fffe",
      "2001:DB8:AA:BB::9",
      "2001:db8:aa:bc::1",
    ]) {
      await sign(p.slug, { "x-forwarded-for": `198.51.100.200, ${a}` });
    }
    expect(await states(p.petitionId)).toEqual(["pending", "pending", "pending", "ip_limit", "pending"]);
  });
});

describe("X-Forwarded-For from a proxy that is not trusted", () => {
  it("is ignored, and the first such request logs one warning naming TRUST_PROXY", async () => {
    overrideEnv({ TRUST_PROXY: 0, RATE_LIMIT_ALLOW: "", LOG_LEVEL: "warn" });
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const p = await makePetition();
      for (let i = 0; i < 4; i++) await sign(p.slug, { "x-forwarded-for": `203.0.113.${i + 1}` });
      // All four came from the proxy's (loopback) address, whatever the header said.
      expect(await states(p.petitionId)).toEqual(["pending", "pending", "pending", "ip_limit"]);
    } finally {
      spy.mockRestore();
      overrideEnv({ LOG_LEVEL: "silent" });
    }
    const warnings = written.filter((w) => w.includes("X-Forwarded-For"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/WARN .*TRUST_PROXY=0/);
  });
});
