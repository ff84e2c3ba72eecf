import { createHmac } from "node:crypto";
import { env, overrideEnv } from "~/env.server";
import { parseUnsubscribeToken, unsubscribeToken } from "~/modules/mail/unsubscribe.server";
import { createSessionCookie, getOrganizer } from "~/modules/organizers/session.server";
import { signingKey, verificationKeys } from "~/modules/security/secrets.server";
import { makeOrganizer } from "../factories";

const OLD = "old-session-secret-".padEnd(48, "o");
const NEW = "new-session-secret-".padEnd(48, "n");
const OTHER = "unrelated-secret-".padEnd(48, "x");
const original = env().SESSION_SECRET;

afterEach(() => {
  overrideEnv({ SESSION_SECRET: original, SESSION_SECRET_PREVIOUS: undefined });
});

const asRequest = (cookie: string) =>
  new Request("http://localhost/admin", { headers: { Cookie: cookie.split(";")[0] } });

describe("one key per purpose, derived from SESSION_SECRET", () => {
  it("derives a different key for each purpose, none equal to the secret or to each other", () => {
    overrideEnv({ SESSION_SECRET: NEW });
    const keys = (
      [
        "session-cookie",
        "known-device",
        "unsubscribe-link",
        "signature-confirmation",
        "stripe-dev-webhook",
      ] as const
    ).map((p) => signingKey(p).toString("hex"));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain(Buffer.from(NEW).toString("hex"));
    expect(verificationKeys("session-cookie").map((k) => k.toString("hex"))).toEqual([keys[0]]);
  });
});

describe("rotating SESSION_SECRET with SESSION_SECRET_PREVIOUS", () => {
  it("keeps sessions signed under the old secret, and refuses them once the old secret is dropped", async () => {
    const o = await makeOrganizer("editor");
    overrideEnv({ SESSION_SECRET: OLD });
    const cookie = await createSessionCookie(o.id, "vitest");
    overrideEnv({ SESSION_SECRET: NEW, SESSION_SECRET_PREVIOUS: OLD });
    expect((await getOrganizer(asRequest(cookie)))?.id).toBe(o.id);
    // New cookies are signed under the new secret's key and read without the old one.
    const fresh = await createSessionCookie(o.id, "vitest");
    overrideEnv({ SESSION_SECRET: NEW, SESSION_SECRET_PREVIOUS: undefined });
    expect((await getOrganizer(asRequest(fresh)))?.id).toBe(o.id);
    expect(await getOrganizer(asRequest(cookie))).toBeNull();
  });

  it("keeps every unsubscribe link ever sent working: derived-key links, previous-secret links and the pre-HKDF format", () => {
    overrideEnv({ SESSION_SECRET: OLD });
    const underOld = unsubscribeToken(42, 7);
    // The format mailed before keys were derived with HKDF: key = HMAC(secret, "unsubscribe-link-key:v1").
    const legacyKey = createHmac("sha256", OLD).update("unsubscribe-link-key:v1").digest();
    const legacy = `42.0.${createHmac("sha256", legacyKey).update("42.0").digest().subarray(0, 16).toString("base64url")}`;
    expect(parseUnsubscribeToken(legacy)).toEqual({ supporterId: 42, campaignId: null });

    overrideEnv({ SESSION_SECRET: NEW, SESSION_SECRET_PREVIOUS: OLD });
    expect(parseUnsubscribeToken(underOld)).toEqual({ supporterId: 42, campaignId: 7 });
    expect(parseUnsubscribeToken(legacy)).toEqual({ supporterId: 42, campaignId: null });
    const underNew = unsubscribeToken(42, 7);
    expect(underNew).not.toBe(underOld);
    expect(parseUnsubscribeToken(underNew)).toEqual({ supporterId: 42, campaignId: 7 });

    // A link signed with some other secret is refused, and so is one naming another supporter.
    overrideEnv({ SESSION_SECRET: OTHER, SESSION_SECRET_PREVIOUS: undefined });
    const foreign = unsubscribeToken(42, 7);
    overrideEnv({ SESSION_SECRET: NEW, SESSION_SECRET_PREVIOUS: OLD });
    expect(parseUnsubscribeToken(foreign)).toBeNull();
    expect(parseUnsubscribeToken(underNew.replace(/^42\./, "43."))).toBeNull();
  });
});
