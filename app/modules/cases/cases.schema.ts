import { z } from "zod";
import { optionalText } from "~/lib/fields.schema";
import { slugSchema } from "~/modules/campaigns/campaigns.schema";

export const caseSearchSchema = z.object({
  q: z.string().trim().max(200, "Search words are at most 200 characters.").optional().default(""),
  conflict: z.enum(["korean_war", "cold_war", "vietnam"]).optional().catch(undefined),
  status: z.enum(["confirmed_alive_in_captivity", "reported_alive", "missing"]).optional().catch(undefined),
});

/** Timeline lines as organizers type them: `date | fact | source title | source URL`. */
export function parseTimeline(text: string): {
  facts: Array<{
    occurredOn: string | null;
    fact: string;
    sourceTitle: string | null;
    sourceUrl: string | null;
  }>;
  error?: string;
} {
  const facts = [];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const [date = "", fact = "", source = "", url = ""] = line.split("|").map((p) => p.trim());
    if (!fact) return { facts: [], error: `Line ${i + 1}: write the fact after the first "|".` };
    if (url && !/^(https?:\/\/\S+|\/media\/[a-z0-9/_.-]+)$/.test(url))
      return {
        facts: [],
        error: `Line ${i + 1}: the source address must start with http://, https:// or /media/ (an uploaded document).`,
      };
    facts.push({ occurredOn: date || null, fact, sourceTitle: source || null, sourceUrl: url || null });
  }
  return { facts };
}

export function formatTimeline(
  facts: Array<{
    occurredOn: string | null;
    fact: string;
    sourceTitle: string | null;
    sourceUrl: string | null;
  }>,
): string {
  return facts
    .map((f) =>
      [f.occurredOn ?? "", f.fact, f.sourceTitle ?? "", f.sourceUrl ?? ""]
        .join(" | ")
        .replace(/( \| )+$/, ""),
    )
    .join("\n");
}

export const caseFormSchema = z.object({
  slug: slugSchema,
  fullName: z
    .string({ error: "Enter the name." })
    .trim()
    .min(2, "Enter the name.")
    .max(160, "At most 160 characters."),
  rank: optionalText(80),
  service: optionalText(80),
  unit: optionalText(160),
  conflict: z.enum(["korean_war", "cold_war", "vietnam"], { error: "Choose the conflict." }),
  status: z.enum(["confirmed_alive_in_captivity", "reported_alive", "missing"], {
    error: "Choose the status.",
  }),
  lossDate: optionalText(60),
  lossPlace: optionalText(160),
  summary: z
    .string({ error: "Enter a summary." })
    .trim()
    .min(10, "Summaries are at least 10 characters.")
    .max(400, "Summaries are at most 400 characters."),
  bodyMd: z.string().max(50_000, "At most 50,000 characters.").default(""),
  photoUrl: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => v === null || /^(https:\/\/|\/)/.test(v),
      "Photo addresses must start with https:// or /.",
    ),
  photoCredit: optionalText(200),
  published: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  timeline: z.string().max(20_000, "At most 20,000 characters.").default(""),
});
export type CaseForm = z.infer<typeof caseFormSchema>;

const caseFields = [
  "slug",
  "fullName",
  "rank",
  "service",
  "unit",
  "conflict",
  "status",
  "lossDate",
  "lossPlace",
  "summary",
  "bodyMd",
  "photoUrl",
  "photoCredit",
  "timeline",
] as const;

/** The case editor's raw values, to re-fill the form after a preview or an error. */
export function caseFormValues(form: FormData) {
  const values = Object.fromEntries(caseFields.map((k) => [k, String(form.get(k) ?? "")])) as Record<
    (typeof caseFields)[number],
    string
  >;
  return { ...values, published: form.get("published") === "on" };
}
