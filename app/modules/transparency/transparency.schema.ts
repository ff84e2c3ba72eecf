import { z } from "zod";

/** `?size=N`: the log, checkpoint and tally of one checkpoint (absent: the latest). */
export const checkpointQuery = z.object({
  size: z.coerce
    .number({ message: "size must be a whole number of lines" })
    .int("size must be a whole number of lines")
    .min(0, "size must be a whole number of lines")
    .max(Number.MAX_SAFE_INTEGER)
    .optional(),
});
