import { z } from "zod";
import { optionalEmail, optionalFullName } from "~/lib/fields.schema";
import { dollarsToCents, formatCents } from "./donations";

export interface DonationLimits {
  minCents: number;
  maxCents: number;
  presetsCents: number[];
}

export const UPDATES_WORDING =
  "Send me email updates about this campaign. (You can unsubscribe at any time.)";

/**
 * The giving form. The form only chooses (a preset or a typed amount, one time or monthly); the
 * server computes the amount in whole cents and checks it against the limits in settings.
 */
export function donationFormSchema(limits: DonationLimits) {
  return z
    .object({
      nonce: z
        .string({ error: "The form expired; please try again." })
        .regex(/^[A-Za-z0-9_-]{16,64}$/, "The form expired; please try again."),
      amount: z.string({ error: "Choose an amount." }).trim().min(1, "Choose an amount."),
      customAmount: z.string().max(32, "Enter an amount in dollars, e.g. 25 or 25.50.").optional(),
      currency: z
        .string()
        .trim()
        .toLowerCase()
        .optional()
        .refine(
          (v) => v === undefined || v === "" || v === "usd",
          "We accept gifts in US dollars (USD) only.",
        ),
      frequency: z
        .enum(["one_time", "monthly"], { error: "Choose one time or monthly." })
        .default("one_time"),
      name: optionalFullName,
      email: optionalEmail,
      updates: z.literal("on").optional(),
    })
    .transform((form, ctx) => {
      const typed = form.amount === "custom" ? (form.customAmount ?? "") : form.amount;
      const cents =
        form.amount === "custom"
          ? dollarsToCents(typed)
          : limits.presetsCents.includes(Number(form.amount))
            ? Number(form.amount)
            : null;
      const path = [form.amount === "custom" ? "customAmount" : "amount"];
      if (cents === null) {
        ctx.addIssue({
          code: "custom",
          path,
          message:
            "Enter an amount in dollars and cents, e.g. 25 or 25.50 (no negative numbers or fractions of a cent).",
        });
        return z.NEVER;
      }
      if (cents < limits.minCents) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `The smallest gift is ${formatCents(limits.minCents)}.`,
        });
        return z.NEVER;
      }
      if (cents > limits.maxCents) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `The largest gift online is ${formatCents(limits.maxCents)}. Please write to us for larger gifts.`,
        });
        return z.NEVER;
      }
      if (form.updates && !form.email) {
        ctx.addIssue({
          code: "custom",
          path: ["email"],
          message: "Enter your email address to get updates.",
        });
        return z.NEVER;
      }
      return {
        nonce: form.nonce,
        amountCents: cents,
        currency: "usd" as const,
        frequency: form.frequency,
        name: form.name ?? "",
        email: form.email ?? null,
        updates: form.updates === "on",
      };
    });
}
