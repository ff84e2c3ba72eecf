import { z } from "zod";
import { CWC_TOPICS } from "~/modules/cwc/cwc";

export const slugSchema = z
  .string({ error: "Enter a slug." })
  .trim()
  .toLowerCase()
  .min(3, "Slugs are at least 3 characters.")
  .max(80, "Slugs are at most 80 characters.")
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    "Use lower-case letters, digits and single hyphens, e.g. release-the-files.",
  );

/** A campaign's or a help-identify item's title. */
export const titleSchema = z
  .string({ error: "Enter a title." })
  .trim()
  .min(5, "Titles are at least 5 characters.")
  .max(160, "Titles are at most 160 characters.");

const targetKinds = ["senate", "house"] as const;

export const campaignFormSchema = z.object({
  slug: slugSchema,
  title: titleSchema,
  summary: z
    .string({ error: "Enter a summary." })
    .trim()
    .min(10, "Summaries are at least 10 characters.")
    .max(300, "Summaries are at most 300 characters."),
  bodyMd: z.string().max(50_000, "The story is at most 50,000 characters.").default(""),
  targetSummary: z.string().trim().max(200, "At most 200 characters.").default(""),
  chambers: z.array(z.enum(targetKinds)).default([]),
  officials: z.array(z.string().max(60)).default([]),
  /** "" keeps the CWC_DEFAULT_TOPIC setting. */
  cwcTopic: z
    .union([z.literal(""), z.enum(CWC_TOPICS)], {
      error: "Choose one of the Library of Congress policy areas in the list.",
    })
    .default(""),
});
type ParsedCampaignForm = z.infer<typeof campaignFormSchema>;
/** A parsed campaign form; callers in code may leave the CWC topic out (the default). */
export type CampaignForm = Omit<ParsedCampaignForm, "cwcTopic"> &
  Partial<Pick<ParsedCampaignForm, "cwcTopic">>;

export const campaignTransitionSchema = z.object({
  transition: z.enum(["publish", "close", "reopen", "mark-won"], { error: "Unknown action." }),
});

/** The campaign editor's raw values (to re-fill the form), checkbox groups as arrays. */
export function campaignFormValues(form: FormData) {
  const text = (k: string) => String(form.get(k) ?? "");
  return {
    slug: text("slug"),
    title: text("title"),
    summary: text("summary"),
    bodyMd: text("bodyMd"),
    targetSummary: text("targetSummary"),
    chambers: form.getAll("chambers").map(String),
    officials: form.getAll("officials").map(String),
    cwcTopic: text("cwcTopic"),
  };
}

/** The campaign editor's form data, parsed. */
export function parseCampaignForm(form: FormData) {
  return campaignFormSchema.safeParse(campaignFormValues(form));
}
