import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const tagText = z
  .string({ error: "Enter a tag." })
  .trim()
  .toLowerCase()
  .min(1, "Enter a tag.")
  .max(40, "Tags are at most 40 characters.")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, "Tags are letters, digits, spaces, - and _.");

/** The supporter search's query string; a value that does not parse is ignored, never a 500. */
export const supporterSearchSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(254).optional()).catch(undefined),
  zip: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d{3,5}$/)
        .optional(),
    )
    .catch(undefined),
  state: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^[A-Za-z]{2}$/)
        .transform((v) => v.toUpperCase())
        .optional(),
    )
    .catch(undefined),
  district: z
    .preprocess(blankToUndefined, z.coerce.number().int().min(0).max(99).optional())
    .catch(undefined),
  campaignId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()).catch(undefined),
  action: z.preprocess(blankToUndefined, z.enum(["signed", "wrote", "gave"]).optional()).catch(undefined),
  tag: z.preprocess(blankToUndefined, tagText.optional()).catch(undefined),
  page: z
    .preprocess(blankToUndefined, z.coerce.number().int().min(0).max(10_000).optional())
    .catch(undefined),
});
export type SupporterSearch = z.output<typeof supporterSearchSchema>;

export const supporterAdminActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("erase"),
    confirm: z.literal("yes", { error: "Tick the box to confirm the erasure request." }),
  }),
  z.object({ intent: z.literal("tag"), tag: tagText }),
  z.object({ intent: z.literal("untag"), tag: tagText }),
]);

/** Saving the search shown as a named segment (the search's fields come with it). */
export const segmentFormSchema = z.object({
  segmentName: z
    .string({ error: "Name the segment." })
    .trim()
    .min(1, "Name the segment.")
    .max(80, "Segment names are at most 80 characters.")
    .regex(/^[^\p{C}]+$/u, "The name holds characters we cannot accept."),
});
