import type { Task } from "graphile-worker";
import { resumeStalledMailings } from "~/modules/mail/mailings.server";

/** Every minute: an update whose worker died mid-send gets a fresh job (see requeueStalledMailings). */
export const resumeMailings: Task = async () => {
  await resumeStalledMailings();
};
