/** The same server's URL with another database name. */
export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The end-to-end server's session secret, shared with the test process so it can mint cookies. */
export const E2E_SESSION_SECRET = "e2e-session-secret-not-for-production-use";
