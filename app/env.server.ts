import { randomBytes } from "node:crypto";
import { z } from "zod";

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
  DATA_DIR: z.string().default(".data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  RATE_LIMIT_ALLOW: z.string().default("127.0.0.1,::1,::ffff:127.0.0.1"),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(55_000_000),
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
  WORKER: bool.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  DATA_IMPORT_DIR: z.string().optional(),
  /** The dated snapshot of the public Congress data that ships with the project (data/congress/README.md). */
  CONGRESS_SNAPSHOT_DIR: z.string().default("data/congress"),
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

export type Env = z.infer<typeof schema> & {
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
    if (!env.ORG_POSTAL_ADDRESS) missing.push("ORG_POSTAL_ADDRESS: required in production (bulk mail must carry a postal address)");
    if (!env.APP_URL) missing.push("APP_URL: required in production (the public https address)");
    if (env.RESEND_API_KEY && !env.RESEND_WEBHOOK_SECRET) missing.push("RESEND_WEBHOOK_SECRET: required when RESEND_API_KEY is set");
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) missing.push("STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set");
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
    ORG_POSTAL_ADDRESS: env.ORG_POSTAL_ADDRESS ?? "PO Box 0000, Washington, DC 20000 (set ORG_POSTAL_ADDRESS)",
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

/** The public origin of the app, e.g. http://localhost:3000. */
export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
