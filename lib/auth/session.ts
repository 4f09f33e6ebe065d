import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect, forbidden } from "next/navigation";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { auth } from "./auth";
import { hasPermission, type Permission } from "./permissions";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
}

type SessionState =
  { kind: "anonymous" } | { kind: "ended" } | { kind: "active"; user: CurrentUser };

/**
 * Reads the session cookie, then the member's role and status from the database, once per
 * request. A deactivated member, or a session older than the last password change, is over.
 */
const sessionState = cache(async (): Promise<SessionState> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return { kind: "anonymous" };
  const member = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      timeZone: true,
      status: true,
      sessionVersion: true,
    },
  });
  if (!member || member.status !== "ACTIVE" || member.sessionVersion !== session.sessionVersion) {
    return { kind: "ended" };
  }
  const { status: _status, sessionVersion: _version, ...user } = member;
  return { kind: "active", user };
});

export async function currentUser(): Promise<CurrentUser | null> {
  const state = await sessionState();
  return state.kind === "active" ? state.user : null;
}

async function currentPath(): Promise<string> {
  const h = await headers();
  return h.get("x-pathname") ?? "/";
}

/** The signed-in, active member, or a redirect to sign in (clearing an ended session). */
export async function requireUser(): Promise<CurrentUser> {
  const state = await sessionState();
  if (state.kind === "active") return state.user;
  if (state.kind === "ended") redirect("/auth/ended");
  redirect(`/signin?callbackUrl=${encodeURIComponent(await currentPath())}`);
}

/** As requireUser(), and the member's role must grant `permission` (403 otherwise). */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasPermission(user.role, permission)) forbidden();
  return user;
}

export function can(user: Pick<CurrentUser, "role"> | null, permission: Permission): boolean {
  return user ? hasPermission(user.role, permission) : false;
}
