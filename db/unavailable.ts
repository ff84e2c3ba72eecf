/**
 * Whether an error means "the database cannot answer right now" (down, restarting, failed
 * over, overloaded or too slow) rather than a defect: such errors become 503 with Retry-After,
 * never 500. Pure, so the web layer and tests can share it.
 */
const NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

// SQLSTATE classes and codes: 08 connection exception, 57P01-57P05 admin shutdown / crash /
// cannot connect now / database dropped / idle session timeout, 53300 too many connections,
// 57014 statement timeout or cancel, 25P03 idle-in-transaction timeout, 40001/40P01 are not
// here (they are retried by callers, not a database outage).
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "57P05", "53300", "53400", "57014", "25P03"]);

const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /client has encountered a connection error and is not queryable/i,
  /cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection/i,
  /server closed the connection unexpectedly/i,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (
    typeof e.code === "string" &&
    (NODE_CODES.has(e.code) || SQLSTATES.has(e.code) || e.code.startsWith("08"))
  )
    return true;
  if (typeof e.message === "string" && MESSAGES.some((re) => re.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
    return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
