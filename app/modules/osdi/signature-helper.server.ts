import { db } from "~db/index.server";
import { jsonInput } from "~/lib/input.server";
import { fieldErrors } from "~/lib/validation";
import { signatureSchema } from "~/modules/petitions/petitions.schema";
import { signPetition } from "~/modules/petitions/signing.server";
import { canonicalEmail } from "~/modules/supporters/supporters";
import { findPetition, findSignatureOf, type SignatureRow } from "./petitions.queries.server";
import { OSDI_FIELD_NAMES, recordSignatureSchema, signingFields } from "./signature-helper.schema";

export type RecordSignatureResult =
  | { kind: "created" | "existing"; signature: SignatureRow }
  | { kind: "refused"; status: number; code: string; message: string; fields?: Record<string, string> };

/**
 * OSDI's record_signature_helper: the signature goes through the same use-case as the form
 * (pending until the signer confirms from the email, which the outbox sends). A second call
 * for the same person and petition creates nothing and answers the signature already there.
 */
export async function recordSignature(
  petitionId: number,
  contentType: string | undefined,
  raw: string,
  context: { ip: string; userAgent: string | null },
): Promise<RecordSignatureResult> {
  const type = contentType?.replace(/^application\/hal\+json/i, "application/json");
  const input = jsonInput(type, raw);
  if (!input.ok) return { kind: "refused", ...input };
  const body = recordSignatureSchema.safeParse(input.values);
  if (!body.success)
    return refused("The body is not a signature with an inline person.", fieldErrors(body.error));
  const parsed = signatureSchema.safeParse(signingFields(body.data));
  if (!parsed.success) {
    const fields = Object.fromEntries(
      Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [OSDI_FIELD_NAMES[k] ?? k, v]),
    );
    return refused("Some of the person's fields are missing or invalid.", fields);
  }
  const petition = await findPetition(db(), petitionId);
  if (!petition)
    return { kind: "refused", status: 404, code: "not_found", message: "No petition has that id." };
  const email = canonicalEmail(parsed.data.email);
  const existing = await findSignatureOf(db(), petitionId, email);
  if (existing) return { kind: "existing", signature: existing };
  const result = await signPetition(petition.slug, parsed.data, { ...context, trusted: true });
  if (result.kind === "not_found")
    return { kind: "refused", status: 404, code: "not_found", message: "No petition has that id." };
  if (result.kind === "closed")
    return { kind: "refused", status: 409, code: "petition_closed", message: result.message };
  const signature = await findSignatureOf(db(), petitionId, email);
  // A signature the API does not show (set aside as fraudulent) already holds this address.
  if (!signature)
    return {
      kind: "refused",
      status: 409,
      code: "conflict",
      message: "This address cannot sign this petition.",
    };
  return { kind: "created", signature };
}

function refused(message: string, fields: Record<string, string>): RecordSignatureResult {
  return { kind: "refused", status: 400, code: "invalid_request", message, fields };
}
