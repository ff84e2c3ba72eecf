import { createInterface } from "node:readline";
import type { DB } from "~db/index.server";
import { fieldErrors } from "~/lib/validation";
import { newOrganizerSchema } from "./organizers.schema";
import { createOrganizer } from "./organizers.server";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new Error("No terminal to prompt for a password: pass --password-stdin and pipe it in.");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
  let muted = false;
  output._writeToOutput = (s: string) => {
    if (!muted || s.includes("\n")) process.stdout.write(s);
  };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

/** `npm run organizer:create -- --email E --name N --role owner [--password-stdin]` */
export async function createOrganizerFromCli(database: DB, args: string[]): Promise<void> {
  const password = args.includes("--password-stdin")
    ? await readStdin()
    : await promptHidden("Password (12+ characters): ");
  const parsed = newOrganizerSchema.safeParse({
    email: option(args, "email"),
    name: option(args, "name"),
    role: option(args, "role") ?? "owner",
    password,
  });
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    throw new Error(
      `Could not create the organizer:\n${Object.entries(errors)
        .map(([k, v]) => `  --${k}: ${v}`)
        .join("\n")}`,
    );
  }
  const result = await createOrganizer(parsed.data, null, database);
  if (!result.ok) throw new Error(`An organizer with the email ${parsed.data.email} already exists.`);
  console.log(`Created ${parsed.data.role} ${parsed.data.email} (id ${result.id}). Sign in at /admin/login.`);
}
