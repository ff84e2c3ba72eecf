import type { Request as ExpressRequest } from "express";
import type { Env } from "~/env.server";
import { can } from "~/modules/organizers/organizers";
import { getOrganizer } from "~/modules/organizers/session.server";
import type { BodyLimitRule } from "~/modules/security/body-limit.server";

/** The organizer forms that take a file (media editor, case photo and document uploads, statement scans, supporter imports). */
export const ADMIN_UPLOAD_PATH =
  /^\/admin\/(media\/(new|[1-9][0-9]{0,11})|cases\/[1-9][0-9]{0,11}|campaigns\/[1-9][0-9]{0,11}\/statements|supporters\/import)(\.data|\/)?$/;
/** The public tip form (with or without Remix's `.data` suffix). */
export const TIP_UPLOAD_PATH = /^\/tips\/new(\.data|\/)?$/;

/** A letter writer's delivery page, where a reply from an office may be sent in with a scan. */
const REPLY_UPLOAD_PATH = /^\/letters\/[A-Za-z0-9_-]{20,40}(\.data|\/)?$/;

/** Whether the request carries the session of an organizer who may upload. */
async function organizerMayUpload(req: ExpressRequest): Promise<boolean> {
  if (!req.headers.cookie) return false;
  const organizer = await getOrganizer(
    new Request("http://localhost/", { headers: { cookie: req.headers.cookie } }),
  );
  return organizer !== null && can(organizer.role, "edit-content");
}

/**
 * The only larger body limits: the tip form's and the office-reply form's own bounded one, and the upload limit for an
 * organizer's upload forms, given only once the session is checked. Every other path (the
 * sign-in, reset and invitation pages included) keeps the small default.
 */
export function uploadBodyLimits(
  config: Pick<Env, "MAX_UPLOAD_BYTES" | "MAX_TIP_UPLOAD_BYTES">,
): BodyLimitRule[] {
  return [
    { path: TIP_UPLOAD_PATH, bytes: config.MAX_TIP_UPLOAD_BYTES },
    { path: REPLY_UPLOAD_PATH, bytes: config.MAX_TIP_UPLOAD_BYTES },
    { path: ADMIN_UPLOAD_PATH, bytes: config.MAX_UPLOAD_BYTES, allowed: organizerMayUpload },
  ];
}
