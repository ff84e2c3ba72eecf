/**
 * Secret links (password reset, invitation) are never stored with the email: the stored copy
 * carries a placeholder where the token goes, and the token rides in the send job's payload
 * (which graphile-worker deletes once the email is sent). `fillSecrets` puts it back into the
 * message handed to the provider, so the email as sent still works.
 */
export const SECRET_PLACEHOLDER_PATTERN = /^SECRET_[A-Z_]+_NOT_STORED$/;

/** A placeholder that survives HTML and plain-text rendering unchanged. */
export function secretPlaceholder(name: string): string {
  const placeholder = `SECRET_${name.toUpperCase().replace(/[^A-Z]+/g, "_")}_NOT_STORED`;
  if (!SECRET_PLACEHOLDER_PATTERN.test(placeholder)) throw new Error(`bad secret name: ${name}`);
  return placeholder;
}

export type Secrets = Record<string, string>;

/** Only URL-safe token characters may be filled in, so nothing can be injected into the HTML. */
export function checkSecrets(secrets: Secrets): Secrets {
  for (const [placeholder, value] of Object.entries(secrets)) {
    if (!SECRET_PLACEHOLDER_PATTERN.test(placeholder) || !/^[A-Za-z0-9_-]{1,200}$/.test(value))
      throw new Error("secret links must be a placeholder and a URL-safe token");
  }
  return secrets;
}

export function fillSecrets(body: string, secrets: Secrets | undefined): string {
  if (!secrets) return body;
  let out = body;
  for (const [placeholder, value] of Object.entries(checkSecrets(secrets)))
    out = out.replaceAll(placeholder, value);
  return out;
}
