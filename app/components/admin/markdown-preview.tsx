import type { ReactNode } from "react";

/** The server-rendered preview beside an editor (works without JavaScript). */
export function MarkdownPreview({ html, emptyText }: { html?: string | null; emptyText: string }) {
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      {html ? (
        <div className="preview prose" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p className="muted">{emptyText}</p>
      )}
    </section>
  );
}

/** The editor's submit buttons: preview (renders on the server, saves nothing), save, and any `children`. */
export function EditorActions({ submitLabel, children }: { submitLabel: string; children?: ReactNode }) {
  return (
    <div className="toolbar">
      <button className="button button--secondary" type="submit" name="intent" value="preview">
        Preview
      </button>
      <button className="button" type="submit" name="intent" value="save">
        {submitLabel}
      </button>
      {children}
    </div>
  );
}
