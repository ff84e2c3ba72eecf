import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, connectDatabase } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { E2E_SESSION_SECRET } from "./urls";

/** In end-to-end tests: connect this test process to the running server's database (for factories). */
export function useServerDatabase() {
  beforeAll(() => {
    overrideEnv({ LOG_LEVEL: "error", SESSION_SECRET: E2E_SESSION_SECRET });
    connectDatabase(inject("serverDatabaseUrl"), 3);
  });
  afterAll(async () => {
    await closeDatabase();
  });
}
