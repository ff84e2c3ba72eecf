import { randomBytes } from "node:crypto";
import pg from "pg";
import { databaseUrlFor } from "./urls";

/** A new database copied from the migrated template; returns its URL and a drop function. */
export async function createFreshDatabase(provided: {
  adminUrl: string;
  templateDatabase: string;
}): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = provided.adminUrl;
  const template = provided.templateDatabase;
  const name = `test_${template.split("_")[2]}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrlFor(adminUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
