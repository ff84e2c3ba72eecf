import type { Task } from "graphile-worker";
import { parseTaskPayload } from "~/modules/jobs/tasks";
import { sendMeLink } from "~/modules/supporters/me-links.server";
import { applyRetention } from "~/modules/supporters/retention.server";
import { runImport } from "~/modules/supporters/import.server";

export const sendSupporterLinkTask: Task = async (raw) => {
  const { email } = parseTaskPayload("send_supporter_link", raw);
  await sendMeLink(email);
};

/** Removes what the retention settings say is kept no longer (nightly). */
export const applyRetentionTask: Task = async (_payload, helpers) => {
  const removed = await applyRetention();
  helpers.logger.info(`retention: ${JSON.stringify(removed)}`);
};

/** A CSV import of supporters, in batches; a retried job resumes with the rows not yet imported. */
export const importSupportersTask: Task = async (raw, helpers) => {
  const { id } = parseTaskPayload("import_supporters", raw);
  const { rows } = await runImport(id);
  helpers.logger.info(`import ${id}: ${rows} rows`);
};
