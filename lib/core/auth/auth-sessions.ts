// Server-side sessions: one AuthSession row per signed-in browser, whose id the session
// cookie (an Auth.js JWT) carries. Every request reads the row together with the member, so
// deleting it (sign-out, "sign out everywhere", a password change) ends that session at the
// next request, however long the cookie itself would still be valid.
import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/core/db/create-client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import type { Role } from "@/lib/generated/prisma/enums";
import { describeDevice } from "./device";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** lastSeenAt is written at most this often per session, not on every request. */
export const LAST_SEEN_INTERVAL_MS = 5 * 60 * 1000;

const maxAgeAgo = () => new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000);

export interface SessionClaims {
  userId: string;
  sessionId?: string;
  sessionVersion: number;
}

export interface SessionMember {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  /** The profile photo, for the header's account menu. */
  avatarId: string | null;
}

export type SessionState =
  | { kind: "anonymous" }
  | { kind: "ended" }
  | { kind: "active"; user: SessionMember; sessionId: string };

/** Records a new signed-in browser for the member; returns the id for the cookie. */
export async function startAuthSession(
  db: Database,
  input: { userId: string; userAgent?: string | null; ip?: string | null },
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.$transaction([
    // The member's sessions unused for longer than a cookie lives can never be used again.
    db.authSession.deleteMany({ where: { userId: input.userId, lastSeenAt: { lt: maxAgeAgo() } } }),
    db.authSession.create({
      data: { id, userId: input.userId, device: describeDevice(input.userAgent), ip: input.ip },
    }),
  ]);
  return id;
}

/**
 * Whether the cookie's claims are still a session: its record exists and belongs to the
 * member, the member is active and has not changed password since. One statement (the
 * record joined to the member); a second only every LAST_SEEN_INTERVAL_MS, for lastSeenAt.
 */
export async function resolveSession(db: Database, claims: SessionClaims): Promise<SessionState> {
  if (!claims.sessionId) return { kind: "ended" };
  const [row] = await rows(
    db,
    sqlb
      .selectFrom("AuthSession as s")
      .innerJoin("User as u", "u.id", "s.userId")
      .select((eb) => [
        "u.id",
        "u.email",
        "u.name",
        sql<Role>`${eb.ref("u.role")}::text`.as("role"),
        "u.timeZone",
        "u.avatarId",
        sql<string>`${eb.ref("u.status")}::text`.as("status"),
        "u.sessionVersion",
        "s.lastSeenAt",
      ])
      .where((eb) =>
        eb.and([eb("s.id", "=", claims.sessionId!), eb("s.userId", "=", claims.userId)]),
      ),
  );
  if (!row || row.lastSeenAt < maxAgeAgo()) return { kind: "ended" };
  const { status, sessionVersion, lastSeenAt, ...user } = row;
  if (status !== "ACTIVE" || sessionVersion !== claims.sessionVersion) return { kind: "ended" };
  await touch(db, claims.sessionId, lastSeenAt);
  return { kind: "active", user, sessionId: claims.sessionId };
}

async function touch(db: Database, id: string, lastSeenAt: Date): Promise<void> {
  const due = new Date(Date.now() - LAST_SEEN_INTERVAL_MS);
  if (lastSeenAt >= due) return;
  // Conditional, so that concurrent requests of one session write once.
  await db.authSession.updateMany({
    where: { id, lastSeenAt: { lt: due } },
    data: { lastSeenAt: new Date() },
  });
}

/** Sign-out: ends the session a decoded cookie names (Auth.js's signOut event). */
export async function endSessionOfToken(
  db: Database,
  token: Record<string, unknown> | null | undefined,
): Promise<void> {
  if (typeof token?.sid === "string") await db.authSession.deleteMany({ where: { id: token.sid } });
}

/** Ends every session of the member except `keepSessionId` (all of them without it). */
export async function endMemberSessions(
  db: Pick<Database, "authSession">,
  userId: string,
  keepSessionId?: string,
): Promise<number> {
  const { count } = await db.authSession.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  return count;
}

export function listAuthSessions(db: Database, userId: string) {
  return db.authSession.findMany({
    where: { userId, lastSeenAt: { gte: maxAgeAgo() } },
    select: { id: true, device: true, ip: true, createdAt: true, lastSeenAt: true },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
  });
}
