import { sql } from "kysely";
import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { runImport } from "~/modules/supporters/import.server";
import { action as importAction, loader as importLoader } from "~/routes/admin.supporters.import";
import { loader as progressLoader, meta as progressMeta } from "~/routes/admin.supporters.imports.$id";
import { makeOrganizer } from "../factories";
import { zipDistricts } from "../support/petitions";
import { callRouteRaw, post } from "../support/remix";
import { sessionCookieFor, unwrap } from "../support/route-result";

const WORDING = "Send me news about the campaign for our missing men.";
let headers: Record<string, string>;
let run = 0;

beforeAll(async () => {
  await zipDistricts([{ zip: "05401", state: "VT", district: 0 }]);
  const o = await makeOrganizer("editor");
  headers = { Cookie: await sessionCookieFor(o.id) };
});

/** A unique address prefix per test, so files of different tests never meet. */
const tag = () => `imp${Date.now().toString(36)}${run++}`;

function upload(
  intent: "check" | "import",
  file: string | Uint8Array,
  options: { name?: string; type?: string; sourceTool?: string } = {},
) {
  const body = new FormData();
  body.append("intent", intent);
  body.append("sourceTool", options.sourceTool ?? "Action Network");
  body.append("wording", WORDING);
  const bytes = typeof file === "string" ? new TextEncoder().encode(file) : file;
  body.append(
    "file",
    new File([new Uint8Array(bytes)], options.name ?? "people.csv", { type: options.type ?? "text/csv" }),
  );
  return callRouteRaw(importAction as never, post("/admin/supporters/import", body, headers)).then(unwrap);
}

const count = async (table: "supporters" | "supporter_imports" | "consents" | "supporter_import_rows") =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db())).rows[0].n;

async function importFile(file: string, sourceTool = "Action Network") {
  const started = await upload("import", file, { sourceTool });
  expect(started.status).toBe(302);
  const id = Number(/imports\/(\d+)$/.exec(started.location!)![1]);
  await runImport(id);
  return id;
}

async function progress(id: number) {
  return unwrap(
    await callRouteRaw(
      progressLoader as never,
      new Request(`http://localhost/admin/supporters/imports/${id}`, { headers }),
      { id: String(id) },
    ),
  );
}

describe("importing supporters from a CSV file", () => {
  it("checks the file first: each row's errors and what would be created or filled in, writing nothing", async () => {
    const t = tag();
    await importFile(`email,first_name\n${t}-known@example.org,Known\n`);
    const file = [
      "Email,First Name,Last Name,Postal Code,Country,Tags,Consent",
      `${t}-a@example.org,Alma,Reyes,05401,US,"family, volunteer",yes`,
      `${t}-known@example.org,Known,Person,,,,no`,
      `not-an-address,Bad,Email,05401,US,,yes`,
      `${t}-b@example.org,Ben,Ortiz,ABCDE,US,,maybe`,
      `${t}-A@Example.org,Alma,Again,,,,yes`,
    ].join("\r\n");
    const before = await Promise.all([count("supporters"), count("supporter_imports"), count("consents")]);
    const checked = await upload("check", file);
    expect(checked.status).toBe(200);
    expect(checked.data).toMatchObject({
      kind: "checked",
      total: 5,
      wouldCreate: 1,
      wouldUpdate: 1,
      skipped: 3,
    });
    expect(checked.data.errors).toEqual([
      { row: 4, field: "email", message: "Enter an email address like name@example.org." },
      { row: 5, field: "ZIP or postal code", message: expect.stringContaining("5 digits") },
      { row: 5, field: "consent to email", message: "Write yes or no." },
      { row: 6, field: "email", message: "The same person as row 2; only row 2 is imported." },
    ]);
    expect(await Promise.all([count("supporters"), count("supporter_imports"), count("consents")])).toEqual(
      before,
    );
  });

  it("imports: consent recorded as imported with the source and the wording, tags, and no duplicates the second time", async () => {
    const t = tag();
    const file = [
      "email,first_name,last_name,zip_code,can2_country,can2_tags,email_consent",
      `${t}-c@example.org,Cora,Lind,5401,,Family,yes`,
      `${t}-d@example.org,Dale,Moss,05401,US,,no`,
      `bad@,Bad,Row,,,,yes`,
    ].join("\n");
    const id = await importFile(file);
    const page = await progress(id);
    expect(page.data).toMatchObject({
      status: "done",
      totalRows: 2,
      processedRows: 2,
      createdCount: 2,
      updatedCount: 0,
      skippedCount: 1,
      rowErrors: [{ row: 4, field: "email", message: expect.any(String) }],
    });
    const people = await db()
      .selectFrom("supporters")
      .select(["id", "emailCanonical", "firstName", "zip", "state", "district", "confirmedAt"])
      .where("emailCanonical", "like", `${t}-%`)
      .orderBy("emailCanonical")
      .execute();
    expect(people.map((p) => [p.firstName, p.zip, p.state, p.district])).toEqual([
      ["Cora", "05401", "VT", 0],
      ["Dale", "05401", "VT", 0],
    ]);
    const consents = await db()
      .selectFrom("consents")
      .select(["supporterId", "scope", "source", "wording", "proof", "provenAt"])
      .where(
        "supporterId",
        "in",
        people.map((p) => p.id),
      )
      .execute();
    expect(consents).toEqual([
      {
        supporterId: people[0].id,
        scope: "all",
        source: "imported from Action Network",
        wording: WORDING,
        proof: `import:${id}`,
        provenAt: expect.any(Date),
      },
    ]);
    expect(people[0].confirmedAt).not.toBeNull();
    expect(people[1].confirmedAt).toBeNull();
    const tags = await db()
      .selectFrom("supporterTags")
      .select("tag")
      .where("supporterId", "=", people[0].id)
      .execute();
    expect(tags).toEqual([{ tag: "family" }]);

    // The same file again (from another export): nobody twice, no second consent, names kept.
    const supportersBefore = await count("supporters");
    const again = await importFile(file.replace("Cora", ""), "CiviCRM");
    expect((await progress(again)).data).toMatchObject({ createdCount: 0, updatedCount: 2, skippedCount: 1 });
    expect(await count("supporters")).toBe(supportersBefore);
    expect(
      await db()
        .selectFrom("consents")
        .select("id")
        .where(
          "supporterId",
          "in",
          people.map((p) => p.id),
        )
        .execute(),
    ).toHaveLength(1);
    const cora = await db()
      .selectFrom("supporters")
      .select("firstName")
      .where("id", "=", people[0].id)
      .executeTakeFirstOrThrow();
    expect(cora.firstName).toBe("Cora");
    expect(await count("supporter_import_rows")).toBe(0);
  });

  it("reads CiviCRM's Do Not Email column, semicolons and a byte-order mark", async () => {
    const t = tag();
    const id = await importFile(
      `\uFEFFEmail;First Name;Do Not Email\n${t}-e@example.org;Eve;0\n${t}-f@example.org;Fay;1\n`,
    );
    expect((await progress(id)).data).toMatchObject({ createdCount: 2, skippedCount: 0 });
    const consenting = await db()
      .selectFrom("consents")
      .innerJoin("supporters", "supporters.id", "consents.supporterId")
      .select("supporters.firstName")
      .where("consents.proof", "=", `import:${id}`)
      .execute();
    expect(consenting).toEqual([{ firstName: "Eve" }]);
  });

  it("refuses hostile files whole, with a readable message, writing nothing", async () => {
    const t = tag();
    const before = await Promise.all([count("supporters"), count("supporter_imports")]);
    const good = `email,first_name\n${t}@example.org,Gil\n`;
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode("email,first_name\nx@example.org,Jos"),
      0xe9,
      0x0a,
    ]);
    const nul = new Uint8Array([...new TextEncoder().encode(good), 0, 0, 0]);
    const cases: Array<[string, Promise<{ status: number; data: any }>, RegExp]> = [
      ["latin-1", upload("import", latin1), /not UTF-8/],
      ["NUL bytes", upload("import", nul), /NUL/],
      [
        "a formula",
        upload("import", `email,first_name\n${t}@example.org,"=HYPERLINK(""http://x"")"\n`),
        /formulas.*row 2, first name/,
      ],
      ["an image", upload("import", good, { name: "people.png", type: "image/png" }), /not a CSV file/],
      ["no email column", upload("import", "name,zip\nGil,05401\n"), /one called "email"/],
      ["no rows", upload("import", "email\n"), /no rows/],
      ["an open quote", upload("import", `email,first_name\n${t}@example.org,"Gil\n`), /quote/],
    ];
    for (const [what, answer, message] of cases) {
      const r = await answer;
      expect(r.status, what).toBe(400);
      expect(r.data.fields.file, what).toMatch(message);
    }
    overrideEnv({ SUPPORTER_IMPORT_MAX_BYTES: 1000 });
    try {
      const huge = await upload("import", `email\n${`${t}@example.org\n`.repeat(200)}`);
      expect(huge.status).toBe(413);
      expect(huge.data.fields.file).toMatch(/at most 1000 B|at most 1 KB|at most/);
    } finally {
      overrideEnv({ SUPPORTER_IMPORT_MAX_BYTES: 50_000_000 });
    }
    overrideEnv({ SUPPORTER_IMPORT_MAX_ROWS: 3 });
    try {
      const many = await upload("check", `email\n${`${t}@example.org\n`.repeat(4)}`);
      expect(many.status).toBe(400);
      expect(many.data.fields.file).toMatch(/more than 3 rows/);
    } finally {
      overrideEnv({ SUPPORTER_IMPORT_MAX_ROWS: 200_000 });
    }
    const noTool = await upload("import", good, { sourceTool: "" });
    expect(noTool.status).toBe(400);
    expect(noTool.data.fields.sourceTool).toMatch(/Name the tool/);
    expect(await Promise.all([count("supporters"), count("supporter_imports")])).toEqual(before);
  });

  it("runs a large file in batches: a stopped job resumes where it was, and the page shows the progress", async () => {
    const t = tag();
    const rows = Array.from({ length: 2500 }, (_, i) => `${t}-${i}@example.org,P${i},,05401,,,yes`);
    const started = await upload(
      "import",
      `email,first name,last name,zip,country,tags,consent\n${rows.join("\n")}`,
    );
    const id = Number(/imports\/(\d+)$/.exec(started.location!)![1]);
    const job = await sql<{ task: string }>`select task_identifier as task from graphile_worker.jobs
      where key = ${`import_supporters:${id}`}`.execute(db());
    expect(job.rows).toEqual([{ task: "import_supporters" }]);
    expect(await runImport(id, { stopAfterBatches: 1 })).toEqual({ rows: 1000, done: false });
    const half = await progress(id);
    expect(half.data).toMatchObject({ status: "running", processedRows: 1000, totalRows: 2500 });
    const tags = progressMeta({ data: half.data } as never) as Array<Record<string, string>>;
    expect(tags).toContainEqual({ httpEquiv: "refresh", content: "3" });
    expect(await runImport(id)).toEqual({ rows: 1500, done: true });
    const done = await progress(id);
    expect(done.data).toMatchObject({ status: "done", processedRows: 2500, createdCount: 2500 });
    expect(progressMeta({ data: done.data } as never)).not.toContainEqual({
      httpEquiv: "refresh",
      content: "3",
    });
    const n = await sql<{
      n: number;
    }>`select count(*)::int as n from supporters where email_canonical like ${`${t}-%`}`.execute(db());
    expect(n.rows[0].n).toBe(2500);
    // A retried job after the end does nothing more.
    expect(await runImport(id)).toEqual({ rows: 0, done: true });
    const list = await unwrap(
      await callRouteRaw(
        importLoader as never,
        new Request("http://localhost/admin/supporters/import", { headers }),
      ),
    );
    expect(list.data.imports.find((i: { id: number }) => i.id === id)).toMatchObject({ createdCount: 2500 });
  });
});
