import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField, TextArea, TextField, bindFields } from "~/components/forms";
import { CallScriptsForm } from "~/components/statements/call-scripts-form";
import { PositionBadge } from "~/components/statements/position-badge";
import { idParam, notFound } from "~/lib/http.server";
import { invalid, requireFormValues } from "~/lib/input.server";
import {
  callScriptsFor,
  removeScriptOverride,
  saveCallScripts,
  saveScriptOverride,
  scriptOverridesFor,
} from "~/modules/calls/call-scripts.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { KIND_LABELS, POSITION_LABELS, POSITIONS, STATEMENT_KINDS } from "~/modules/statements/statements";
import {
  callScriptsSchema,
  removeOverrideSchema,
  scriptOverrideSchema,
  verifySchema,
} from "~/modules/statements/statements.schema";
import { handleRecordStatement } from "~/modules/statements/statement-form.server";
import {
  campaignStatementsForAdmin,
  dismissStatement,
  verifyStatement,
} from "~/modules/statements/statements.server";

export const meta: MetaFunction = () => [
  { title: "Statements | Organizers" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizer(request);
  const id = idParam(params.id, "No campaign has that number.");
  const page = await campaignStatementsForAdmin(id);
  if (!page) notFound("No campaign has that number.");
  const [scripts, overrides] = await Promise.all([callScriptsFor(id), scriptOverridesFor(id)]);
  return { ...page, scripts, overrides };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const id = idParam(params.id, "No campaign has that number.");
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    return handleRecordStatement(request, organizer.id, id);
  const values = await requireFormValues(request);
  if (values.intent === "scripts") {
    const parsed = callScriptsSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, { values, saved: null });
    await saveCallScripts(organizer.id, id, parsed.data);
    return { values: null, fields: {}, saved: "Scripts saved." };
  }
  if (values.intent === "override") {
    const parsed = scriptOverrideSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, { values, saved: null });
    const { overrideTarget: target, overridePosition: position, script } = parsed.data;
    const saved = await saveScriptOverride(organizer.id, id, { target, position, script });
    if (!saved.ok) return invalid({ overrideTarget: saved.fields.target }, { values, saved: null });
    return { values: null, fields: {}, saved: "The script for this official is saved." };
  }
  if (values.intent === "override-remove") {
    const parsed = removeOverrideSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, { values, saved: null });
    await removeScriptOverride(organizer.id, id, parsed.data.override);
    return { values: null, fields: {}, saved: "Script removed." };
  }
  const parsed = verifySchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { values, saved: null });
  const ok =
    parsed.data.intent === "verify"
      ? await verifyStatement(organizer.id, parsed.data.id)
      : await dismissStatement(organizer.id, parsed.data.id);
  if (!ok)
    return data(
      { values: null, fields: { _form: "That statement was already verified or dismissed." }, saved: null },
      { status: 409 },
    );
  return {
    values: null,
    fields: {},
    saved:
      parsed.data.intent === "verify"
        ? "Verified: it is public now, and its news is on its way."
        : "Dismissed.",
  };
}

export default function CampaignStatements() {
  const { campaign, statements, targets, scripts, overrides } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fields: Record<string, string> = result?.fields ?? {};
  const bind = bindFields(result?.values as Record<string, unknown> | null, fields);
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}`}>← {campaign.title}</Link> ·{" "}
        <Link to={`/admin/campaigns/${campaign.id}/calls`}>Calls</Link> ·{" "}
        <Link to={`/campaigns/${campaign.slug}/scorecard`}>Public scorecard</Link>
      </p>
      <h1>Positions and statements</h1>
      {result?.saved ? (
        <p className="notice" role="status">
          {result.saved}
        </p>
      ) : null}
      {fields._form ? (
        <p className="alert" role="alert">
          {fields._form}
        </p>
      ) : null}
      <h2>Statements</h2>
      {statements.length ? (
        <ol className="statement-list">
          {statements.map((s) => (
            <li key={s.id} className="statement">
              <h3 className="h4">
                {s.memberName} <PositionBadge position={s.position} />{" "}
                <span className="small">
                  {KIND_LABELS[s.kind]}, {s.statedOn} ·{" "}
                  {s.origin === "supporter"
                    ? "sent in by a supporter"
                    : `recorded by ${s.recordedByName ?? "an organizer"}`}
                </span>
              </h3>
              <p className="statement-text">{s.body}</p>
              {s.sourceUrl ? (
                <p className="small">
                  <a href={s.sourceUrl} rel="noopener noreferrer">
                    Source
                  </a>
                </p>
              ) : null}
              {s.sourceFilename ? (
                <p className="small">
                  <a href={`/statements/${s.id}/source`}>Scan: {s.sourceFilename}</a>
                </p>
              ) : null}
              {s.verifiedAt ? (
                <p className="small">Verified</p>
              ) : s.dismissedAt ? (
                <p className="small">Dismissed</p>
              ) : (
                <Form method="post" className="toolbar">
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" name="intent" value="verify">
                    Verify statement {s.id}
                  </button>
                  <button type="submit" name="intent" value="dismiss" className="button--secondary">
                    Dismiss
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p>No statement recorded yet.</p>
      )}
      <h2>Record a statement</h2>
      <Form method="post" className="stack" encType="multipart/form-data">
        <input type="hidden" name="intent" value="record" />
        <SelectField {...bind("target")} label="Who said it">
          <option value="">Choose…</option>
          {targets.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </SelectField>
        <SelectField {...bind("position")} label="Position">
          {POSITIONS.map((p) => (
            <option key={p} value={p}>
              {POSITION_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <SelectField {...bind("kind")} label="Kind">
          {STATEMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <TextField {...bind("statedOn")} label="Date" type="date" />
        <TextArea {...bind("body")} label="Text or excerpt" rows={6} />
        <TextField {...bind("sourceUrl")} label="Source link (optional)" type="url" />
        <TextField
          name="scan"
          type="file"
          accept="application/pdf,image/jpeg,image/png,image/webp"
          label="Uploaded letter or scan (optional)"
          hint="A PDF or an image, at most 10 MB."
          error={fields.scan}
        />
        <TextField {...bind("bill")} label="Bill (optional)" hint="e.g. H.R. 1234" />
        <TextField {...bind("rollCall")} label="Roll-call vote (optional)" />
        <button type="submit">Record the statement</button>
      </Form>
      <CallScriptsForm
        scripts={scripts}
        overrides={overrides}
        targets={targets}
        values={result?.values as Record<string, unknown> | null}
        fields={fields}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
