import { db } from "~db/index.server";
import { action as loginAction } from "~/routes/admin_.login";
import { action as logoutAction } from "~/routes/admin_.logout";
import { action as accountAction } from "~/routes/admin.account";
import { loader as organizersLoader } from "~/routes/admin.organizers";
import { getOrganizer } from "~/modules/organizers/session.server";
import { LOGIN_LIMITS } from "~/modules/organizers/organizers.server";
import { makeOrganizer } from "../factories";
import { callRoute, cookiesFrom, form, post } from "../support/remix";

async function login(email: string, password: string, ip = "203.0.113.9", cookie?: string) {
  return callRoute(
    loginAction,
    post(
      "/admin/login",
      form({ email, password, redirectTo: "/admin/cases" }),
      cookie ? { Cookie: cookie } : {},
    ),
    {},
    { clientIp: ip },
  );
}

describe("organizer sign-in", () => {
  it("signs in with the right password, sets an HttpOnly SameSite=Lax cookie, and redirects safely", async () => {
    const o = await makeOrganizer("editor");
    const res = await login(o.email.toUpperCase(), o.password);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/cases");
    const setCookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith("session=") && !c.startsWith("session=;"))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await getOrganizer(
      new Request("http://localhost/admin", { headers: { Cookie: cookiesFrom(res) } }),
    );
    expect(me?.email).toBe(o.email);
  });

  it("answers a wrong password and an unknown account identically", async () => {
    const o = await makeOrganizer("editor");
    const wrong = await login(o.email, "not the password at all");
    const unknown = await login("nobody-here@example.org", "not the password at all");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.clone().json()).toEqual(await unknown.clone().json());
  });

  it("takes about as long for an unknown account as for a wrong password", async () => {
    // Alternating samples and medians: on a loaded machine one argon2 run varies several-fold.
    // Each sample uses its own account and address, so no throttle answers early.
    const accounts = await Promise.all(Array.from({ length: 7 }, () => makeOrganizer("editor")));
    const time = async (email: string, i: number) => {
      const t = performance.now();
      await login(email, "wrong password here", `198.51.101.${i}`);
      return performance.now() - t;
    };
    await time(accounts[0].email, 200);
    await time("ghost-warm@example.org", 201);
    const known: number[] = [];
    const missing: number[] = [];
    for (let i = 0; i < accounts.length; i++) {
      known.push(await time(accounts[i].email, i));
      missing.push(await time(`ghost${i}@example.org`, 100 + i));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    expect(median(missing) / median(known)).toBeGreaterThan(0.5);
    expect(median(missing) / median(known)).toBeLessThan(2);
  });

  it("throttles an account after repeated failures, even with the right password, without revealing it exists", async () => {
    const o = await makeOrganizer("editor");
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++)
      expect((await login(o.email, "wrong password again", `198.51.100.${i}`)).status).toBe(401);
    const blocked = await login(o.email, o.password, "198.51.100.200");
    expect(blocked.status).toBe(429);
    const ghost = "ghost-throttle@example.org";
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++)
      await login(ghost, "wrong password again", `192.0.2.${i}`);
    expect((await login(ghost, "anything at all", "192.0.2.200")).status).toBe(429);
  });

  it("throttles an address that tries many accounts", async () => {
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++)
      await login(`spray-${i}@example.org`, "wrong password again", "192.0.2.99");
    const o = await makeOrganizer("editor");
    expect((await login(o.email, o.password, "192.0.2.99")).status).toBe(429);
    expect((await login(o.email, o.password, "192.0.2.100")).status).toBe(302);
  });

  it("rotates the session at sign-in and ends it at sign-out", async () => {
    const o = await makeOrganizer("editor");
    const first = cookiesFrom(await login(o.email, o.password));
    const second = cookiesFrom(await login(o.email, o.password, "203.0.113.9", first));
    expect(second).not.toBe(first);
    expect(await getOrganizer(new Request("http://localhost/", { headers: { Cookie: first } }))).toBeNull();
    const out = await callRoute(logoutAction, post("/admin/logout", new FormData(), { Cookie: second }));
    expect(out.headers.get("location")).toBe("/admin/login");
    expect(await getOrganizer(new Request("http://localhost/", { headers: { Cookie: second } }))).toBeNull();
  });

  it("ends other sessions when the password changes", async () => {
    const o = await makeOrganizer("editor");
    const laptop = cookiesFrom(await login(o.email, o.password));
    const phone = cookiesFrom(await login(o.email, o.password));
    const res = await callRoute(
      accountAction,
      post(
        "/admin/account",
        form({ current: o.password, next: "a brand new passphrase", confirm: "a brand new passphrase" }),
        { Cookie: laptop },
      ),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).done).toBe(true);
    expect(
      await getOrganizer(new Request("http://localhost/", { headers: { Cookie: laptop } })),
    ).not.toBeNull();
    expect(await getOrganizer(new Request("http://localhost/", { headers: { Cookie: phone } }))).toBeNull();
    expect((await login(o.email, "a brand new passphrase")).status).toBe(302);
  });

  it("stores argon2id hashes with at least 19 MiB and two passes", async () => {
    const o = await makeOrganizer("viewer");
    const row = await db()
      .selectFrom("organizers")
      .select("passwordHash")
      .where("id", "=", o.id)
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("refuses owner-only pages to an editor with 403", async () => {
    const o = await makeOrganizer("editor");
    const cookie = cookiesFrom(await login(o.email, o.password));
    const res = await callRoute(
      organizersLoader,
      new Request("http://localhost/admin/organizers", { headers: { Cookie: cookie } }),
    );
    expect(res.status).toBe(403);
  });
});
