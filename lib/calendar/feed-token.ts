// A member's personal calendar feed: a secret link that is its own authorisation (calendar
// apps send no cookies). 32 random bytes, shown once as base64url; only the SHA-256 is kept,
// one per member, so making a new link replaces (revokes) the old one.
import { createHash, randomBytes } from "node:crypto";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/core/db/client";
import { success, type ActionResult } from "@/lib/core/forms/action-result";
import { FEED_TOKEN_PATTERN } from "./schemas";

export function feedUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/calendar/${token}.ics`;
}

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export interface IssuedFeed {
  /** The raw token: shown to the member once, inside the link, and stored nowhere. */
  token: string;
}

/** Makes the member's feed link, replacing any older one, which stops working at once. */
export async function createFeedToken(actor: Actor): Promise<ActionResult<IssuedFeed>> {
  authorize(actor, "update:calendar-feed:own");
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  await db.calendarFeedToken.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, tokenHash },
    update: { tokenHash, createdAt: new Date() },
  });
  return {
    ok: true,
    message: "Your calendar link is ready. Copy it now: it is shown only this once.",
    data: { token },
  };
}

/** Turns the member's feed off: its link stops working. */
export async function revokeFeedToken(actor: Actor): Promise<ActionResult> {
  authorize(actor, "update:calendar-feed:own");
  await db.calendarFeedToken.deleteMany({ where: { userId: actor.id } });
  return success("Your calendar link is turned off. Calendars using it stop updating.");
}

export interface FeedOwner {
  id: string;
  timeZone: string;
  role: Role;
}

/**
 * The active member whose feed this token opens, or null: unknown, replaced or turned off,
 * or the member was deactivated or may not read sessions. Looked up by the token's hash, so
 * the lookup's timing tells nothing about the token.
 */
export async function feedOwner(token: string): Promise<FeedOwner | null> {
  if (!FEED_TOKEN_PATTERN.test(token)) return null;
  const feed = await db.calendarFeedToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { user: { select: { id: true, timeZone: true, status: true, role: true } } },
  });
  if (!feed || feed.user.status !== "ACTIVE") return null;
  if (!hasPermission(feed.user.role, "read:session:any")) return null;
  return { id: feed.user.id, timeZone: feed.user.timeZone, role: feed.user.role };
}
