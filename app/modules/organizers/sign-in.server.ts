import { knownDeviceCookie, knownDeviceOrganizer } from "./known-device.server";
import { authenticate } from "./organizers.server";
import { createSessionCookie, destroySessionCookie, getOrganizer } from "./session.server";

export type SignInResult = { ok: true; headers: Headers } | { ok: false; status: 401 | 429; message: string };

/**
 * The sign-in form's use-case: the throttled password check, then a fresh session (any session
 * the browser had ends) and the known-device cookie that lets this browser past an account lock.
 */
export async function signIn(
  request: Request,
  input: { email: string; password: string },
  ip: string,
): Promise<SignInResult> {
  const [device, current] = await Promise.all([knownDeviceOrganizer(request), getOrganizer(request)]);
  const known = [device, current?.id].filter((id): id is number => typeof id === "number");
  const result = await authenticate(input.email, input.password, ip, known);
  if (!result.ok) {
    if (result.reason === "throttled") {
      return {
        ok: false,
        status: 429,
        message: `Too many attempts. Wait ${waitText(result.retryAfterSeconds)} and try again, or reset your password by email.`,
      };
    }
    return { ok: false, status: 401, message: "The email or password is not right." };
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await destroySessionCookie(request));
  headers.append(
    "Set-Cookie",
    await createSessionCookie(result.organizerId, request.headers.get("user-agent")),
  );
  headers.append("Set-Cookie", await knownDeviceCookie(result.organizerId));
  return { ok: true, headers };
}

function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "a second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}
