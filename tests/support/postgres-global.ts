import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../db/embedded.server";
import { createDb } from "../../db/index.server";
import { migrateToLatest } from "../../db/migrate.server";
import { databaseUrlFor } from "./urls";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL for the whole run: the embedded one in a temporary folder, or the server at
 * DATABASE_URL. A template database is migrated once; each test file copies it.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(tmpdir(), "unreturned-test-pg-"));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user and must enter it
    embedded = await startEmbeddedPostgres({ dataDir: dir, persistent: false, fast: true });
    adminUrl = embedded.url;
  }
  const templateDatabase = `test_template_${process.pid}_${project.name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDatabase}`);
  await admin.query(`create database ${templateDatabase}`);
  const templateUrl = databaseUrlFor(adminUrl, templateDatabase);
  const { db } = createDb(templateUrl, 2);
  await migrateToLatest(db, templateUrl);
  await db.destroy();

  project.provide("adminUrl", adminUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'test\\_%' and (datname = $1 or datname like $2)`,
      [templateDatabase, `test_${process.pid}_%`],
    );
    for (const { datname } of leftovers.rows)
      await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
