import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect, forbidden } from "next/navigation";
import { db } from "@/lib/core/db/client";
import { auth } from "./auth";
import { resolveSession, type SessionMember, type SessionState } from "./auth-sessions";
import { hasPermission, type Permission } from "./permissions";

export type CurrentUser = SessionMember;

/**
 * Reads the session cookie, then its server-side record joined to the member (role,
 * status), once per request. A signed-out, revoked or expired session, a deactivated
 * member, or a session older than the last password change, is over.
 */
const sessionState = cache(async (): Promise<SessionState> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return { kind: "anonymous" };
  return resolveSession(db, {
    userId,
    sessionId: session.sessionId,
    sessionVersion: session.sessionVersion,
  });
});

export async function currentUser(): Promise<CurrentUser | null> {
  const state = await sessionState();
  return state.kind === "active" ? state.user : null;
}

/** The id of this request's session record (to mark "this device"), or null. */
export async function currentSessionId(): Promise<string | null> {
  const state = await sessionState();
  return state.kind === "active" ? state.sessionId : null;
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
