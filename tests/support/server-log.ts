import { readFileSync, statSync } from "node:fs";
import { beforeEach, inject } from "vitest";
import { collectServerErrors, isErrorLine } from "./server-errors";

// End-to-end tests: an error line in the real server's output (tests/support/server-global.ts)
// while a test runs fails that test, unless the test calls expectServerError(/pattern/).
const SETTLE_MS = 150; // the output reaches the log file through a pipe and the setup process

let offset = 0;

beforeEach(() => {
  offset = statSync(inject("serverLogFile")).size;
});

collectServerErrors(async () => {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const text = readFileSync(inject("serverLogFile")).subarray(offset).toString("utf8");
  return text.split("\n").filter(isErrorLine);
});
