import type { Task } from "graphile-worker";
import { z } from "zod";
import { runMailing } from "~/modules/mail/mailings.server";

const payload = z.object({ id: z.coerce.number().int().positive() });

/** Fans a campaign update out in batches; resumable, so a retry after a crash finishes the job. */
export const sendMailing: Task = async (raw) => {
  const { id } = payload.parse(raw);
  await runMailing(id);
};
