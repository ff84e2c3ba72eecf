const BASE = "http://same-origin.invalid";

/**
 * Where to send a browser after signing in: only a path on this site. The value is parsed the
 * way a browser parses a Location header (which drops tabs and newlines and reads `\` as `/`),
 * so `/%09/evil.example` or `/\evil.example` cannot turn into `//evil.example`; anything with a
 * control character or a backslash, anything that resolves to another origin, and anything that
 * is not an absolute path gets the fallback. The answer is the normalised path, never the input.
 */
export function safeRedirect(to: unknown, fallback = "/admin"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to) || !to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that begins `//` (e.g. from `/.//evil`) would be read as another host by the browser.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
