import { data, redirect } from "@remix-run/node";
import { previewMarkdown } from "~/modules/campaigns/campaigns.server";
import { caseFormSchema, caseFormValues } from "./cases.schema";
import { saveCase } from "./cases.server";
import { invalid } from "~/lib/input.server";

/** The shared action of the case editor (new and edit): preview, or validate and save. */
export async function handleCaseEditor(form: FormData, actorId: number, id: number | null) {
  const values = caseFormValues(form);
  if (form.get("intent") === "preview")
    return data({ fields: {} as Record<string, string>, preview: previewMarkdown(values.bodyMd), values });
  const parsed = caseFormSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { preview: null, values });
  const result = await saveCase(actorId, id, parsed.data);
  if (!result.ok) return invalid(result.fields, { preview: null, values });
  throw redirect(`/admin/cases/${result.id}?saved=1`);
}
