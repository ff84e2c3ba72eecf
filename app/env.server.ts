import { randomBytes } from "node:crypto";
import { z } from "zod";
import { CWC_TOPICS } from "./modules/cwc/cwc";

/**
 * The one place environment variables are read. Everything is validated at boot; a bad value
 * stops the process with a message naming the variable.
 */
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  APP_URL: z.url().optional(),
  DATABASE_URL: z.url().optional(),
  /**
   * PostgreSQL itself, for migrations and the worker (LISTEN/NOTIFY, session advisory locks), when
   * DATABASE_URL points web processes at PgBouncer in transaction mode. Unset: DATABASE_URL.
   */
  DATABASE_DIRECT_URL: z.url().optional(),
  DATA_DIR: z.string().default(".data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The secret being rotated out: still accepted for sessions and links, never used to sign. */
  SESSION_SECRET_PREVIOUS: z.string().min(32, "must be at least 32 characters").optional(),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Addresses never rate-limited. Unset: loopback in development and tests, nobody in production
  // (behind a same-host proxy every visitor would look like loopback). "none" empties it.
  RATE_LIMIT_ALLOW: z.string().optional(),
  // Without STRIPE_SECRET_KEY, the labelled test checkout runs in development and tests only;
  // production needs this set to run it (a staging site), or giving says it is not set up.
  DONATIONS_TEST_MODE: bool.optional(),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(55_000_000),
  /** The public tip form's whole body: five 10 MB files and the text. */
  MAX_TIP_UPLOAD_BYTES: z.coerce.number().int().positive().default(53_000_000),
  /** A supporter import's CSV file (within MAX_UPLOAD_BYTES, the organizer upload forms' body limit). */
  SUPPORTER_IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(50_000_000),
  /** Rows of people one import file may have. */
  SUPPORTER_IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(200_000),
  /** Pixels one image may have (read from its header before decoding). */
  IMAGE_MAX_PIXELS: z.coerce.number().int().positive().default(50_000_000),
  /** Pixels all images of one request may have together. */
  IMAGE_REQUEST_MAX_PIXELS: z.coerce.number().int().positive().default(100_000_000),
  /** Images decoded at the same time in one process; the others wait their turn. */
  IMAGE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** Seconds browsers and shared caches may keep a public /media file. */
  MEDIA_MAX_AGE_SECONDS: z.coerce.number().int().min(0).default(300),
  /** Letter packets drawn at the same time; more get 429 with Retry-After. */
  PACKET_MAX_CONCURRENT: z.coerce.number().int().min(1).max(20).default(2),
  /** Database connections of one packet process. */
  PACKET_DB_CONNECTIONS: z.coerce.number().int().min(1).max(5).default(2),
  ORG_NAME: z.string().default("Bring Them Home: Korean War and Cold War POWs"),
  ORG_POSTAL_ADDRESS: z.string().optional(),
  MAIL_FROM: z.string().default("Bring Them Home <updates@example.org>"),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.url().optional(),
  RESEND_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_BASE: z.url().optional(),
  UPLOAD_DIR: z.string().optional(),
  IP_HASH_SECRET: z.string().min(16).optional(),
  /**
   * How often the roll-up signs a new transparency checkpoint while a log grows (seconds; 0: at
   * every run). A log's first lines and any removal are signed at the next run whatever this says.
   */
  TRANSPARENCY_CHECKPOINT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
  /** The Ed25519 seed (32 bytes, base64) that signs the transparency checkpoints; derived from SESSION_SECRET outside production. */
  TRANSPARENCY_SIGNING_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, "base64").length === 32,
      "must be 32 bytes, base64 (openssl rand -base64 32)",
    )
    .optional(),
  WORKER: bool.default(true),
  /**
   * Seconds an anonymous visitor's rendered public page (home, campaign, case, count API) is
   * served from this process's memory before it is rendered again; 0 switches the cache off.
   * Unset: 1.5 s, or off under NODE_ENV=test (tests see every change at once). At most 2 s, so
   * with the 2 s roll-up a count shown is never older than 5 s.
   */
  RESPONSE_CACHE_SECONDS: z.coerce.number().min(0).max(2).optional(),
  /**
   * Signing batches (app/modules/petitions/sign-batcher.server.ts): concurrent signatures are
   * written together, at most this many rows per batch (1 writes each on its own), each waiting
   * at most SIGN_BATCH_WAIT_MS for others, and at most SIGN_BATCH_IN_FLIGHT statements at once
   * (rows due meanwhile wait for one to commit, then go together).
   */
  SIGN_BATCH_MAX_ROWS: z.coerce.number().int().min(1).max(1_000).default(100),
  SIGN_BATCH_WAIT_MS: z.coerce.number().min(0).max(50).default(2),
  SIGN_BATCH_IN_FLIGHT: z.coerce.number().int().min(1).max(100).default(20),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  // The web pool's bounds (db/index.server.ts): a slow or absent database gives timeouts and 503s,
  // not requests piled up behind the pool. 0 switches the statement or idle limit off.
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  // Seconds a client is asked to wait (Retry-After) when the database is unavailable.
  DB_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3_600).default(5),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  DATA_IMPORT_DIR: z.string().optional(),
  /** The dated snapshot of the public Congress data that ships with the project (data/congress/README.md). */
  CONGRESS_SNAPSHOT_DIR: z.string().default("data/congress"),
  /**
   * Communicating with Congress (app/modules/cwc): a chamber is used when its URL and key are set.
   * House: the API root (https://uat-cwc.house.gov for tests, https://cwc.house.gov); Senate: the
   * messages endpoint (https://soapbox.senate.gov/api/testing-messages/ or .../production-messages/).
   */
  CWC_HOUSE_URL: z.url().optional(),
  CWC_HOUSE_API_KEY: z.string().min(1).optional(),
  CWC_SENATE_URL: z.url().optional(),
  CWC_SENATE_API_KEY: z.string().min(1).optional(),
  /** The vendor's legal name (the API key owner's), its acknowledgement address and contact. */
  CWC_DELIVERY_AGENT: z.string().min(4).max(500).optional(),
  CWC_ACK_EMAIL: z.email().optional(),
  CWC_CONTACT_NAME: z.string().min(6).max(500).optional(),
  CWC_CONTACT_EMAIL: z.email().optional(),
  CWC_CONTACT_PHONE: z
    .string()
    .regex(/^\d{3}-\d{3}-\d{4}$/, "must be NNN-NNN-NNNN")
    .optional(),
  /** Messages a second to each chamber (CWC asks for at most 5-10). */
  CWC_RATE_PER_SECOND: z.coerce.number().positive().max(10).default(5),
  /** Honour the chambers' reported maintenance windows (House daily 00-06 ET; Senate Sun 00-06, Wed 05-07 ET). */
  CWC_MAINTENANCE_WINDOWS: z.enum(["on", "off"]).default("on"),
  /**
   * The Library of Congress policy area a campaign's CWC messages carry when its organizers chose
   * none (the campaign editor's "CWC topic"; one of the 32 in app/modules/cwc/cwc.ts).
   */
  CWC_DEFAULT_TOPIC: z.enum(CWC_TOPICS).default("Armed Forces and National Security"),
  /**
   * Outside production only: this process's clock starts at this instant (ISO 8601, e.g.
   * 2027-01-03T17:01:00Z) and runs on from there, for a built server tested "after the switch"
   * of Congress (app/lib/clock.server.ts). Production refuses it.
   */
  CLOCK_AT: z.iso
    .datetime({ offset: true })
    .transform((v) => new Date(v))
    .optional(),
  /** Dates and times are shown in the organization's time zone, not the server's. */
  ORG_TIME_ZONE: z
    .string()
    .default("America/New_York")
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as America/New_York"),
});

export type Env = Omit<z.infer<typeof schema>, "RATE_LIMIT_ALLOW" | "RESPONSE_CACHE_SECONDS"> & {
  RATE_LIMIT_ALLOW: string;
  RESPONSE_CACHE_SECONDS: number;
  SESSION_SECRET: string;
  IP_HASH_SECRET: string;
  UPLOAD_DIR: string;
  ORG_POSTAL_ADDRESS: string;
  isProduction: boolean;
  generated: string[];
};

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const isProduction = env.NODE_ENV === "production";
  const missing: string[] = [];
  if (isProduction) {
    if (!env.SESSION_SECRET) missing.push("SESSION_SECRET: required in production (32+ random characters)");
    if (!env.IP_HASH_SECRET) missing.push("IP_HASH_SECRET: required in production (16+ random characters)");
    if (!env.ORG_POSTAL_ADDRESS)
      missing.push("ORG_POSTAL_ADDRESS: required in production (bulk mail must carry a postal address)");
    if (!env.TRANSPARENCY_SIGNING_KEY)
      missing.push(
        "TRANSPARENCY_SIGNING_KEY: required in production (openssl rand -base64 32; its public key is published)",
      );
    if (!env.APP_URL) missing.push("APP_URL: required in production (the public https address)");
    if (env.CLOCK_AT)
      missing.push("CLOCK_AT: a test setting, refused in production (the clock is real time)");
    if (env.RESEND_API_KEY && !env.RESEND_WEBHOOK_SECRET)
      missing.push("RESEND_WEBHOOK_SECRET: required when RESEND_API_KEY is set");
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET)
      missing.push("STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set");
  }
  if (missing.length) throw new EnvError(`Invalid environment configuration:\n  ${missing.join("\n  ")}`);
  const generated: string[] = [];
  const secret = (name: string, value: string | undefined) => {
    if (value) return value;
    generated.push(name);
    return randomBytes(32).toString("hex");
  };
  return {
    ...env,
    SESSION_SECRET: secret("SESSION_SECRET", env.SESSION_SECRET),
    IP_HASH_SECRET: secret("IP_HASH_SECRET", env.IP_HASH_SECRET),
    UPLOAD_DIR: env.UPLOAD_DIR ?? `${env.DATA_DIR}/uploads`,
    RESPONSE_CACHE_SECONDS: env.RESPONSE_CACHE_SECONDS ?? (env.NODE_ENV === "test" ? 0 : 1.5),
    RATE_LIMIT_ALLOW:
      env.RATE_LIMIT_ALLOW === "none" ? "" : (env.RATE_LIMIT_ALLOW ?? (isProduction ? "" : "127.0.0.1,::1")),
    ORG_POSTAL_ADDRESS:
      env.ORG_POSTAL_ADDRESS ?? "PO Box 0000, Washington, DC 20000 (set ORG_POSTAL_ADDRESS)",
    isProduction,
    generated,
  };
}

let cached: Env | undefined;

/** The validated environment, parsed once per process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests and the boot sequence may change settings (e.g. the embedded database's URL). */
export function overrideEnv(patch: Partial<Env>): Env {
  cached = { ...env(), ...patch };
  return cached;
}

/** The database pool's bounds from the DB_* settings. */
export function poolSettings(e: Env = env()) {
  return {
    max: e.DB_POOL_MAX,
    connectionTimeoutMillis: e.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMillis: e.DB_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMillis: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

/** The public origin of the app, e.g. http://localhost:3000. */
export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
