import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, connectDatabase } from "~db/index.server";
import { overrideEnv } from "~/env.server";

/** In end-to-end tests: connect this test process to the running server's database (for factories). */
export function useServerDatabase() {
  beforeAll(() => {
    overrideEnv({ LOG_LEVEL: "silent" });
    connectDatabase(inject("serverDatabaseUrl"), 3);
  });
  afterAll(async () => {
    await closeDatabase();
  });
}
