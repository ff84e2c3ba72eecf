import type { Task } from "graphile-worker";
import { pruneOldLoginAttempts } from "~/modules/organizers/organizers.server";

/** Hourly: sign-in attempts older than a week are deleted (the throttle looks back 15 minutes). */
export const pruneLoginAttemptsTask: Task = async () => {
  await pruneOldLoginAttempts();
};
