import { killAndResume } from "../mail-kill-resume";
import { FakeResend, type Fault } from "../../tests/support/fake-resend";
import {
  checkStored,
  ControlledPostgres,
  healthzBaseline,
  load,
  log,
  serverEnv,
  signer,
  sleep,
  startServer,
  summarize,
  waitFor,
} from "./harness";

/** Runs 3 and 4: the worker killed mid-update, and the email provider failing for a minute. */

const RESEND_ENV = {
  RESEND_API_KEY: "re_test_key",
  RESEND_WEBHOOK_SECRET: "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=",
};

/** 3. The server (web and worker) killed with SIGKILL in the middle of a 10,000-recipient update. */
export async function workerKilled() {
  let baselineHealthzPerSecond = 0;
  const result = await killAndResume(10_000, async (base) => {
    baselineHealthzPerSecond = await healthzBaseline(base);
  });
  return { ...result, baselineHealthzPerSecond };
}

/** 4. The provider answers 429 and 500 and drops connections for a minute during a signing load. */
export async function providerFaults() {
  const pg = new ControlledPostgres();
  await pg.start();
  const fake = new FakeResend();
  fake.keepBodies = false;
  const resendUrl = await fake.start();
  const server = await startServer((base) =>
    serverEnv(base, pg.url, pg.dir, { ...RESEND_ENV, RESEND_BASE_URL: resendUrl }),
  );
  try {
    const baselineHealthzPerSecond = await healthzBaseline(server.base);
    const sign = signer(server.base, 20_000);
    let stop = false;
    const loading = load(
      async (i) => {
        await sleep(100);
        return sign(i);
      },
      4,
      () => stop,
    );
    await sleep(5_000);
    const faults: Fault[] = [
      { kind: "status", status: 429, retryAfter: 1 },
      { kind: "status", status: 500 },
      { kind: "drop" },
    ];
    let n = 0;
    const faultFrom = Date.now();
    const acceptedBefore = fake.acceptedRecipients().length;
    fake.faultFor = () => faults[n++ % faults.length];
    log("the provider fails every request for 60 s");
    await sleep(60_000);
    fake.faultFor = undefined;
    const faultTo = Date.now();
    const acceptedDuringFaults = fake.acceptedRecipients().length - acceptedBefore;
    await sleep(5_000);
    stop = true;
    const answers = await loading;
    const client = await pg.client();
    const stored = await checkStored(client, answers);
    const signers = answers.filter((a) => a.status === 202).map((a) => a.email!);
    const isSigner = new Set(signers);
    const allSentAfterMs = await waitFor(
      "every confirmation email to be sent",
      async () => {
        const r = await client.query(
          "select count(*)::int as n from emails where to_address = any($1::text[]) and status = 'sent'",
          [signers],
        );
        return r.rows[0].n >= signers.length ? Date.now() - faultTo : undefined;
      },
      480_000,
      1000,
    ).catch(() => null);
    const statuses = (
      await client.query(
        "select status, count(*)::int as n from emails where to_address = any($1::text[]) group by status",
        [signers],
      )
    ).rows;
    await client.end();
    const accepted = fake.acceptedRecipients().filter((r) => isSigner.has(r));
    const unique = new Set(accepted);
    const during = answers.filter((a) => a.at >= faultFrom && a.at < faultTo);
    const result = {
      baselineHealthzPerSecond,
      faultSeconds: Math.round((faultTo - faultFrom) / 1000),
      faultsAnswered: n,
      signing: summarize(answers),
      signingDuringFaults: summarize(during),
      ...stored,
      signaturesDuringFaults: during.filter((a) => a.status === 202).length,
      providerAcceptedDuringFaults: acceptedDuringFaults,
      confirmationEmails: signers.length,
      emailStatuses: statuses,
      allSentAfterFaultsEndedMs: allSentAfterMs,
      providerAcceptedSigners: accepted.length,
      uniqueSigners: unique.size,
      mailedTwice: accepted.length - unique.size,
      notMailed: signers.length - unique.size,
      serverAlive: server.alive(),
    };
    const pass =
      result.serverAlive &&
      stored.allStoredOnce &&
      during.every((a) => a.status === 202) &&
      result.signaturesDuringFaults > 0 &&
      allSentAfterMs !== null &&
      result.mailedTwice === 0 &&
      result.notMailed === 0;
    return { pass, ...result };
  } finally {
    await server.stop();
    await fake.stop();
    await pg.dispose();
  }
}
