import { sql } from "kysely";
import { createElement } from "react";
import { Text } from "@react-email/components";
import { db } from "~db/index.server";
import { EmailLayout } from "~emails/layout";
import { orgProps, queueEmail, renderEmail, sendQueuedEmail } from "~/modules/mail/mail.server";
import { upsertSupporter } from "~/modules/supporters/supporters.server";

async function jobsFor(id: number) {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from graphile_worker.jobs where key = ${`email:${id}`}`.execute(db());
  return r.rows[0].n;
}

describe("the mail outbox", () => {
  it("queues an email with its job once per idempotency key, and the dev transport marks it sent", async () => {
    const { html, text } = await renderEmail(
      createElement(EmailLayout, {
        preview: "Hello",
        ...orgProps(),
        unsubscribeUrl: "http://localhost/unsubscribe/x",
        children: createElement(Text, null, "Thank you"),
      }),
    );
    expect(html).toContain("Thank you");
    expect(text).toContain("Thank you");
    const email = {
      kind: "test",
      to: "a@example.org",
      subject: "Hi",
      html,
      text,
      idempotencyKey: "test:1",
      listUnsubscribeUrl: "http://localhost/unsubscribe/x",
    };
    const first = await db()
      .transaction()
      .execute((trx) => queueEmail(trx, email));
    const second = await db()
      .transaction()
      .execute((trx) => queueEmail(trx, email));
    expect(first.queued).toBe(true);
    expect(second).toEqual({ queued: false, id: null });
    expect(await jobsFor(first.id!)).toBe(1);

    await sendQueuedEmail(first.id!, 1, 10);
    await sendQueuedEmail(first.id!, 2, 10);
    const row = await db()
      .selectFrom("emails")
      .selectAll()
      .where("id", "=", first.id!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", transport: "outbox", attempts: 1 });
    expect(row.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("rolls the email back with its cause", async () => {
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await queueEmail(trx, {
            kind: "test",
            to: "b@example.org",
            subject: "x",
            html: "x",
            text: "x",
            idempotencyKey: "test:rollback",
          });
          throw new Error("cause failed");
        }),
    ).rejects.toThrow("cause failed");
    expect(
      await db().selectFrom("emails").select("id").where("idempotencyKey", "=", "test:rollback").execute(),
    ).toEqual([]);
  });
});

describe("supporters", () => {
  it("keeps one row per canonical email and never blanks out known details", async () => {
    const a = await upsertSupporter(db(), {
      email: "Jane.Doe+x@gmail.com",
      firstName: "Jane",
      lastName: "Doe",
      zip: "05401",
    });
    const b = await upsertSupporter(db(), { email: "janedoe@googlemail.com", firstName: "", lastName: "" });
    expect(b.id).toBe(a.id);
    const row = await db()
      .selectFrom("supporters")
      .selectAll()
      .where("id", "=", a.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      firstName: "Jane",
      lastName: "Doe",
      zip: "05401",
      emailCanonical: "janedoe@gmail.com",
    });
  });
});
