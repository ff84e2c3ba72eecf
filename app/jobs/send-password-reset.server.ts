import type { Task } from "graphile-worker";
import { z } from "zod";
import { sendPasswordReset } from "~/modules/organizers/tokens.server";

const payload = z.object({ email: z.string().min(1).max(254) });

export const sendPasswordResetTask: Task = async (raw) => {
  const { email } = payload.parse(raw);
  await sendPasswordReset(email);
};
