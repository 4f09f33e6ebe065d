// The one place that says who may do what. Permissions are typed `action:entity:scope`
// strings (after the Epic Stack); every server action checks one through requirePermission()
// in ./session.ts, every route handler through routeHandler() in ./route-handler.ts.
import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "./roles";

export { ROLE_LABELS, ROLES, isRole } from "./roles";

export const roleSchema = z.enum(ROLES, { error: "Choose Member, Leader or Admin." });

const MEMBER_PERMISSIONS = [
  "read:member:any",
  "update:profile:own",
  "update:password:own",
  "update:auth-session:own",
  "update:notification:own",
  "read:content:any",
  "create:discussion:any",
  "update:discussion:own",
  "delete:discussion:own",
  "create:reply:any",
  "update:reply:own",
  "delete:reply:own",
  "create:reaction:any",
  "update:accepted-answer:own",
  "create:post:any",
  "update:post:own",
  "delete:post:own",
  "create:comment:any",
  "update:comment:own",
  "delete:comment:own",
  "create:helpful-vote:any",
  "update:bookmark:own",
  "update:tag-follow:own",
  "create:report:any",
  "read:session:any",
  "update:session:own",
  "update:rsvp:own",
  "update:action-item:own",
  "create:session-feedback:any",
  "update:calendar-feed:own",
  "create:topic-proposal:any",
  "delete:topic-proposal:own",
  "update:topic-vote:own",
  "read:recognition:any",
  "create:recognition:any",
  "update:recognition:own",
  "delete:recognition:own",
  "update:applause:own",
  "create:private-feedback:any",
  "read:private-feedback:own",
  "update:mentorship-profile:own",
  "create:mentor-request:own",
  "read:pairing:own",
  "update:pairing-space:own",
  "create:pairing-end-request:own",
  "create:survey-response:any",
] as const;

const LEADER_PERMISSIONS = [
  ...MEMBER_PERMISSIONS,
  "update:discussion-pin:any",
  "update:discussion-lock:any",
  "update:post-pin:any",
  "create:session:any",
  "update:session:any",
  "update:topic-proposal:any",
  "create:leader-recognition:any",
  "update:recognition-feature:any",
  "read:recognition-insights:any",
  "read:insights:any",
  "create:survey:any",
  "update:survey:any",
  "read:survey-results:any",
  "create:community:any",
] as const;

const ADMIN_PERMISSIONS = [
  ...LEADER_PERMISSIONS,
  "read:admin:any",
  "update:member-role:any",
  "update:member-status:any",
  "update:sign-in-lock:any",
  "create:invitation:any",
  "delete:invitation:any",
  "read:invitation:any",
  "read:audit-log:any",
  "update:settings:any",
  "update:accepted-answer:any",
  "read:report:any",
  "update:content-visibility:any",
  "update:company-value:any",
  "read:webhook-delivery:any",
  "read:mentorship-programme:any",
  "read:pairing:any",
  "create:pairing:any",
  "update:pairing-status:any",
  "read:private-community:any",
  "update:community:any",
] as const;

export type Permission = (typeof ADMIN_PERMISSIONS)[number];

export const ALL_PERMISSIONS: readonly Permission[] = ADMIN_PERMISSIONS;

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  MEMBER: new Set<Permission>(MEMBER_PERMISSIONS),
  LEADER: new Set<Permission>(LEADER_PERMISSIONS),
  ADMIN: new Set<Permission>(ADMIN_PERMISSIONS),
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
