import { createCookie, redirect } from "@remix-run/node";
import { db } from "~db/index.server";
import type { OrganizerRole } from "~db/schema";
import { env } from "~/env.server";
import { forbidden } from "~/lib/http.server";
import { hashToken, legacySecrets, randomToken, verificationKeys } from "~/modules/security/secrets.server";
import { can, type OrganizerSummary, type Permission } from "./organizers";
import { deleteSession, findSessionWithOrganizer, insertSession } from "./organizers.queries.server";

const SESSION_DAYS = 14;

let cookie: { secrets: string; cookie: ReturnType<typeof createCookie> } | undefined;

/**
 * `__Host-` prefixed (Secure, host-only) in production; HttpOnly and SameSite=Lax always. Signed
 * with the session key derived from SESSION_SECRET; cookies signed with SESSION_SECRET_PREVIOUS's
 * key, or with the bare secret (before keys were derived), are still read.
 */
function sessionCookie() {
  const config = env();
  const secrets = [...verificationKeys("session-cookie").map((k) => k.toString("hex")), ...legacySecrets()];
  if (cookie?.secrets !== secrets.join("\n")) {
    cookie = {
      secrets: secrets.join("\n"),
      cookie: createCookie(config.isProduction ? "__Host-session" : "session", {
        httpOnly: true,
        sameSite: "lax",
        secure: config.isProduction,
        path: "/",
        secrets,
        maxAge: SESSION_DAYS * 86_400,
      }),
    };
  }
  return cookie.cookie;
}

/** Sessions are stored by the hash of their token, so a database leak yields no live cookie. */
export async function createSessionCookie(organizerId: number, userAgent: string | null): Promise<string> {
  const token = randomToken();
  await insertSession(db(), {
    id: hashToken(token),
    organizerId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return sessionCookie().serialize(token);
}

export async function destroySessionCookie(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) await deleteSession(db(), hashToken(token));
  return sessionCookie().serialize("", { maxAge: 0 });
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The signed-in organizer, or null. */
export async function getOrganizer(
  request: Request,
): Promise<(OrganizerSummary & { sessionId: string }) | null> {
  const token = await readToken(request);
  if (!token) return null;
  const row = await findSessionWithOrganizer(db(), hashToken(token));
  if (!row || row.disabledAt || row.expiresAt.getTime() < Date.now()) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as OrganizerRole,
    sessionId: row.sessionId,
  };
}

/** Guards an /admin loader or action: redirects to login when signed out, 403 when not allowed. */
export async function requireOrganizer(request: Request, permission: Permission = "read") {
  const organizer = await getOrganizer(request);
  if (!organizer) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/admin/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  if (!can(organizer.role, permission)) forbidden(`Your role (${organizer.role}) cannot do this.`);
  return organizer;
}

/** Only same-site paths, so the login form cannot be used as an open redirect (one rule, in security/). */
