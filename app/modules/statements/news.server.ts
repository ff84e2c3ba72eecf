import { createElement } from "react";
import { db } from "~db/index.server";
import { StatementNewsEmail } from "~emails/statement-news";
import { appUrl } from "~/env.server";
import { getCallScript } from "~/modules/calls/call-scripts.server";
import { fillScript } from "~/modules/calls/calls";
import { orgProps, queueEmails, renderEmail } from "~/modules/mail/mail.server";
import { oneClickUrl, unsubscribeToken, unsubscribeUrl } from "~/modules/mail/unsubscribe.server";
import { POSITION_LABELS, scriptPosition } from "./statements";
import {
  findCampaign,
  findMember,
  findSeatPhone,
  findStatement,
  listNewsRecipients,
  markNewsQueued,
  type NewsRecipient,
} from "./statements.queries.server";

const PAGE = 200;

/**
 * The send_statement_news job: once a statement on a seat is verified, each confirmed signer
 * and letter writer of its campaign who lives in that seat (and may receive its email) gets one
 * email about it, queued through the outbox (consent and suppression are checked again at send
 * time). Each email's key is (statement, supporter), so running the job again queues nothing.
 * Returns how many emails this run queued.
 */
export async function sendStatementNews(statementId: number): Promise<number> {
  const statement = await findStatement(db(), statementId);
  if (!statement?.verifiedAt || !statement.officeCode) return 0;
  const campaign = await findCampaign(db(), { id: statement.campaignId });
  if (!campaign) return 0;
  const officeCode = statement.officeCode;
  const position = scriptPosition(statement.position);
  const [rawScript, phone, member] = await Promise.all([
    statement.position === "supports" ? null : getCallScript(campaign.id, officeCode, position),
    findSeatPhone(db(), statement.bioguide),
    statement.bioguide ? findMember(db(), statement.bioguide) : null,
  ]);
  const script = rawScript ? fillScript(rawScript, member?.fullName ?? statement.memberName ?? "") : null;
  const base = `${appUrl()}/campaigns/${campaign.slug}`;
  const render = (r: NewsRecipient, unsubscribe: string) =>
    renderEmail(
      createElement(StatementNewsEmail, {
        ...orgProps(),
        firstName: r.firstName,
        memberName: statement.memberName ?? "Your member of Congress",
        position,
        positionLabel: POSITION_LABELS[position],
        maybe: !r.sure,
        campaignTitle: campaign.title,
        excerpt: statement.body.length > 600 ? `${statement.body.slice(0, 600)}…` : statement.body,
        scorecardUrl: `${base}/scorecard`,
        shareUrl: base,
        callUrl: `${base}/call`,
        phone,
        script,
        unsubscribeUrl: unsubscribe,
      }),
    );
  let queued = 0;
  for (let after = 0; ; ) {
    const page = await listNewsRecipients(db(), { campaignId: campaign.id, officeCode }, after, PAGE);
    if (!page.length) break;
    after = page[page.length - 1].id;
    const emails = await Promise.all(
      page.map(async (r) => {
        const token = unsubscribeToken(r.id, campaign.id);
        const { html, text } = await render(r, unsubscribeUrl(token));
        return {
          kind: "statement-news",
          to: r.email,
          subject: `${statement.memberName ?? "Your member of Congress"}: ${POSITION_LABELS[position]} (${campaign.title})`,
          html,
          text,
          idempotencyKey: `statement-news:${statementId}:${r.id}`,
          listUnsubscribeUrl: oneClickUrl(token),
          tags: { statement: String(statementId) },
        };
      }),
    );
    queued += (
      await db()
        .transaction()
        .execute((trx) => queueEmails(trx, emails))
    ).length;
  }
  await markNewsQueued(db(), statementId);
  return queued;
}
