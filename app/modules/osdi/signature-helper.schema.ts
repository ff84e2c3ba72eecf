import { z } from "zod";

/*
 * The body of OSDI's record_signature_helper: the signature with its person inline. Only the
 * shape is checked here; the fields themselves go through the signing form's own schema
 * (signatureSchema), so the API and the form accept exactly the same names, addresses and ZIPs.
 */
const emailAddress = z.object({
  address: z.unknown(),
  primary: z.boolean().optional(),
  status: z.enum(["subscribed", "unsubscribed", "bouncing", "spam complaints"]).optional(),
});
const postalAddress = z.object({
  postal_code: z.unknown().optional(),
  country: z.unknown().optional(),
  primary: z.boolean().optional(),
});

export const recordSignatureSchema = z.object({
  person: z.object(
    {
      given_name: z.unknown(),
      family_name: z.unknown(),
      email_addresses: z
        .array(emailAddress, { error: "Give the person's email_addresses as a list." })
        .min(1, "Give at least one email address.")
        .max(5),
      postal_addresses: z.array(postalAddress).max(5).optional(),
    },
    { error: "Send the signer as an inline person." },
  ),
  comments: z.unknown().optional(),
  referrer_data: z.object({ source: z.unknown().optional() }).optional(),
});
export type RecordSignatureBody = z.output<typeof recordSignatureSchema>;

/** The signing form's fields from the OSDI body, and the OSDI name of each for error messages. */
export function signingFields(body: RecordSignatureBody) {
  const email = body.person.email_addresses.find((e) => e.primary) ?? body.person.email_addresses[0];
  const postal = body.person.postal_addresses?.find((p) => p.primary) ?? body.person.postal_addresses?.[0];
  return {
    firstName: body.person.given_name,
    lastName: body.person.family_name,
    email: email.address,
    country: postal?.country,
    zip: postal?.postal_code,
    comment: body.comments,
    optIn: email.status === "subscribed",
    source: typeof body.referrer_data?.source === "string" ? body.referrer_data.source : "osdi",
  };
}

export const OSDI_FIELD_NAMES: Record<string, string> = {
  firstName: "person.given_name",
  lastName: "person.family_name",
  email: "person.email_addresses.0.address",
  country: "person.postal_addresses.0.country",
  zip: "person.postal_addresses.0.postal_code",
  comment: "comments",
};
