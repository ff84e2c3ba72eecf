import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, connectDatabase } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { createFreshDatabase } from "./fresh-database";

// Each integration test file gets a database of its own, copied from the migrated template.
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const fresh = await createFreshDatabase({
    adminUrl: inject("adminUrl"),
    templateDatabase: inject("templateDatabase"),
  });
  drop = fresh.drop;
  overrideEnv({ DATABASE_URL: fresh.url, LOG_LEVEL: "error" });
  connectDatabase(fresh.url, 5);
});

afterAll(async () => {
  await closeDatabase();
  await drop?.();
});
