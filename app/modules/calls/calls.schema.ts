import { z } from "zod";
import { usZip5 } from "~/lib/fields.schema";
import { targetField } from "~/modules/statements/statements.schema";
import { CALL_OUTCOMES } from "./calls";

export const callLookupSchema = z.object({ zip: usZip5("Enter your ZIP code.") });

export const callReportSchema = z.object({
  token: z.string({ error: "This call list has expired. Reload the page." }).max(200),
  target: targetField,
  outcome: z.enum(CALL_OUTCOMES, { error: "Choose how the call went." }),
  zip: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .catch(undefined),
});
export type CallReport = z.infer<typeof callReportSchema>;

export const callStatsSchema = z.object({
  days: z.coerce.number().int().min(1).max(365).catch(30),
});
