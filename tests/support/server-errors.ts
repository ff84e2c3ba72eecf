import { afterEach } from "vitest";

/**
 * A server error logged during a test fails that test, unless the test says it expects it:
 *
 *   expectServerError(/stripe webhook failed/);
 *
 * An expected error that is never logged fails the test too, so the expectation cannot go stale.
 * Sources of logged lines register a collector: tests/support/no-console-error.ts (what the app
 * logs in the test process) and tests/support/server-log.ts (the end-to-end server's output).
 */
let expected: RegExp[] = [];
const collectors: Array<() => string[] | Promise<string[]>> = [];

export function expectServerError(pattern: RegExp): void {
  expected.push(pattern);
}

/** An error line in the app's log format (app/lib/log.server.ts) or from the pool or worker. */
export function isErrorLine(line: string): boolean {
  return /^\S+ ERROR /.test(line) || /^\[(db|worker)\] /.test(line);
}

/** Registers a source of the error lines logged during the test that just ended. */
export function collectServerErrors(collector: () => string[] | Promise<string[]>): void {
  collectors.push(collector);
}

afterEach(async () => {
  const patterns = expected;
  expected = [];
  const lines = (await Promise.all(collectors.map((c) => c()))).flat();
  const seen = new Set<RegExp>();
  const problems = lines
    .filter((line) => {
      const match = patterns.find((p) => p.test(line));
      if (match) seen.add(match);
      return !match;
    })
    .map(
      (line) =>
        `unexpected server error (expect it with expectServerError(/.../) if the test causes it on purpose): ${line}`,
    );
  for (const p of patterns)
    if (!seen.has(p)) problems.push(`expected a server error matching ${p}, but none was logged`);
  if (problems.length) throw new Error(problems.join("\n"));
});
