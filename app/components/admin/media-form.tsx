import { Form } from "@remix-run/react";
import { bindFields, CheckField, FormError, LabelOptions, SelectField, TextArea, TextField } from "../forms";
import { MediaItem } from "~/components/media-item";
import { EditorActions } from "./markdown-preview";
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
  const f = bindFields(values, fields);
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
          <TextField {...f("title")} label="Title" required />
          <TextField
            {...f("slug")}
            label="Address (slug)"
            hint="Used in /cases/help-identify#slug and the tip form"
            required
          />
          <SelectField {...f("kind")} label="Kind" defaultValue={v("kind") ?? "photo"}>
            <LabelOptions labels={MEDIA_KIND_LABELS} />
          </SelectField>
          <TextArea
            {...f("description")}
            label="Description"
            hint="What it shows and what we want to know"
            required
            maxLength={4000}
          />
          <TextField {...f("dateText")} label="Date" hint="As precise as known, e.g. 1951 or Wartime" />
          <TextField {...f("source")} label="Source" />
          <TextField {...f("caseSlug")} label="Related case (slug, optional)" />
          <TextField
            {...f("image")}
            type="file"
            label={`Image ${values.imageKey ? "(replace)" : ""}`}
            hint="JPEG, PNG, WebP or GIF, at most 10 MB. It is re-saved without metadata and at most 2000 px wide."
            accept="image/jpeg,image/png,image/webp,image/gif"
          />
          <TextField {...f("imageAlt")} label="Image description for screen readers" />
          <CheckField
            name="published"
            label="Published (visible on Help identify)"
            defaultChecked={values.published ?? false}
          />
          <EditorActions submitLabel={submitLabel}>
            {canRemoveImage && values.imageKey ? (
              <button className="button button--secondary" type="submit" name="intent" value="remove-image">
                Remove the image
              </button>
            ) : null}
          </EditorActions>
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
