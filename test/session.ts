// The session for tests that call server actions and route handlers as a browser would. A test
// file replaces the app's auth module with this one, then picks who is signed in:
//
//   vi.mock("@/lib/auth/auth", () => import("@/test/session"));
//   signedInAs(member);  // or signedInAs(null) for a signed-out visitor
let current: { user: { id: string }; sessionVersion: number } | null = null;

/** Stands in for lib/auth/auth's auth(): the session signedInAs() chose, or none. */
export async function auth() {
  return current;
}

/** Signs `member` in (with the session version a fresh sign-in has), or signs out on null. */
export function signedInAs(member: { id: string } | null, sessionVersion = 0) {
  current = member ? { user: { id: member.id }, sessionVersion } : null;
}
