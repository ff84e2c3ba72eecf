import { env, appUrl } from "~/env.server";
import { signingKey } from "~/modules/security/secrets.server";
import { keyFromSeed, type NoteKey, verifierKey } from "./signed-note";

let cached: { id: string; key: NoteKey } | undefined;

/** The site's host, as checkpoint origins and the key name carry it. */
export function siteHost(): string {
  return new URL(appUrl()).host;
}

/**
 * The Ed25519 key that signs checkpoints: TRANSPARENCY_SIGNING_KEY in production (required at
 * boot), else derived from SESSION_SECRET, so a development machine keeps one key across restarts
 * when its SESSION_SECRET is set, and each test run has its own.
 */
export function checkpointKey(): NoteKey {
  const e = env();
  const seed = e.TRANSPARENCY_SIGNING_KEY
    ? Buffer.from(e.TRANSPARENCY_SIGNING_KEY, "base64")
    : signingKey("transparency-checkpoint");
  const name = `${siteHost()}/transparency`;
  const id = `${name}\u0000${seed.toString("base64")}`;
  if (cached?.id !== id) cached = { id, key: keyFromSeed(name, seed) };
  return cached.key;
}

/** The public verifier key, as the about page and the docs publish it. */
export function publicVerifierKey(): string {
  return verifierKey(checkpointKey());
}

/** A petition's log name inside checkpoints (by id: a campaign's slug may change, the log's name may not). */
export function logOrigin(petitionId: number): string {
  return `${siteHost()}/transparency/petitions/${petitionId}`;
}
