/** The server-rendered preview beside an editor (works without JavaScript). */
export function MarkdownPreview({ html, emptyText }: { html?: string | null; emptyText: string }) {
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      {html ? <div className="preview prose" dangerouslySetInnerHTML={{ __html: html }} /> : <p className="muted">{emptyText}</p>}
    </section>
  );
}
