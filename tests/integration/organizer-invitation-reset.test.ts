import { sql } from "kysely";
import { db } from "~db/index.server";
import { authenticate } from "~/modules/organizers/organizers.server";
import { createSessionCookie, getOrganizer } from "~/modules/organizers/session.server";
import {
  acceptInvitation,
  inviteOrganizer,
  resetPassword,
  sendPasswordReset,
} from "~/modules/organizers/tokens.server";
import { action as forgot } from "~/routes/admin_.forgot";
import { makeOrganizer } from "../factories";
import { callRoute, form, post } from "../support/remix";
import { sendLatest, tokenFrom } from "../support/sent-mail";

/** The email as sent to the provider (the stored copy never holds the link: see outbox-secrets.test.ts). */
async function lastEmail(kind: string, to: string) {
  return (await sendLatest(kind, to)).sent;
}

describe("password reset", () => {
  it("answers the same whether or not the account exists, and queues one job either way", async () => {
    const me = await makeOrganizer("editor");
    const jobs = async () =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'send_password_reset'`.execute(
            db(),
          )
        ).rows[0].n,
      );
    const before = await jobs();
    const known = await callRoute(forgot, post("/admin/forgot", form({ email: me.email })));
    const unknown = await callRoute(
      forgot,
      post("/admin/forgot", form({ email: "nobody-here@example.org" })),
    );
    expect(JSON.stringify(known)).toBe(JSON.stringify(unknown));
    expect(await jobs()).toBe(before + 2);
    expect(await sendPasswordReset("nobody-here@example.org")).toBe("no-account");
  });

  it("a single-use, hashed token sets the password and ends every session", async () => {
    const me = await makeOrganizer("editor");
    await createSessionCookie(me.id, "laptop");
    const cookie = await createSessionCookie(me.id, "phone");
    expect(await sendPasswordReset(me.email)).toBe("sent");
    const email = await lastEmail("password-reset", me.email);
    const token = tokenFrom(email.text, "/admin/reset");
    expect(email.html).toContain(`/admin/reset/${token}`);
    const stored = await db()
      .selectFrom("organizerTokens")
      .select(["tokenHash", "expiresAt"])
      .where("organizerId", "=", me.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    expect(await resetPassword(token, "a brand new password here")).toMatchObject({ ok: true });
    expect(await db().selectFrom("sessions").select("id").where("organizerId", "=", me.id).execute()).toEqual(
      [],
    );
    expect(
      await getOrganizer(new Request("http://localhost/admin", { headers: { Cookie: cookie } })),
    ).toBeNull();
    expect(await authenticate(me.email, "a brand new password here", "198.51.100.1")).toMatchObject({
      ok: true,
    });
    expect(await resetPassword(token, "another password again")).toEqual({ ok: false });
  });

  it("an expired token does nothing", async () => {
    const me = await makeOrganizer("viewer");
    await sendPasswordReset(me.email);
    const token = tokenFrom((await lastEmail("password-reset", me.email)).text, "/admin/reset");
    await db()
      .updateTable("organizerTokens")
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where("organizerId", "=", me.id)
      .execute();
    expect(await resetPassword(token, "a brand new password here")).toEqual({ ok: false });
  });
});

describe("organizer invitation", () => {
  it("an owner invites by email; the link sets a password once", async () => {
    const owner = await makeOrganizer("owner", { name: "Mark Owner" });
    const email = `invited-${Date.now()}@example.org`;
    expect(await inviteOrganizer(owner.id, { email, name: "Ruth Hale", role: "editor" })).toEqual({
      ok: true,
    });
    const message = await lastEmail("organizer-invitation", email);
    expect(message.text).toContain("Mark Owner invited you");
    const token = tokenFrom(message.text, "/admin/invitation");
    const accepted = await acceptInvitation(token, { name: "Ruth Hale", password: "my own long password" });
    expect(accepted).toMatchObject({ ok: true });
    expect(await authenticate(email, "my own long password", "198.51.100.2")).toMatchObject({ ok: true });
    expect(
      await acceptInvitation(token, { name: "Someone else", password: "another long password" }),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(await inviteOrganizer(owner.id, { email, name: "Again", role: "viewer" })).toMatchObject({
      ok: false,
    });
  });
});
