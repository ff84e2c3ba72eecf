import { EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("generates development secrets and says which", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.SESSION_SECRET).toHaveLength(64);
    expect(env.generated).toEqual(["SESSION_SECRET", "IP_HASH_SECRET"]);
    expect(env.isProduction).toBe(false);
  });
  it("names the bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT: /);
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL: /);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET: must be at least 32 characters/);
  });
  it("requires secrets and provider pairs in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    const base = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(40), IP_HASH_SECRET: "i".repeat(20), ORG_POSTAL_ADDRESS: "PO Box 1, Washington, DC 20001", APP_URL: "https://example.org" };
    expect(parseEnv(base).generated).toEqual([]);
    expect(() => parseEnv({ ...base, STRIPE_SECRET_KEY: "sk_live_x" })).toThrow(/STRIPE_WEBHOOK_SECRET: required/);
    expect(() => parseEnv({ ...base, RESEND_API_KEY: "re_x" })).toThrow(/RESEND_WEBHOOK_SECRET: required/);
  });
  it("exempts loopback from abuse limits in development only, unless RATE_LIMIT_ALLOW says otherwise", () => {
    const base = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(40), IP_HASH_SECRET: "i".repeat(20), ORG_POSTAL_ADDRESS: "PO Box 1, Washington, DC 20001", APP_URL: "https://example.org" };
    expect(parseEnv(base).RATE_LIMIT_ALLOW).toBe("");
    expect(parseEnv({ ...base, RATE_LIMIT_ALLOW: "127.0.0.1" }).RATE_LIMIT_ALLOW).toBe("127.0.0.1");
    expect(parseEnv({}).RATE_LIMIT_ALLOW).toBe("127.0.0.1,::1");
    expect(parseEnv({ RATE_LIMIT_ALLOW: "none" }).RATE_LIMIT_ALLOW).toBe("");
  });
  it("runs the test checkout in production only when DONATIONS_TEST_MODE asks for it", () => {
    expect(parseEnv({}).DONATIONS_TEST_MODE).toBeUndefined();
    expect(parseEnv({ DONATIONS_TEST_MODE: "1" }).DONATIONS_TEST_MODE).toBe(true);
    expect(() => parseEnv({ DONATIONS_TEST_MODE: "maybe" })).toThrow(/DONATIONS_TEST_MODE/);
  });
});
