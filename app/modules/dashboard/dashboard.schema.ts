import { z } from "zod";
import { WINDOW_KEYS, type WindowKey } from "./windows";

/** /admin?window=day|week|month; anything else shows the week. */
export const dashboardQuerySchema = z.object({
  window: z
    .enum(WINDOW_KEYS as [WindowKey, ...WindowKey[]])
    .optional()
    .catch(undefined)
    .transform((w) => w ?? "week"),
});
