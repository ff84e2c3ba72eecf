import type { StatementPosition } from "~db/schema";
import { Form } from "@remix-run/react";
import { SelectField, TextArea, bindFields } from "~/components/forms";
import { POSITION_LABELS, POSITIONS } from "~/modules/statements/statements";

/**
 * The organizer's call scripts: one per position for the campaign, and scripts for one official
 * and position that replace the campaign's (e.g. a thank-you for Senator Sanders once he supports).
 */
export function CallScriptsForm({
  scripts,
  overrides,
  targets,
  values,
  fields,
}: {
  scripts: Record<StatementPosition, string>;
  overrides: Array<{ id: number; key: string; position: StatementPosition; script: string }>;
  targets: Array<{ key: string; label: string }>;
  values: Record<string, unknown> | null;
  fields: Record<string, string>;
}) {
  const bind = bindFields(values, fields);
  const labels = new Map(targets.map((t) => [t.key, t.label]));
  return (
    <>
      <h2>Call scripts</h2>
      <p className="muted small">
        One per position; callers see the script for their official's current position. Write {"{{name}}"} for
        the official's name.
      </p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="scripts" />
        {POSITIONS.map((p) => (
          <TextArea
            key={p}
            name={p}
            label={`Script when the official: ${POSITION_LABELS[p].toLowerCase()}`}
            defaultValue={scripts[p]}
            rows={3}
            error={fields[p]}
          />
        ))}
        <button type="submit">Save scripts</button>
      </Form>
      <h3>Scripts for one official</h3>
      <p className="muted small">
        Replaces the campaign's script for that position when a caller sees this official.
      </p>
      {overrides.length ? (
        <ul className="stack">
          {overrides.map((o) => (
            <li key={o.id}>
              <strong>{labels.get(o.key) ?? o.key}</strong>, when {POSITION_LABELS[o.position].toLowerCase()}:{" "}
              <span className="statement-text">{o.script}</span>
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="override-remove" />
                <input type="hidden" name="override" value={o.id} />
                <button type="submit" className="button--secondary">
                  Remove the script for {labels.get(o.key) ?? o.key} (
                  {POSITION_LABELS[o.position].toLowerCase()})
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="override" />
        <SelectField {...bind("overrideTarget")} label="Official">
          <option value="">Choose…</option>
          {targets.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </SelectField>
        <SelectField {...bind("overridePosition")} label="When the official">
          {POSITIONS.map((p) => (
            <option key={p} value={p}>
              {POSITION_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <TextArea {...bind("script")} label="Script for this official" rows={3} />
        <button type="submit">Save the script for this official</button>
      </Form>
    </>
  );
}
