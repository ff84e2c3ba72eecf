import { db } from "~db/index.server";
import { action as loginAction } from "~/routes/admin_.login";
import { LOGIN_LIMITS } from "~/modules/organizers/organizers.server";
import { pruneOldLoginAttempts } from "~/modules/organizers/organizers.server";
import { resetPassword, sendPasswordReset } from "~/modules/organizers/tokens.server";
import { makeOrganizer } from "../factories";
import { callRoute, cookiesFrom, form, post } from "../support/remix";
import { sendLatest, tokenFrom } from "../support/sent-mail";

async function login(email: string, password: string, ip: string, cookie?: string) {
  return callRoute(
    loginAction,
    post("/admin/login", form({ email, password, redirectTo: "/admin" }), cookie ? { Cookie: cookie } : {}),
    {},
    { clientIp: ip },
  );
}

const attempts = async () =>
  Number(
    (
      await db()
        .selectFrom("loginAttempts")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** An attacker spread over many addresses locks the account. */
async function lockOut(email: string, prefix: string) {
  for (let i = 0; i < LOGIN_LIMITS.perAccount; i++)
    expect((await login(email, "a wrong password", `${prefix}.${i}`)).status).toBe(401);
}

describe("sign-in lockout cannot be used to keep an organizer out", () => {
  it("the right password from a browser that signed in before passes an account lock; an unknown browser does not", async () => {
    const o = await makeOrganizer("owner");
    const first = await login(o.email, o.password, "203.0.113.20");
    expect(first.status).toBe(302);
    const device = cookiesFrom(first)
      .split("; ")
      .filter((c) => c.startsWith("device="))
      .join("; ");
    expect(device).toMatch(/^device=/);
    await lockOut(o.email, "198.18.0");
    expect((await login(o.email, o.password, "203.0.113.21")).status).toBe(429);
    // Same right password, from the owner's own browser (a new address too): in.
    expect((await login(o.email, o.password, "203.0.113.22", device)).status).toBe(302);
    // A forged or foreign device cookie does not count.
    const other = await makeOrganizer("editor");
    const otherDevice = cookiesFrom(await login(other.email, other.password, "203.0.113.23"))
      .split("; ")
      .find((c) => c.startsWith("device="))!;
    await lockOut(o.email, "198.18.1");
    expect((await login(o.email, o.password, "203.0.113.24", otherDevice)).status).toBe(429);
    expect(
      (
        await login(
          o.email,
          o.password,
          "203.0.113.24",
          device.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
        )
      ).status,
    ).toBe(429);
  });

  it("a throttled attempt does no password hashing and renews nothing", async () => {
    const o = await makeOrganizer("editor");
    await lockOut(o.email, "198.18.2");
    const rows = await attempts();
    const t0 = performance.now();
    for (let i = 0; i < 10; i++)
      expect((await login(o.email, "still guessing", `198.18.3.${i}`)).status).toBe(429);
    const throttledEach = (performance.now() - t0) / 10;
    expect(await attempts()).toBe(rows);
    const t1 = performance.now();
    await login(`fresh-${Date.now()}@example.org`, "a wrong password", "198.18.4.1");
    const checked = performance.now() - t1;
    // An argon2id check at 19 MiB takes tens of milliseconds; a throttled answer is a query.
    expect(throttledEach).toBeLessThan(checked);
  });

  it("the emailed reset lifts the lock", async () => {
    const o = await makeOrganizer("viewer");
    await lockOut(o.email, "198.18.5");
    expect((await login(o.email, o.password, "203.0.113.30")).status).toBe(429);
    expect(await sendPasswordReset(o.email)).toBe("sent");
    const token = tokenFrom((await sendLatest("password-reset", o.email)).sent.text, "/admin/reset");
    expect(await resetPassword(token, "a new long password 1")).toMatchObject({ ok: true });
    expect((await login(o.email, "a new long password 1", "203.0.113.31")).status).toBe(302);
  });

  it("a guesser from one address slows down progressively; others are unaffected", async () => {
    const o = await makeOrganizer("editor");
    for (let i = 0; i < LOGIN_LIMITS.delayAfter; i++)
      expect((await login(o.email, "a wrong password", "198.18.6.1")).status).toBe(401);
    const delayed = await login(o.email, o.password, "198.18.6.1");
    expect(delayed.status).toBe(429);
    // Another address, and the same address for another account, are not slowed.
    expect((await login(o.email, o.password, "198.18.6.2")).status).toBe(302);
    // After the wait, the same address may try again.
    await db()
      .updateTable("loginAttempts")
      .set({ attemptedAt: new Date(Date.now() - 3_000) })
      .where("key", "like", "pair:198.18.6.1|%")
      .execute();
    expect((await login(o.email, "a wrong password", "198.18.6.1")).status).toBe(401);
    // ...and the wait has doubled.
    await db()
      .updateTable("loginAttempts")
      .set({ attemptedAt: new Date(Date.now() - 3_000) })
      .where("key", "like", "pair:198.18.6.1|%")
      .execute();
    expect((await login(o.email, o.password, "198.18.6.1")).status).toBe(429);
  });

  it("answers a locked unknown account exactly like a locked real one", async () => {
    const o = await makeOrganizer("editor");
    await lockOut(o.email, "198.18.7");
    await lockOut("nobody-locked@example.org", "198.18.8");
    const real = await login(o.email, "anything", "198.18.9.1");
    const ghost = await login("nobody-locked@example.org", "anything", "198.18.9.2");
    expect(real.status).toBe(429);
    expect(ghost.status).toBe(429);
    expect(await real.json()).toEqual(await ghost.json());
  });

  it("prunes attempts older than a week", async () => {
    await db()
      .insertInto("loginAttempts")
      .values([
        { key: "ip:192.0.2.250", succeeded: false, attemptedAt: new Date(Date.now() - 8 * 86_400_000) },
        { key: "ip:192.0.2.251", succeeded: false, attemptedAt: new Date(Date.now() - 60_000) },
      ])
      .execute();
    expect(await pruneOldLoginAttempts()).toBeGreaterThanOrEqual(1);
    const left = await db()
      .selectFrom("loginAttempts")
      .select("key")
      .where("key", "in", ["ip:192.0.2.250", "ip:192.0.2.251"])
      .execute();
    expect(left.map((r) => r.key)).toEqual(["ip:192.0.2.251"]);
  });
});
