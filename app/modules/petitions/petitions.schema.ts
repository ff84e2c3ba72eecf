import { z } from "zod";
import {
  COMMENT_MAX,
  email,
  freeText,
  isPostcode,
  isUsZip,
  normalizeUsZip,
  personName,
  POSTCODE_MESSAGE,
  US_ZIP_MESSAGE,
} from "~/lib/fields.schema";
import { slugSchema } from "~/modules/campaigns/campaigns.schema";

/** A checkbox ("on" from a form, a boolean in JSON); anything else is an error, not false. */
const checkbox = z.preprocess(
  (v) =>
    v === undefined || v === null || v === ""
      ? undefined
      : v === true || v === "on" || v === "true" || v === "1"
        ? true
        : v === false || v === "false" || v === "0"
          ? false
          : v,
  z.boolean({ error: "Tick the box or leave it empty." }).optional(),
);

export const COUNTRIES: Array<[string, string]> = [
  ["US", "United States"],
  ["CA", "Canada"],
  ["GB", "United Kingdom"],
  ["KR", "South Korea"],
  ["AU", "Australia"],
  ["DE", "Germany"],
  ["FR", "France"],
  ["JP", "Japan"],
  ["PH", "Philippines"],
  ["MX", "Mexico"],
  ["ZZ", "Another country"],
];
const countryCodes = COUNTRIES.map(([code]) => code) as [string, ...string[]];

/** ZIP rules depend on the country: check them whenever both fields parsed, even if others failed. */
function zipCheckable(payload: { issues: Array<{ path?: PropertyKey[] }> }) {
  return !payload.issues.some((i) => i.path?.[0] === "zip" || i.path?.[0] === "country");
}

/** One schema for the signing form and the JSON API (camelCase fields). */
export const signatureSchema = z
  .object({
    firstName: personName("first name"),
    lastName: personName("last name"),
    email: email("Enter your email address."),
    country: z.preprocess(
      (v) => (v === undefined || v === null || v === "" ? "US" : v),
      z.enum(countryCodes, { error: "Choose a country from the list." }),
    ),
    zip: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.string({ error: "Enter a ZIP code." }).max(12, "Postal codes are at most 12 characters.").optional(),
    ),
    comment: freeText("Your comment", COMMENT_MAX, `Comments are at most ${COMMENT_MAX} characters.`)
      .optional()
      .transform((v) => (v ? v : undefined)),
    showName: checkbox.transform((v) => v ?? false),
    optIn: checkbox.transform((v) => v ?? false),
    source: z
      .string()
      .trim()
      .max(40)
      .optional()
      .transform((v) => (v && /^[a-z0-9_-]+$/i.test(v) ? v.toLowerCase() : undefined))
      .catch(undefined),
    /** The honeypot: a field people never see. Filled in, the signature is silently marked fraudulent. */
    website: z
      .unknown()
      .optional()
      .transform((v) => typeof v === "string" && v.trim().length > 0),
  })
  .refine((v) => v.country !== "US" || !!v.zip, {
    path: ["zip"],
    message: "Enter your 5-digit ZIP code.",
    when: zipCheckable,
  })
  .refine((v) => v.country !== "US" || !v.zip || isUsZip(v.zip), {
    path: ["zip"],
    message: US_ZIP_MESSAGE,
    when: zipCheckable,
  })
  .refine((v) => v.country === "US" || !v.zip || isPostcode(v.zip), {
    path: ["zip"],
    message: POSTCODE_MESSAGE,
    when: zipCheckable,
  })
  .transform((v) => (v.country === "US" && v.zip ? { ...v, zip: normalizeUsZip(v.zip) } : v));
export type SignatureInput = z.output<typeof signatureSchema>;

export const petitionSettingsSchema = z.object({
  ask: z
    .string({ error: "Enter the ask." })
    .trim()
    .min(20, "The ask is at least 20 characters.")
    .max(2000, "The ask is at most 2,000 characters."),
  goal: z.coerce
    .number({ error: "Enter a goal." })
    .int("Whole numbers only.")
    .min(1, "The goal is at least 1.")
    .max(100_000_000, "The goal is at most 100,000,000."),
  deadline: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: "custom", message: "Enter a date and time." });
        return z.NEVER;
      }
      return d;
    }),
  requiresConfirmation: checkbox.transform((v) => v ?? false),
});
export type PetitionSettings = z.output<typeof petitionSettingsSchema>;

export const createPetitionSchema = petitionSettingsSchema.extend({ campaignSlug: slugSchema });

export const INVALIDATION_RULES = ["ip", "ipHash", "domain", "email", "zip", "window"] as const;
export const invalidationSchema = z
  .object({
    rule: z.enum(INVALIDATION_RULES, { error: "Choose what to invalidate by." }),
    value: z.string().trim().max(254).default(""),
    from: z.string().trim().default(""),
    to: z.string().trim().default(""),
    confirm: checkbox.transform((v) => v ?? false),
  })
  .superRefine((v, ctx) => {
    if (v.rule === "window") {
      for (const key of ["from", "to"] as const) {
        if (!v[key] || Number.isNaN(new Date(v[key]).getTime()))
          ctx.addIssue({ code: "custom", path: [key], message: "Enter a date and time." });
      }
    } else if (!v.value)
      ctx.addIssue({ code: "custom", path: ["value"], message: "Enter the value to match." });
    else if (v.rule === "zip" && !/^\d{5}$/.test(v.value))
      ctx.addIssue({ code: "custom", path: ["value"], message: "Enter a 5-digit ZIP code." });
  });
export type InvalidationInput = z.output<typeof invalidationSchema>;

export const signatureFilterSchema = z.object({
  q: z.string().trim().max(254).optional().catch(undefined),
  state: z
    .enum(["pending", "confirmed", "fraudulent", "invalidated", "withdrawn"])
    .optional()
    .catch(undefined),
  domain: z.string().trim().max(254).optional().catch(undefined),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}$/)
    .optional()
    .catch(undefined),
  after: z.coerce.number().int().positive().optional().catch(undefined),
});
export type SignatureFilter = z.output<typeof signatureFilterSchema>;
