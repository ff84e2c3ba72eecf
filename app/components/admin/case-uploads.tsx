import { Form } from "@remix-run/react";
import { TextField } from "~/components/forms";
import { formatBytes } from "~/modules/uploads/uploads";

export interface CaseUploadResult {
  kind: "photo" | "document";
  error: string | null;
  url: string | null;
}

/** The case editor's uploads: the case photo, and source documents for timeline lines. */
export function CaseUploads({ documents, result, readOnly }: { documents: Array<{ id: number; title: string; url: string; contentType: string; bytes: number }>; result?: CaseUploadResult | null; readOnly: boolean }) {
  const message = (kind: CaseUploadResult["kind"]) =>
    result?.kind !== kind ? null : result.error ? <p className="field-error" role="alert">{result.error}</p> : <p className="notice" role="status">Uploaded: <code>{result.url}</code>{kind === "document" ? " (use it as the source URL of a timeline line)" : " is now the case photo"}.</p>;
  return (
    <section aria-labelledby="uploads-heading" className="case-uploads">
      <h2 id="uploads-heading">Photo and source documents</h2>
      <div className="two-col">
        <Form method="post" encType="multipart/form-data" className="stack">
          <input type="hidden" name="intent" value="photo" />
          <fieldset disabled={readOnly} className="stack">
            <legend>Case photo</legend>
            <div>
              <label htmlFor="case-photo">Image (JPEG, PNG, WebP or GIF, at most 10 MB)</label>
              <input id="case-photo" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif" required />
            </div>
            {message("photo")}
            <div><button className="button button--secondary" type="submit">Upload photo</button></div>
          </fieldset>
        </Form>
        <Form method="post" encType="multipart/form-data" className="stack">
          <input type="hidden" name="intent" value="document" />
          <fieldset disabled={readOnly} className="stack">
            <legend>Source document</legend>
            <TextField name="title" label="Document title" maxLength={200} required />
            <div>
              <label htmlFor="case-document">File (PDF or image, at most 10 MB)</label>
              <input id="case-document" name="file" type="file" accept="application/pdf,image/jpeg,image/png,image/webp,image/gif" required />
            </div>
            {message("document")}
            <div><button className="button button--secondary" type="submit">Upload document</button></div>
          </fieldset>
        </Form>
      </div>
      {documents.length ? (
        <table className="data">
          <caption className="visually-hidden">Uploaded source documents</caption>
          <thead><tr><th>Title</th><th>Address for the timeline</th><th>Type</th><th className="num">Size</th></tr></thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}><td><a href={d.url}>{d.title}</a></td><td><code>{d.url}</code></td><td>{d.contentType}</td><td className="num">{formatBytes(d.bytes)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted small">No documents uploaded yet. Upload one, then put its address as the 4th part of a timeline line.</p>}
    </section>
  );
}
