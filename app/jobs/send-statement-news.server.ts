import type { Task } from "graphile-worker";
import { log } from "~/lib/log.server";
import { parseTaskPayload } from "~/modules/jobs/tasks";
import { sendStatementNews } from "~/modules/statements/news.server";

/** Queues one email per person in a verified statement's seat; a second run queues none. */
export const sendStatementNewsTask: Task = async (raw) => {
  const { id } = parseTaskPayload("send_statement_news", raw);
  const queued = await sendStatementNews(id);
  log.info("statement news queued", { statement: id, queued });
};
