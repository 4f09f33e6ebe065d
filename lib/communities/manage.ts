// Starting a community, changing its settings, and archiving it. Each writes its audit entry
// in the same transaction as the change.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { recordAudit } from "@/lib/core/audit/record";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { authorizeManage } from "./access";
import { COMMUNITY_LIMITS } from "./limits";
import { lockCommunity, standingOf } from "./records";
import { communityRefSchema, createCommunitySchema, updateCommunitySchema } from "./schemas";

/** "Data & Analytics — Chapter" → "data-analytics-chapter". */
export function slugFromName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return base || "community";
}

/** The name's slug, or the slug with the first free number after it ("guild-2"). */
async function freeSlug(tx: TransactionClient, name: string): Promise<string> {
  const base = slugFromName(name);
  const taken = new Set(
    (
      await tx.community.findMany({
        where: { slug: { startsWith: base } },
        select: { slug: true },
      })
    ).map((row) => row.slug),
  );
  const reserved = (COMMUNITY_LIMITS.reservedSlugs as readonly string[]).includes(base);
  if (!taken.has(base) && !reserved) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

export async function createCommunity(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ slug: string }>> {
  authorize(actor, "create:community:any");
  const parsed = createCommunitySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const fields = parsed.data;
  return db.$transaction(async (tx) => {
    const slug = await freeSlug(tx, fields.name);
    const community = await tx.community.create({
      data: {
        ...fields,
        slug,
        createdById: actor.id,
        memberCount: 1,
        memberships: { create: { memberId: actor.id, role: "LEAD", decidedById: actor.id } },
      },
      select: { id: true, slug: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "community.create",
      entityType: "Community",
      entityId: community.id,
      after: { ...fields, slug },
    });
    return { ok: true, message: "Community created.", data: { slug } };
  });
}

const SETTINGS = { name: true, purpose: true, access: true };

export async function updateCommunity(actor: Actor, input: unknown): Promise<ActionResult> {
  const parsed = updateCommunitySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { communityId, ...fields } = parsed.data;
  return db.$transaction(async (tx) => {
    await lockCommunity(tx, communityId);
    authorizeManage(actor, await standingOf(tx, communityId, actor.id));
    const before = await tx.community.findUniqueOrThrow({
      where: { id: communityId },
      select: SETTINGS,
    });
    await tx.community.update({ where: { id: communityId }, data: fields });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "community.update",
      entityType: "Community",
      entityId: communityId,
      before,
      after: fields,
    });
    return { ok: true, message: "Settings saved." };
  });
}

/**
 * Archiving keeps everything (content cannot lose its community: ON DELETE RESTRICT) and
 * freezes it: no joining, no membership changes, gone from the directory.
 */
export async function archiveCommunity(actor: Actor, input: unknown): Promise<ActionResult> {
  const parsed = communityRefSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { communityId } = parsed.data;
  return db.$transaction(async (tx) => {
    await lockCommunity(tx, communityId);
    authorizeManage(actor, await standingOf(tx, communityId, actor.id));
    const archivedAt = new Date();
    await tx.community.update({ where: { id: communityId }, data: { archivedAt } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "community.archive",
      entityType: "Community",
      entityId: communityId,
      before: { archivedAt: null },
      after: { archivedAt },
    });
    return { ok: true, message: "Community archived." };
  });
}
