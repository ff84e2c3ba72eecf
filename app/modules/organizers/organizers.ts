import type { OrganizerRole } from "~db/schema";

export const ROLES: OrganizerRole[] = ["owner", "editor", "viewer"];

export type Permission = "read" | "edit-content" | "manage-organizers" | "read-audit" | "read-private-contact";

const grants: Record<OrganizerRole, Permission[]> = {
  owner: ["read", "edit-content", "manage-organizers", "read-audit", "read-private-contact"],
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
