// The roles and their names, for server and browser alike (forms list them): nothing here
// may import zod or other server-side code (test/client-bundle.test.ts).
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["MEMBER", "LEADER", "ADMIN"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  MEMBER: "Member",
  LEADER: "Leader",
  ADMIN: "Admin",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
