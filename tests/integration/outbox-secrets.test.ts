import { sql } from "kysely";
import { db } from "~db/index.server";
import { up as endMailedTokens } from "~db/migrations/20261201030000_end_mailed_organizer_tokens";
import {
  findInvitation,
  inviteOrganizer,
  isResetTokenUsable,
  resetPassword,
  sendPasswordReset,
} from "~/modules/organizers/tokens.server";
import { action as forgot } from "~/routes/admin_.forgot";
import { loader as outboxList } from "~/routes/admin.outbox._index";
import { loader as outboxEmail } from "~/routes/admin.outbox.$id";
import { hashToken } from "~/modules/security/secrets.server";
import { makeOrganizer } from "../factories";
import { callRoute, form, post } from "../support/remix";
import { sessionCookieFor } from "../support/route-result";
import { sendLatest, tokenFrom } from "../support/sent-mail";

async function runJobs(task: string) {
  // The forgot form only queues a job; run what it queues the way the worker would.
  const jobs = await sql<{
    id: string;
    payload: { email: string };
  }>`select j.id, j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = ${task}`.execute(
    db(),
  );
  for (const job of jobs.rows) {
    await sendPasswordReset(job.payload.email);
    await sql`delete from graphile_worker._private_jobs where id = ${job.id}`.execute(db());
  }
}

const asRole = async (role: "owner" | "editor" | "viewer") => ({
  Cookie: await sessionCookieFor((await makeOrganizer(role)).id),
});

describe("stored mail never holds a reset or invitation token", () => {
  it("an editor who asks for the owner's reset cannot read the link anywhere; the email as sent carries it and it works", async () => {
    const owner = await makeOrganizer("owner");
    await callRoute(forgot, post("/admin/forgot", form({ email: owner.email })));
    await runJobs("send_password_reset");
    const row = await db()
      .selectFrom("emails")
      .selectAll()
      .where("kind", "=", "password-reset")
      .where("toAddress", "=", owner.email)
      .executeTakeFirstOrThrow();

    // What the outbox page gives its reader (owner only, below) has no token either.
    const page = await (
      await callRoute(
        outboxEmail,
        new Request(`http://localhost/admin/outbox/${row.id}`, { headers: await asRole("owner") }),
        { id: String(row.id) },
      )
    ).json();
    for (const body of [row.html, row.text, JSON.stringify(page)]) {
      expect(body).toContain("/admin/reset/SECRET_RESET_TOKEN_NOT_STORED");
      expect(body).not.toMatch(/\/admin\/reset\/[A-Za-z0-9_-]{43}/);
    }

    const { sent } = await sendLatest("password-reset", owner.email);
    const token = tokenFrom(sent.text, "/admin/reset");
    expect(sent.html).toContain(`/admin/reset/${token}`);
    expect(sent.html).not.toContain("NOT_STORED");
    // After sending, the stored row still has no token; the organizer_tokens row has only its hash.
    const stored = JSON.stringify(
      await db().selectFrom("emails").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow(),
    );
    expect(stored).not.toContain(token);
    expect(JSON.stringify(await db().selectFrom("organizerTokens").selectAll().execute())).not.toContain(
      token,
    );
    expect(await isResetTokenUsable(token)).toBe(true);
    expect(await resetPassword(token, "the owner's own new password")).toMatchObject({ ok: true });
  });

  it("invitation emails are stored without their link too", async () => {
    const owner = await makeOrganizer("owner");
    const email = `invitee-${Date.now()}@example.org`;
    expect(await inviteOrganizer(owner.id, { email, name: "Ann Invitee", role: "editor" })).toEqual({
      ok: true,
    });
    const { stored, sent } = await sendLatest("organizer-invitation", email);
    expect(stored.text).toContain("/admin/invitation/SECRET_INVITATION_TOKEN_NOT_STORED");
    const token = tokenFrom(sent.text, "/admin/invitation");
    expect(stored.html + stored.text).not.toContain(token);
    expect(await findInvitation(token)).toMatchObject({ email });
  });
});

describe("the outbox is for owners only", () => {
  it("refuses editors and viewers (list and message), sends the anonymous to sign in, shows owners", async () => {
    const owner = await makeOrganizer("owner");
    await inviteOrganizer(owner.id, {
      email: `outbox-${Date.now()}@example.org`,
      name: "Someone",
      role: "viewer",
    });
    const id = (await db().selectFrom("emails").select("id").orderBy("id", "desc").executeTakeFirstOrThrow())
      .id;
    for (const role of ["editor", "viewer"] as const) {
      const headers = await asRole(role);
      expect(
        (await callRoute(outboxList, new Request("http://localhost/admin/outbox", { headers }))).status,
        role,
      ).toBe(403);
      expect(
        (
          await callRoute(outboxEmail, new Request(`http://localhost/admin/outbox/${id}`, { headers }), {
            id: String(id),
          })
        ).status,
        role,
      ).toBe(403);
    }
    const anonymous = await callRoute(outboxList, new Request("http://localhost/admin/outbox"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/admin\/login\?redirectTo=/);
    const list = await callRoute(
      outboxList,
      new Request("http://localhost/admin/outbox", { headers: await asRole("owner") }),
    );
    expect(list.status).toBe(200);
    expect(JSON.stringify(await list.json())).toContain("organizer-invitation");
  });
});

describe("migration 20261201030000: tokens mailed before the fix", () => {
  it("ends every outstanding reset and invitation token and removes the tokens from stored copies", async () => {
    const o = await makeOrganizer("editor");
    const reset = "r".repeat(43);
    const invite = "i".repeat(43);
    await db()
      .insertInto("organizerTokens")
      .values([
        {
          purpose: "password_reset",
          tokenHash: hashToken(reset),
          organizerId: o.id,
          email: o.email,
          name: null,
          role: null,
          createdBy: null,
          expiresAt: new Date(Date.now() + 600_000),
        },
        {
          purpose: "invitation",
          tokenHash: hashToken(invite),
          organizerId: null,
          email: "old-invite@example.org",
          name: "Old",
          role: "editor",
          createdBy: null,
          expiresAt: new Date(Date.now() + 600_000),
        },
      ])
      .execute();
    await db()
      .insertInto("emails")
      .values([
        {
          kind: "password-reset",
          toAddress: o.email,
          subject: "Reset",
          html: `<a href="http://localhost:3000/admin/reset/${reset}">reset</a>`,
          text: `Reset: http://localhost:3000/admin/reset/${reset}`,
          headers: "{}",
          tags: "{}",
          idempotencyKey: `legacy-reset-${Date.now()}`,
        },
        {
          kind: "organizer-invitation",
          toAddress: "old-invite@example.org",
          subject: "Invite",
          html: `<a href="http://localhost:3000/admin/invitation/${invite}">join</a>`,
          text: `Join: http://localhost:3000/admin/invitation/${invite}`,
          headers: "{}",
          tags: "{}",
          idempotencyKey: `legacy-invite-${Date.now()}`,
        },
      ])
      .execute();
    expect(await isResetTokenUsable(reset)).toBe(true);

    await endMailedTokens(db());

    expect(await isResetTokenUsable(reset)).toBe(false);
    expect(await findInvitation(invite)).toBeUndefined();
    const bodies = await db()
      .selectFrom("emails")
      .select(["html", "text"])
      .where("kind", "in", ["password-reset", "organizer-invitation"])
      .execute();
    const all = JSON.stringify(bodies);
    expect(all).not.toContain(reset);
    expect(all).not.toContain(invite);
    expect(all).toContain("/admin/reset/SECRET_TOKEN_REMOVED");
    expect(all).toContain("/admin/invitation/SECRET_TOKEN_REMOVED");
  });
});
