/**
 * Text made safe to place in HTML, in element content and in quoted attribute values: the five
 * characters that can end either (& < > " ') become numeric character references. The one rule
 * for HTML written outside React (email placeholders filled after rendering, the embed widget).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
