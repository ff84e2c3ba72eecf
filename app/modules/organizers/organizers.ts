import type { OrganizerRole } from "~db/schema";

export const ROLES: OrganizerRole[] = ["owner", "editor", "viewer"];

/**
 * - read: the admin area (content, counts, tips without the tipster's contact details)
 * - edit-content: change campaigns, cases, petitions, letters, updates, tips' triage
 * - read-private-contact: supporters' names and contact details (signers, letter writers, tipsters)
 * - read-donor-contact: donors' email addresses and monthly donors' manage links (owner only)
 * - read-outbox: stored emails, which carry recipients, donors' manage links and signers'
 *   confirmation links (owner only)
 * - manage-organizers, read-audit: owner only
 * - erase-supporters: erase a supporter on a request received elsewhere (owner only)
 * - manage-api-keys: create and revoke keys of the OSDI API, which reads supporters (owner only)
 */
export type Permission =
  | "read"
  | "edit-content"
  | "manage-organizers"
  | "read-audit"
  | "read-private-contact"
  | "read-donor-contact"
  | "read-outbox"
  | "erase-supporters"
  | "manage-api-keys";

const grants: Record<OrganizerRole, Permission[]> = {
  owner: [
    "read",
    "edit-content",
    "manage-organizers",
    "read-audit",
    "read-private-contact",
    "read-donor-contact",
    "read-outbox",
    "erase-supporters",
    "manage-api-keys",
  ],
  editor: ["read", "edit-content", "read-private-contact"],
  viewer: ["read"],
};

/** What a role may do. Enforced on the server in every /admin loader and action. */
export function can(role: OrganizerRole, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export interface OrganizerSummary {
  id: number;
  email: string;
  name: string;
  role: OrganizerRole;
}
