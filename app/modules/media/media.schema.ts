import { z } from "zod";
import { optionalText } from "~/lib/fields.schema";
import { slugSchema, titleSchema } from "~/modules/campaigns/campaigns.schema";

export const mediaFormSchema = z.object({
  slug: slugSchema,
  title: titleSchema,
  kind: z.enum(["photo", "film_still"], { error: "Choose photograph or film still." }),
  description: z
    .string({ error: "Enter a description." })
    .trim()
    .min(10, "Descriptions are at least 10 characters.")
    .max(4000, "Descriptions are at most 4,000 characters."),
  dateText: optionalText(80),
  source: optionalText(200),
  caseSlug: optionalText(80),
  imageAlt: optionalText(300),
  published: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type MediaForm = z.infer<typeof mediaFormSchema>;

const mediaFields = [
  "slug",
  "title",
  "kind",
  "description",
  "dateText",
  "source",
  "caseSlug",
  "imageAlt",
] as const;
export type MediaFormValues = Partial<Record<(typeof mediaFields)[number], string | null>> & {
  published?: boolean;
  imageKey?: string | null;
};

/** The editor's raw values, to re-fill the form after a preview or an error. */
export function mediaFormValues(fields: Record<string, string>): MediaFormValues {
  const values = Object.fromEntries(mediaFields.map((k) => [k, fields[k] ?? ""])) as MediaFormValues;
  return { ...values, published: fields.published === "on" };
}
