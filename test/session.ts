// The session for tests that call server actions and route handlers as a browser would. A test
// file replaces the app's auth module with this one, then picks who is signed in:
//
//   vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
//   signedInAs(member);  // or signedInAs(null) for a signed-out visitor
//
// Like a real sign-in, the session has a server-side record (AuthSession), made on first use.
import { randomUUID } from "node:crypto";
import { startAuthSession } from "@/lib/core/auth/auth-sessions";
import { testDb } from "./db";

interface StandInSession {
  user: { id: string };
  sessionVersion: number;
  sessionId?: string;
}

let current: StandInSession | null = null;

/** Stands in for lib/core/auth/auth's auth(): the session signedInAs() chose, or none. */
export async function auth() {
  if (current && !current.sessionId) {
    const session = current;
    session.sessionId = await startAuthSession(testDb, {
      userId: session.user.id,
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0",
      ip: "192.0.2.1",
    }).catch(() => randomUUID()); // no such member: a session without a record, so over
  }
  return current;
}

/** Signs `member` in (with the session version a fresh sign-in has), or signs out on null. */
export function signedInAs(member: { id: string } | null, sessionVersion = 0) {
  current = member ? { user: { id: member.id }, sessionVersion } : null;
}

/** Stands in for lib/core/auth/auth's signOut(): the visitor is signed out. */
export async function signOut() {
  current = null;
}
