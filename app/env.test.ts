import { EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("generates development secrets and says which", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.SESSION_SECRET).toHaveLength(64);
    expect(env.generated).toEqual(["SESSION_SECRET", "IP_HASH_SECRET"]);
    expect(env.isProduction).toBe(false);
  });
  it("bounds the database pool with sane defaults (connection, statement and idle-in-transaction timeouts)", () => {
    const env = parseEnv({});
    expect([
      env.DB_POOL_MAX,
      env.DB_CONNECT_TIMEOUT_MS,
      env.DB_STATEMENT_TIMEOUT_MS,
      env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      env.DB_RETRY_AFTER_SECONDS,
    ]).toEqual([20, 5_000, 30_000, 60_000, 5]);
    expect(parseEnv({ DB_STATEMENT_TIMEOUT_MS: "0" }).DB_STATEMENT_TIMEOUT_MS).toBe(0);
    expect(() => parseEnv({ DB_POOL_MAX: "0" })).toThrow(/DB_POOL_MAX: /);
    expect(() => parseEnv({ DB_CONNECT_TIMEOUT_MS: "soon" })).toThrow(/DB_CONNECT_TIMEOUT_MS: /);
  });
  it("caches anonymous pages for 1.5 s by default, never under test, at most 2 s", () => {
    expect(parseEnv({}).RESPONSE_CACHE_SECONDS).toBe(1.5);
    expect(parseEnv({ NODE_ENV: "test" }).RESPONSE_CACHE_SECONDS).toBe(0);
    expect(parseEnv({ NODE_ENV: "test", RESPONSE_CACHE_SECONDS: "1" }).RESPONSE_CACHE_SECONDS).toBe(1);
    expect(() => parseEnv({ RESPONSE_CACHE_SECONDS: "10" })).toThrow(/RESPONSE_CACHE_SECONDS: /);
  });
  it("batches signatures (at most 100 rows, 2 ms) by default; 1 row writes each alone", () => {
    expect(parseEnv({})).toMatchObject({ SIGN_BATCH_MAX_ROWS: 100, SIGN_BATCH_WAIT_MS: 2 });
    expect(parseEnv({ SIGN_BATCH_MAX_ROWS: "1" }).SIGN_BATCH_MAX_ROWS).toBe(1);
    expect(() => parseEnv({ SIGN_BATCH_MAX_ROWS: "0" })).toThrow(/SIGN_BATCH_MAX_ROWS: /);
    expect(() => parseEnv({ SIGN_BATCH_WAIT_MS: "500" })).toThrow(/SIGN_BATCH_WAIT_MS: /);
  });
  it("starts the clock at CLOCK_AT outside production and refuses it in production", () => {
    expect(parseEnv({ CLOCK_AT: "2027-01-03T17:01:00Z" }).CLOCK_AT?.toISOString()).toBe(
      "2027-01-03T17:01:00.000Z",
    );
    expect(parseEnv({}).CLOCK_AT).toBeUndefined();
    expect(() => parseEnv({ CLOCK_AT: "after lunch" })).toThrow(/CLOCK_AT: /);
    const production = {
      NODE_ENV: "production",
      SESSION_SECRET: "s".repeat(40),
      IP_HASH_SECRET: "i".repeat(20),
      ORG_POSTAL_ADDRESS: "PO Box 1, Burlington, VT 05401",
      TRANSPARENCY_SIGNING_KEY: Buffer.alloc(32, 7).toString("base64"),
      APP_URL: "https://example.org",
    };
    expect(parseEnv(production).isProduction).toBe(true);
    expect(() => parseEnv({ ...production, CLOCK_AT: "2027-01-03T17:01:00Z" })).toThrow(
      /CLOCK_AT: a test setting, refused in production/,
    );
  });
  it("takes a CWC topic by default from the 32 Library of Congress policy areas only", () => {
    expect(parseEnv({}).CWC_DEFAULT_TOPIC).toBe("Armed Forces and National Security");
    expect(parseEnv({ CWC_DEFAULT_TOPIC: "International Affairs" }).CWC_DEFAULT_TOPIC).toBe(
      "International Affairs",
    );
    expect(() => parseEnv({ CWC_DEFAULT_TOPIC: "POW/MIA" })).toThrow(/CWC_DEFAULT_TOPIC: /);
  });
  it("takes a direct PostgreSQL address beside a pooled one", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://app@127.0.0.1:6432/app",
      DATABASE_DIRECT_URL: "postgres://app@127.0.0.1:5432/app",
    });
    expect(env.DATABASE_DIRECT_URL).toBe("postgres://app@127.0.0.1:5432/app");
    expect(() => parseEnv({ DATABASE_DIRECT_URL: "pgbouncer" })).toThrow(/DATABASE_DIRECT_URL: /);
  });
  it("names the bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT: /);
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL: /);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(
      /SESSION_SECRET: must be at least 32 characters/,
    );
    expect(() => parseEnv({ SESSION_SECRET_PREVIOUS: "short" })).toThrow(
      /SESSION_SECRET_PREVIOUS: must be at least 32 characters/,
    );
    expect(parseEnv({ SESSION_SECRET_PREVIOUS: "p".repeat(32) }).SESSION_SECRET_PREVIOUS).toBe(
      "p".repeat(32),
    );
  });
  it("requires secrets and provider pairs in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    const base = {
      NODE_ENV: "production",
      SESSION_SECRET: "s".repeat(40),
      IP_HASH_SECRET: "i".repeat(20),
      ORG_POSTAL_ADDRESS: "PO Box 1, Washington, DC 20001",
      APP_URL: "https://example.org",
      TRANSPARENCY_SIGNING_KEY: Buffer.alloc(32, 7).toString("base64"),
    };
    expect(parseEnv(base).generated).toEqual([]);
    expect(() => parseEnv({ ...base, TRANSPARENCY_SIGNING_KEY: undefined })).toThrow(
      /TRANSPARENCY_SIGNING_KEY: required in production/,
    );
    expect(() => parseEnv({ ...base, TRANSPARENCY_SIGNING_KEY: "c2hvcnQ=" })).toThrow(/must be 32 bytes/);
    expect(() => parseEnv({ ...base, STRIPE_SECRET_KEY: "sk_live_x" })).toThrow(
      /STRIPE_WEBHOOK_SECRET: required/,
    );
    expect(() => parseEnv({ ...base, RESEND_API_KEY: "re_x" })).toThrow(/RESEND_WEBHOOK_SECRET: required/);
  });
  it("exempts loopback from abuse limits in development only, unless RATE_LIMIT_ALLOW says otherwise", () => {
    const base = {
      NODE_ENV: "production",
      SESSION_SECRET: "s".repeat(40),
      IP_HASH_SECRET: "i".repeat(20),
      ORG_POSTAL_ADDRESS: "PO Box 1, Washington, DC 20001",
      APP_URL: "https://example.org",
      TRANSPARENCY_SIGNING_KEY: Buffer.alloc(32, 7).toString("base64"),
    };
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
