import { Form } from "@remix-run/react";
import { CheckField, FormError, SelectField, TextArea, TextField } from "~/components/forms";
import { MediaItem } from "~/components/media-item";
import { MEDIA_KIND_LABELS, mediaUrl } from "~/modules/media/media";
import type { MediaFormValues } from "~/modules/media/media.schema";

/** The help-identify item editor (create and edit) with a preview of the public card. */
export function MediaForm({
  values,
  fields = {},
  readOnly,
  submitLabel,
  canRemoveImage,
}: {
  values: MediaFormValues;
  fields?: Record<string, string>;
  readOnly: boolean;
  submitLabel: string;
  canRemoveImage: boolean;
}) {
  const v = (k: keyof MediaFormValues) => (values[k] as string | null | undefined) ?? undefined;
  const preview = {
    slug: v("slug") || "preview",
    title: v("title") || "Title",
    kind: (v("kind") as "photo" | "film_still") || "photo",
    description: v("description") || "Description",
    dateText: v("dateText") || null,
    source: v("source") || null,
    imageUrl: mediaUrl(values.imageKey),
    imageAlt: v("imageAlt") || null,
  };
  return (
    <div className="two-col">
      <Form method="post" encType="multipart/form-data" className="stack">
        <FormError message={Object.keys(fields).length ? "Please correct the fields marked below." : null} />
        <fieldset disabled={readOnly} className="stack">
          <TextField name="title" label="Title" defaultValue={v("title")} required error={fields.title} />
          <TextField
            name="slug"
            label="Address (slug)"
            hint="Used in /cases/help-identify#slug and the tip form"
            defaultValue={v("slug")}
            required
            error={fields.slug}
          />
          <SelectField name="kind" label="Kind" defaultValue={v("kind") ?? "photo"} error={fields.kind}>
            {Object.entries(MEDIA_KIND_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </SelectField>
          <TextArea
            name="description"
            label="Description"
            hint="What it shows and what we want to know"
            defaultValue={v("description")}
            required
            maxLength={4000}
            error={fields.description}
          />
          <TextField
            name="dateText"
            label="Date"
            hint="As precise as known, e.g. 1951 or Wartime"
            defaultValue={v("dateText")}
            error={fields.dateText}
          />
          <TextField name="source" label="Source" defaultValue={v("source")} error={fields.source} />
          <TextField
            name="caseSlug"
            label="Related case (slug, optional)"
            defaultValue={v("caseSlug")}
            error={fields.caseSlug}
          />
          <div>
            <label htmlFor="image">Image {values.imageKey ? "(replace)" : ""}</label>
            <span id="image-hint" className="hint">
              JPEG, PNG, WebP or GIF, at most 10 MB. It is re-saved without metadata and at most 2000 px wide.
            </span>
            {fields.image ? (
              <p id="image-error" className="field-error">
                {fields.image}
              </p>
            ) : null}
            <input
              id="image"
              name="image"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif"
              aria-describedby={fields.image ? "image-hint image-error" : "image-hint"}
            />
          </div>
          <TextField
            name="imageAlt"
            label="Image description for screen readers"
            defaultValue={v("imageAlt")}
            error={fields.imageAlt}
          />
          <CheckField
            name="published"
            label="Published (visible on Help identify)"
            defaultChecked={values.published ?? false}
          />
          <div className="toolbar">
            <button className="button button--secondary" type="submit" name="intent" value="preview">
              Preview
            </button>
            <button className="button" type="submit" name="intent" value="save">
              {submitLabel}
            </button>
            {canRemoveImage && values.imageKey ? (
              <button className="button button--secondary" type="submit" name="intent" value="remove-image">
                Remove the image
              </button>
            ) : null}
          </div>
        </fieldset>
      </Form>
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <div className="preview">
          <MediaItem item={preview} headingLevel={3} actions={false} />
        </div>
      </section>
    </div>
  );
}
