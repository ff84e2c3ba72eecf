import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { TextField } from "~/components/forms";
import { formatBytes } from "~/modules/uploads/uploads";

export interface CaseUploadResult {
  kind: "photo" | "document";
  error: string | null;
  url: string | null;
}

/** One file upload form of the case editor, posted with its kind as the intent. */
function UploadForm(props: {
  kind: CaseUploadResult["kind"];
  legend: string;
  label: string;
  accept: string;
  readOnly: boolean;
  message: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Form method="post" encType="multipart/form-data" className="stack">
      <input type="hidden" name="intent" value={props.kind} />
      <fieldset disabled={props.readOnly} className="stack">
        <legend>{props.legend}</legend>
        {props.children}
        <div>
          <label htmlFor={`case-${props.kind}`}>{props.label}</label>
          <input id={`case-${props.kind}`} name="file" type="file" accept={props.accept} required />
        </div>
        {props.message}
        <div>
          <button className="button button--secondary" type="submit">
            Upload {props.kind}
          </button>
        </div>
      </fieldset>
    </Form>
  );
}

/** The case editor's uploads: the case photo, and source documents for timeline lines. */
export function CaseUploads({
  documents,
  result,
  readOnly,
}: {
  documents: Array<{ id: number; title: string; url: string; contentType: string; bytes: number }>;
  result?: CaseUploadResult | null;
  readOnly: boolean;
}) {
  const message = (kind: CaseUploadResult["kind"]) =>
    result?.kind !== kind ? null : result.error ? (
      <p className="field-error" role="alert">
        {result.error}
      </p>
    ) : (
      <p className="notice" role="status">
        Uploaded: <code>{result.url}</code>
        {kind === "document" ? " (use it as the source URL of a timeline line)" : " is now the case photo"}.
      </p>
    );
  return (
    <section aria-labelledby="uploads-heading" className="case-uploads">
      <h2 id="uploads-heading">Photo and source documents</h2>
      <div className="two-col">
        <UploadForm
          kind="photo"
          legend="Case photo"
          label="Image (JPEG, PNG, WebP or GIF, at most 10 MB)"
          accept="image/jpeg,image/png,image/webp,image/gif"
          readOnly={readOnly}
          message={message("photo")}
        />
        <UploadForm
          kind="document"
          legend="Source document"
          label="File (PDF or image, at most 10 MB)"
          accept="application/pdf,image/jpeg,image/png,image/webp,image/gif"
          readOnly={readOnly}
          message={message("document")}
        >
          <TextField name="title" label="Document title" maxLength={200} required />
        </UploadForm>
      </div>
      {documents.length ? (
        <table className="data">
          <caption className="visually-hidden">Uploaded source documents</caption>
          <thead>
            <tr>
              <th>Title</th>
              <th>Address for the timeline</th>
              <th>Type</th>
              <th className="num">Size</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={d.url}>{d.title}</a>
                </td>
                <td>
                  <code>{d.url}</code>
                </td>
                <td>{d.contentType}</td>
                <td className="num">{formatBytes(d.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">
          No documents uploaded yet. Upload one, then put its address as the 4th part of a timeline line.
        </p>
      )}
    </section>
  );
}
