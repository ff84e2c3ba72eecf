import { beforeEach, vi } from "vitest";
import { collectServerErrors, isErrorLine } from "./server-errors";

// A console.error during a test fails it: errors must be asserted, not printed. An error the app
// logs in this process (app/lib/log.server.ts writes error lines to stderr; tests run with
// LOG_LEVEL=error) fails it too, unless the test calls expectServerError(/pattern/).
let consoleSpy: ReturnType<typeof vi.spyOn>;
let stderrLines: string[] = [];
const realWrite = process.stderr.write.bind(process.stderr);

beforeEach(() => {
  consoleSpy = vi.spyOn(console, "error");
  stderrLines = [];
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    for (const line of String(chunk).split("\n")) if (isErrorLine(line)) stderrLines.push(line);
    return (realWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
});

// Runs in server-errors.ts's one afterEach, so the order of hooks does not matter.
collectServerErrors(() => {
  process.stderr.write = realWrite;
  const calls = consoleSpy.mock.calls.map((c) => c.map(String).join(" "));
  consoleSpy.mockRestore();
  const other = calls.filter((c) => !isErrorLine(c));
  if (other.length) throw new Error(`console.error was called during the test:\n${other.join("\n")}`);
  // console.error lines from the app (the pool, the worker) can be expected like log lines
  return [...stderrLines, ...calls.filter(isErrorLine)];
});
