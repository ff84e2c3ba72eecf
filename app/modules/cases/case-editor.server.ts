import { data, redirect } from "@remix-run/node";
import { fieldErrors } from "~/lib/validation";
import { previewMarkdown } from "~/modules/campaigns/campaigns.server";
import { caseFormSchema, caseFormValues } from "./cases.schema";
import { saveCase } from "./cases.server";

/** The shared action of the case editor (new and edit): preview, or validate and save. */
export async function handleCaseEditor(form: FormData, actorId: number, id: number | null) {
  const values = caseFormValues(form);
  if (form.get("intent") === "preview") return data({ fields: {} as Record<string, string>, preview: previewMarkdown(values.bodyMd), values });
  const parsed = caseFormSchema.safeParse(values);
  if (!parsed.success) return data({ fields: fieldErrors(parsed.error), preview: null, values }, { status: 400 });
  const result = await saveCase(actorId, id, parsed.data);
  if (!result.ok) return data({ fields: result.fields, preview: null, values }, { status: 400 });
  throw redirect(`/admin/cases/${result.id}?saved=1`);
}
