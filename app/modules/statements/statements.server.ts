import { db } from "~db/index.server";
import { randomKey, type CheckedFile } from "~/modules/uploads/file-check.server";
import { fileStore } from "~/modules/uploads/storage.server";
import { addJob } from "~/modules/jobs/jobs.queries.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import type { ReplyForm, StatementForm } from "./statements.schema";
import {
  findCampaign,
  findStatement,
  findSubmissionRecipients,
  insertStatement,
  listCampaignStatements,
  listOpenReplies,
  markDismissed,
  markVerified,
} from "./statements.queries.server";
import { campaignTargetSeats } from "~/modules/legislators/targets.server";
import { targetOffices, type TargetOffice } from "~/modules/legislators/target-offices";

export type RecordResult = { ok: true; id: number } | { ok: false; fields: Record<string, string> };

/** Every office a campaign targets, for any writer: what statements may be recorded for. */
export async function everyTargetOffice(campaignId: number): Promise<TargetOffice[]> {
  return targetOffices(await campaignTargetSeats(campaignId, "everyone"));
}

async function findTarget(campaignId: number, target: StatementForm["target"]): Promise<TargetOffice | null> {
  const offices = await everyTargetOffice(campaignId);
  return (
    offices.find((o) => o.officeCode === target.officeCode && o.officialId === target.officialId) ?? null
  );
}

/** "Senator Bernard Sanders", or the official's name; null for a vacant seat. */
function memberName(o: TargetOffice): string | null {
  if (o.vacant) return null;
  return o.bioguide ? `${o.title} ${o.name}` : o.name;
}

const NOT_A_TARGET =
  "That office is not a target of this campaign: record statements only for the seats and officials the campaign asks.";

/** An organizer records what a target said or did (unverified until an organizer verifies it). */
export async function recordStatement(
  organizerId: number,
  campaignId: number,
  form: StatementForm,
  scan: CheckedFile | null = null,
): Promise<RecordResult> {
  const office = await findTarget(campaignId, form.target);
  if (!office) return { ok: false, fields: { target: NOT_A_TARGET } };
  // The scan is stored first and removed again if the row is not saved: never a row without its file.
  const sourceKey = scan ? randomKey("statements", scan.extension) : null;
  if (scan && sourceKey) await fileStore().put(sourceKey, scan.data);
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await insertStatement(trx, {
        campaignId,
        officeCode: office.officeCode,
        officialId: office.officialId,
        bioguide: office.bioguide,
        memberName: memberName(office),
        position: form.position,
        kind: form.kind,
        statedOn: form.statedOn,
        body: form.body,
        sourceUrl: form.sourceUrl,
        sourceKey,
        sourceFilename: scan?.filename ?? null,
        sourceContentType: scan?.contentType ?? null,
        sourceBytes: scan?.data.length ?? null,
        bill: form.bill,
        rollCall: form.rollCall,
        origin: "organizer",
        recordedBy: organizerId,
      });
      await insertAuditEntry(trx, {
        organizerId,
        action: "statement.record",
        subjectType: "statement",
        subjectId: row.id,
        details: { campaignId, target: office.key, position: form.position },
      });
      return { ok: true, id: row.id } as const;
    })
    .catch(async (error: unknown) => {
      if (sourceKey) await fileStore().delete(sourceKey);
      throw error;
    });
}

/** A statement's uploaded letter or scan: public once verified; before that, organizers only. */
export async function statementSource(id: number, viewer: { organizer: boolean }) {
  const s = await findStatement(db(), id);
  if (!s?.sourceKey || (!s.verifiedAt && !viewer.organizer)) return null;
  const data = await fileStore().get(s.sourceKey);
  if (!data) return null;
  return {
    data,
    contentType: s.sourceContentType ?? "application/octet-stream",
    filename: s.sourceFilename ?? "source",
  };
}

/**
 * Verifies a statement: from now on it is public, and the news about it is queued for the
 * people in its seat (the job sends each of them one email however often it runs).
 */
export async function verifyStatement(organizerId: number, id: number): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      if (!(await markVerified(trx, id, organizerId))) return false;
      await insertAuditEntry(trx, {
        organizerId,
        action: "statement.verify",
        subjectType: "statement",
        subjectId: id,
      });
      await addJob(trx, "send_statement_news", { id }, { jobKey: `statement-news:${id}`, maxAttempts: 10 });
      return true;
    });
}

/**
 * Accepts a reply a supporter sent in: the organizer reads it and gives its position; a new
 * statement (the reply's text, recorded by the organizer) is verified, and the supporter's copy
 * leaves the queue. Nothing is overwritten.
 */
export async function acceptReply(
  organizerId: number,
  replyId: number,
  form: { position: StatementForm["position"]; statedOn: string },
): Promise<number | null> {
  const reply = await findStatement(db(), replyId);
  if (!reply || reply.origin !== "supporter") return null;
  return db()
    .transaction()
    .execute(async (trx) => {
      if (!(await markDismissed(trx, replyId))) return null;
      const row = await insertStatement(trx, {
        campaignId: reply.campaignId,
        officeCode: reply.officeCode,
        officialId: reply.officialId,
        bioguide: reply.bioguide,
        memberName: reply.memberName,
        position: form.position,
        kind: "letter_reply",
        statedOn: form.statedOn,
        body: reply.body,
        sourceKey: reply.sourceKey,
        sourceFilename: reply.sourceFilename,
        sourceContentType: reply.sourceContentType,
        sourceBytes: reply.sourceBytes,
        origin: "organizer",
        recordedBy: organizerId,
        submissionId: reply.submissionId,
      });
      await markVerified(trx, row.id, organizerId);
      await insertAuditEntry(trx, {
        organizerId,
        action: "statement.accept-reply",
        subjectType: "statement",
        subjectId: row.id,
        details: { reply: replyId, position: form.position },
      });
      await addJob(
        trx,
        "send_statement_news",
        { id: row.id },
        { jobKey: `statement-news:${row.id}`, maxAttempts: 10 },
      );
      return row.id;
    });
}

export async function dismissStatement(organizerId: number, id: number): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      if (!(await markDismissed(trx, id))) return false;
      await insertAuditEntry(trx, {
        organizerId,
        action: "statement.dismiss",
        subjectType: "statement",
        subjectId: id,
      });
      return true;
    });
}

/** The offices a letter writer may send in a reply from: the targets their letters went to. */
export async function replyTargets(token: string) {
  if (!/^[A-Za-z0-9_-]{20,40}$/.test(token)) return null;
  const submission = await findSubmissionRecipients(db(), token);
  if (!submission) return null;
  const offices = await everyTargetOffice(submission.campaignId);
  const wrote = (o: TargetOffice) =>
    submission.letters.some((l) =>
      o.officialId !== null
        ? l.officialId === o.officialId
        : o.bioguide !== null && l.bioguide === o.bioguide,
    );
  return {
    submission: { id: submission.id, campaignId: submission.campaignId },
    zip: submission.zip.slice(0, 5),
    targets: offices.filter(wrote).map((o) => ({ key: o.key, label: memberName(o) ?? o.name })),
  };
}

/** A reply a supporter received (pasted, or a scan), sent in from their delivery page: unverified, into the triage queue. */
export async function submitReply(
  token: string,
  form: ReplyForm,
  scan: CheckedFile | null = null,
): Promise<RecordResult> {
  const page = await replyTargets(token);
  if (!page) return { ok: false, fields: { _form: "No letters have that address." } };
  if (!form.body && !scan)
    return { ok: false, fields: { body: "Paste the reply, or attach a scan or photo of it." } };
  const { submission } = page;
  const key = form.target.officeCode ?? `official:${form.target.officialId}`;
  const office = page.targets.some((t) => t.key === key)
    ? await findTarget(submission.campaignId, form.target)
    : null;
  if (!office) return { ok: false, fields: { target: "Choose one of the offices you wrote to." } };
  const sourceKey = scan ? randomKey("statements", scan.extension) : null;
  if (scan && sourceKey) await fileStore().put(sourceKey, scan.data);
  try {
    const row = await insertStatement(db(), {
      campaignId: submission.campaignId,
      officeCode: office.officeCode,
      officialId: office.officialId,
      bioguide: office.bioguide,
      memberName: memberName(office),
      position: "undecided",
      kind: "letter_reply",
      statedOn: new Date().toISOString().slice(0, 10),
      body: form.body,
      sourceKey,
      sourceFilename: scan?.filename ?? null,
      sourceContentType: scan?.contentType ?? null,
      sourceBytes: scan?.data.length ?? null,
      origin: "supporter",
      submissionId: submission.id,
    });
    return { ok: true, id: row.id };
  } catch (error) {
    if (sourceKey) await fileStore().delete(sourceKey);
    throw error;
  }
}

/** The organizer's page of a campaign's statements: every one (verified or not) and the targets to choose from. */
export async function campaignStatementsForAdmin(campaignId: number) {
  const [campaign, statements, offices] = await Promise.all([
    findCampaign(db(), { id: campaignId }),
    listCampaignStatements(db(), campaignId),
    everyTargetOffice(campaignId),
  ]);
  if (!campaign) return null;
  return {
    campaign,
    statements,
    targets: offices.map((o) => ({ key: o.key, label: `${memberName(o) ?? o.name} (${o.seat})` })),
  };
}

export function replyQueue() {
  return listOpenReplies(db());
}
