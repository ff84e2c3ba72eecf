import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { publicVerifierKey } from "~/modules/transparency/transparency.server";

export const meta: MetaFunction = () => [{ title: "Counts anyone can check | Bring them home" }];

export function loader() {
  return { verifierKey: publicVerifierKey() };
}

export default function Transparency() {
  const { verifierKey } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page prose">
      <h1>Counts anyone can check</h1>
      <p className="lead">
        Every petition platform asks you to trust its count. Ours publishes, for each petition, a log that
        lets anyone check the count, and every signature removed from it, without seeing anyone’s name, email
        or address.
      </p>
      <h2>What is published</h2>
      <ul>
        <li>
          <strong>A log</strong>, one line per event: a confirmed signature (its place in the log, a
          fingerprint that cannot be traced back to the signer, the state and congressional district, and the
          hour it was confirmed); an invalidation (which lines it removes and why, in one word: an IP burst, a
          blocked email domain, a duplicate, or a manual review); a restoration; a withdrawal by the signer;
          an erasure at the signer’s request.
        </li>
        <li>
          <strong>A signed checkpoint</strong>: the log’s size and a fingerprint of all of it (a Merkle root,
          as Certificate Transparency computes it), signed with this site’s key. Old checkpoints stay
          published, so anyone who kept one can check that the log was only added to since.
        </li>
        <li>
          <strong>The tally</strong>: the counts the log yields, also by state, district and hour. They are
          the counts the petition’s page shows. Signatures waiting for email confirmation are shown apart:
          they are not in the log and not counted.
        </li>
      </ul>
      <h2>What a signer gets</h2>
      <p>
        When you confirm your signature, the confirmation page and email give you a receipt code. With it,
        you, and only you, can check that your signature is in the log and has not been removed. The code says
        nothing about who you are, and nobody else can match your line to you.
      </p>
      <h2>What it proves</h2>
      <ul>
        <li>The published count is exactly what the log adds up to, and every removal is in the log.</li>
        <li>No line was changed, removed or reordered after a checkpoint you kept.</li>
        <li>Each removal refers to an earlier signature and is counted once.</li>
        <li>Your own signature, with your receipt, is in the log and counted.</li>
      </ul>
      <h2>What it cannot prove</h2>
      <p>
        It cannot prove that each line is a distinct real person. For that, a named auditor can check a random
        sample of signatures chosen from a later checkpoint’s fingerprint (so nobody can pick the sample in
        advance), under the wording signers agreed to when they signed.
      </p>
      <h2>Check it yourself</h2>
      <p>
        With a copy of this site’s code: <code>npm ci</code>, then{" "}
        <code>npm run verify -- &lt;petition address&gt;</code>, with <code>--receipt CODE</code> to check
        your own signature and <code>--previous FILE</code> to check a checkpoint you kept. It uses only
        Node’s own cryptography and stops with the reason when anything disagrees. Each petition’s page links
        to its log, for example from the campaign page’s “check the count”.
      </p>
      <h2>This site’s checkpoint key</h2>
      <p>Checkpoints are signed with this Ed25519 key (C2SP signed-note format); pin it with --key:</p>
      <pre>
        <code>{verifierKey}</code>
      </pre>
      <p>
        <Link to="/about">About this site</Link>
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
