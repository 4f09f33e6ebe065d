// One-click unsubscribe (RFC 8058, decision 017 §4): what a token's scope names and turning
// exactly that off. The token is the authorisation (no session): it is bound to one member
// and one scope — a kind ("content.mentioned"), "digest", "discussion:<id>" (muted) or
// "tag:<id>" (muted).
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { findUnsubscribeToken } from "@/lib/core/mail/unsubscribe";
import { PREFERENCE_LABELS } from "./labels";
import { DEFAULT_EMAIL, isPreferenceKind, type PreferenceKind } from "./preferences";

/** The token as it arrives in the URL: 43 base64url characters, nothing else is looked up. */
export const unsubscribeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

const scopeSchema = z.union([
  z
    .string()
    .refine(isPreferenceKind)
    .transform((kind) => ({ type: "kind" as const, kind })),
  z
    .string()
    .regex(/^discussion:[A-Za-z0-9_-]{1,40}$/)
    .transform((s) => ({ type: "discussion" as const, id: s.slice("discussion:".length) })),
  z
    .string()
    .regex(/^tag:[A-Za-z0-9_-]{1,40}$/)
    .transform((s) => ({ type: "tag" as const, id: s.slice("tag:".length) })),
]);

type Scope = z.infer<typeof scopeSchema>;

export interface UnsubscribeLink {
  tokenId: string;
  userId: string;
  scope: Scope;
  /** What it turns off, in words: "Email about: Someone mentions me". */
  description: string;
}

async function describe(scope: Scope): Promise<string | null> {
  if (scope.type === "kind") {
    return scope.kind === "digest"
      ? "The digest email"
      : `Email about: ${PREFERENCE_LABELS[scope.kind as PreferenceKind]}`;
  }
  if (scope.type === "discussion") {
    const discussion = await db.discussion.findUnique({
      where: { id: scope.id },
      select: { title: true },
    });
    return discussion ? `Notifications from the discussion “${discussion.title}”` : null;
  }
  const tag = await db.tag.findUnique({ where: { id: scope.id }, select: { name: true } });
  return tag ? `Notifications about new content in #${tag.name}` : null;
}

/** The link's member, scope and description; null for an unknown token or a stale scope. */
export async function findUnsubscribeLink(rawToken: string): Promise<UnsubscribeLink | null> {
  const token = unsubscribeTokenSchema.safeParse(rawToken);
  if (!token.success) return null;
  const row = await findUnsubscribeToken(db, token.data);
  if (!row) return null;
  const scope = scopeSchema.safeParse(row.scope);
  if (!scope.success) return null;
  const description = await describe(scope.data);
  if (!description) return null;
  return { tokenId: row.id, userId: row.userId, scope: scope.data, description };
}

async function turnOff(tx: TransactionClient, userId: string, scope: Scope): Promise<void> {
  if (scope.type === "kind") {
    const kind = scope.kind as PreferenceKind;
    if (DEFAULT_EMAIL[kind] === "OFF") {
      await tx.notificationPreference.deleteMany({ where: { userId, kind } });
      return;
    }
    await tx.notificationPreference.upsert({
      where: { userId_kind: { userId, kind } },
      create: { userId, kind, email: "OFF" },
      update: { email: "OFF" },
    });
    return;
  }
  if (scope.type === "discussion") {
    await tx.discussionWatch.upsert({
      where: { userId_discussionId: { userId, discussionId: scope.id } },
      create: { userId, discussionId: scope.id, level: "MUTED" },
      update: { level: "MUTED" },
    });
    return;
  }
  // A muted tag is not followed either (like a level in Discourse, one or the other).
  await tx.tagFollow.deleteMany({ where: { userId, tagId: scope.id } });
  await tx.tagMute.createMany({ data: [{ userId, tagId: scope.id }], skipDuplicates: true });
}

/** Turns off exactly the link's scope and marks the token used. Returns the link, or null. */
export async function unsubscribeWithToken(rawToken: string): Promise<UnsubscribeLink | null> {
  const link = await findUnsubscribeLink(rawToken);
  if (!link) return null;
  await db.$transaction(async (tx) => {
    await turnOff(tx, link.userId, link.scope);
    await tx.unsubscribeToken.update({
      where: { id: link.tokenId },
      data: { usedAt: new Date() },
    });
  });
  return link;
}
