// Permission checks for domain services. Services take the acting member explicitly, so
// tests can call them as any member; server actions pass requireUser()'s result.
import type { Role } from "@/lib/generated/prisma/enums";
import { hasPermission, type Permission } from "./permissions";

export interface Actor {
  id: string;
  role: Role;
}

export class PermissionDenied extends Error {
  constructor(readonly permission: Permission) {
    super(`Missing permission ${permission}`);
  }
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.role, permission)) throw new PermissionDenied(permission);
}
