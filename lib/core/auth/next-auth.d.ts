import "next-auth";

declare module "next-auth" {
  interface Session {
    /** Must equal the member's current sessionVersion, or the session is over. */
    sessionVersion: number;
    /** The session's AuthSession record; a token without one (or whose record is gone) is over. */
    sessionId?: string;
  }
}
