// Joining, asking, inviting, leaving, following; leads' decisions on requests, removals and
// roles. Each runs in one transaction under the community's row lock, keeps memberCount in
// step, and audits every decision a lead or admin makes about someone else.
import type { Actor } from "@/lib/core/auth/authorize";
import { recordAudit } from "@/lib/core/audit/record";
import type { AuditAction } from "@/lib/core/audit/actions";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { authorizeManage, isActiveMember, isLead } from "./access";
import {
  activeLeadIds,
  lockCommunity,
  noticeMembership,
  recountMembers,
  standingOf,
  type LockedCommunity,
} from "./records";
import {
  communityMemberSchema,
  communityRefSchema,
  communityRoleSchema,
  followCommunitySchema,
  invitationAnswerSchema,
  leaveCommunitySchema,
  requestDecisionSchema,
} from "./schemas";
import type { z } from "zod";

type Work = (tx: TransactionClient, community: LockedCommunity) => Promise<ActionResult>;

/** Parses, locks the community, and runs `work` in one transaction. */
async function inCommunity<S extends z.ZodType<{ communityId: string }>>(
  schema: S,
  input: unknown,
  work: (data: z.infer<S>) => Work,
): Promise<ActionResult> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;
  return db.$transaction(async (tx) => work(data)(tx, await lockCommunity(tx, data.communityId)));
}

const ok = (message: string): ActionResult => ({ ok: true, message });

function audit(
  tx: TransactionClient,
  actor: Actor,
  action: AuditAction,
  community: LockedCommunity,
  details: { memberId: string; before?: unknown; after?: unknown },
) {
  return recordAudit(tx, {
    actorId: actor.id,
    action,
    entityType: "Community",
    entityId: community.id,
    before:
      details.before === undefined
        ? undefined
        : { memberId: details.memberId, ...(details.before as object) },
    after: { memberId: details.memberId, ...(details.after as object | undefined) },
  });
}

const membershipKey = (communityId: string, memberId: string) => ({
  communityId_memberId: { communityId, memberId },
});

/** A community the member may not read is "not found" to them, never "private". */
function hideFromOutsider(community: LockedCommunity, standing: { status: string } | null) {
  if (community.access === "PRIVATE" && !standing) throw new NotFound("That community");
}

// ---- What a member does for themselves -------------------------------------------------

export async function joinCommunity(actor: Actor, input: unknown): Promise<ActionResult> {
  return inCommunity(communityRefSchema, input, () => async (tx, community) => {
    const standing = await standingOf(tx, community.id, actor.id);
    hideFromOutsider(community, standing);
    if (isActiveMember(standing)) return ok("You are already a member.");
    if (community.access !== "OPEN" && standing?.status !== "INVITED") {
      throw new DomainError("This community takes new members by request or invitation.");
    }
    await tx.communityMembership.upsert({
      where: membershipKey(community.id, actor.id),
      create: { communityId: community.id, memberId: actor.id },
      update: { status: "ACTIVE" },
    });
    await recountMembers(tx, community.id);
    return ok(`Welcome to ${community.name}.`);
  });
}

export async function requestToJoin(actor: Actor, input: unknown): Promise<ActionResult> {
  return inCommunity(communityRefSchema, input, () => async (tx, community) => {
    const standing = await standingOf(tx, community.id, actor.id);
    hideFromOutsider(community, standing);
    if (standing) return ok("You have already asked, or are already a member.");
    if (community.access !== "BY_REQUEST") {
      throw new DomainError("This community does not take requests to join.");
    }
    await tx.communityMembership.create({
      data: { communityId: community.id, memberId: actor.id, status: "REQUESTED" },
    });
    await noticeMembership(tx, {
      actorId: actor.id,
      recipientIds: await activeLeadIds(tx, community.id),
      community,
      event: "requested",
    });
    return ok("Request sent: a lead will decide.");
  });
}

export async function withdrawRequest(actor: Actor, input: unknown): Promise<ActionResult> {
  return inCommunity(communityRefSchema, input, () => async (tx, community) => {
    const { count } = await tx.communityMembership.deleteMany({
      where: { communityId: community.id, memberId: actor.id, status: "REQUESTED" },
    });
    return ok(count ? "Request withdrawn." : "You have no request here.");
  });
}

export async function answerInvitation(actor: Actor, input: unknown): Promise<ActionResult> {
  return inCommunity(invitationAnswerSchema, input, ({ answer }) => async (tx, community) => {
    const standing = await standingOf(tx, community.id, actor.id);
    if (standing?.status !== "INVITED") throw new NotFound("That invitation");
    if (answer === "decline") {
      await tx.communityMembership.delete({ where: membershipKey(community.id, actor.id) });
      return ok("Invitation declined.");
    }
    await tx.communityMembership.update({
      where: membershipKey(community.id, actor.id),
      data: { status: "ACTIVE" },
    });
    await recountMembers(tx, community.id);
    return ok(`Welcome to ${community.name}.`);
  });
}

/**
 * Leaving. The last lead names a member who leads after them (audited as a handover), so a
 * community is never left without a lead.
 */
export async function leaveCommunity(actor: Actor, input: unknown): Promise<ActionResult> {
  return inCommunity(leaveCommunitySchema, input, ({ successorId }) => async (tx, community) => {
    const standing = await standingOf(tx, community.id, actor.id);
    if (!isActiveMember(standing)) throw new NotFound("Your membership");
    const otherLeads = (await activeLeadIds(tx, community.id)).filter((id) => id !== actor.id);
    if (isLead(standing) && otherLeads.length === 0) {
      await handOver(tx, actor, community, successorId);
    }
    await tx.communityMembership.delete({ where: membershipKey(community.id, actor.id) });
    await recountMembers(tx, community.id);
    return ok(`You have left ${community.name}.`);
  });
}

async function handOver(
  tx: TransactionClient,
  actor: Actor,
  community: LockedCommunity,
  successorId: string | undefined,
) {
  const refuse = (message: string) => new DomainError(message, { successorId: [message] });
  if (!successorId) throw refuse("You are the last lead: choose who leads after you.");
  const successor =
    successorId === actor.id ? null : await standingOf(tx, community.id, successorId);
  if (!isActiveMember(successor)) throw refuse("Choose a member of this community.");
  await tx.communityMembership.update({
    where: membershipKey(community.id, successorId),
    data: { role: "LEAD", decidedById: actor.id },
  });
  await audit(tx, actor, "community.lead.handover", community, {
    memberId: successorId,
    before: { role: "MEMBER" },
    after: { role: "LEAD" },
  });
}

export async function setFollowing(actor: Actor, input: unknown): Promise<ActionResult> {
  return inCommunity(followCommunitySchema, input, ({ following }) => async (tx, community) => {
    const { count } = await tx.communityMembership.updateMany({
      where: { communityId: community.id, memberId: actor.id, status: "ACTIVE" },
      data: { following },
    });
    if (count === 0) throw new NotFound("Your membership");
    return ok(following ? "Following: its news goes into your digest." : "No longer following.");
  });
}

// ---- What leads (and admins) decide ------------------------------------------------------

async function asManager(tx: TransactionClient, actor: Actor, community: LockedCommunity) {
  authorizeManage(actor, await standingOf(tx, community.id, actor.id));
}

export async function decideRequest(actor: Actor, input: unknown): Promise<ActionResult> {
  return inCommunity(requestDecisionSchema, input, ({ memberId, decision }) => async (tx, c) => {
    await asManager(tx, actor, c);
    const standing = await standingOf(tx, c.id, memberId);
    if (standing?.status !== "REQUESTED") throw new NotFound("That request");
    if (decision === "approve") {
      await tx.communityMembership.update({
        where: membershipKey(c.id, memberId),
        data: { status: "ACTIVE", decidedById: actor.id },
      });
      await recountMembers(tx, c.id);
    } else {
      await tx.communityMembership.delete({ where: membershipKey(c.id, memberId) });
    }
    const approved = decision === "approve";
    await audit(
      tx,
      actor,
      approved ? "community.request.approve" : "community.request.decline",
      c,
      {
        memberId,
        before: { status: "REQUESTED" },
        after: { status: approved ? "ACTIVE" : null },
      },
    );
    await noticeMembership(tx, {
      actorId: actor.id,
      recipientIds: [memberId],
      community: c,
      event: approved ? "approved" : "declined",
    });
    return ok(approved ? "Request approved." : "Request declined.");
  });
}

export async function inviteMember(actor: Actor, input: unknown): Promise<ActionResult> {
  return inCommunity(communityMemberSchema, input, ({ memberId }) => async (tx, c) => {
    await asManager(tx, actor, c);
    const invitee = await tx.user.findFirst({
      where: { id: memberId, status: "ACTIVE" },
      select: { id: true },
    });
    if (!invitee)
      throw new DomainError("Choose an active member.", { memberId: ["Choose an active member."] });
    const standing = await standingOf(tx, c.id, memberId);
    if (standing?.status === "ACTIVE") return ok("They are already a member.");
    if (standing?.status === "INVITED") return ok("They are already invited.");
    // Someone who asked to join and is then invited is simply in.
    const status = standing?.status === "REQUESTED" ? "ACTIVE" : "INVITED";
    await tx.communityMembership.upsert({
      where: membershipKey(c.id, memberId),
      create: { communityId: c.id, memberId, status, decidedById: actor.id },
      update: { status, decidedById: actor.id },
    });
    if (status === "ACTIVE") await recountMembers(tx, c.id);
    await audit(
      tx,
      actor,
      status === "ACTIVE" ? "community.request.approve" : "community.invite",
      c,
      {
        memberId,
        before: standing ? { status: standing.status } : undefined,
        after: { status },
      },
    );
    await noticeMembership(tx, {
      actorId: actor.id,
      recipientIds: [memberId],
      community: c,
      event: status === "ACTIVE" ? "approved" : "invited",
    });
    return ok(status === "ACTIVE" ? "They asked to join: now a member." : "Invitation sent.");
  });
}

export async function cancelInvitation(actor: Actor, input: unknown): Promise<ActionResult> {
  return inCommunity(communityMemberSchema, input, ({ memberId }) => async (tx, c) => {
    await asManager(tx, actor, c);
    const { count } = await tx.communityMembership.deleteMany({
      where: { communityId: c.id, memberId, status: "INVITED" },
    });
    if (count === 0) throw new NotFound("That invitation");
    await audit(tx, actor, "community.invite.cancel", c, {
      memberId,
      before: { status: "INVITED" },
      after: { status: null },
    });
    return ok("Invitation withdrawn.");
  });
}

/** Refuses to leave the community without an active lead. */
async function keepALead(tx: TransactionClient, communityId: string, memberId: string) {
  const others = (await activeLeadIds(tx, communityId)).filter((id) => id !== memberId);
  if (others.length === 0) {
    throw new DomainError("A community needs a lead: make someone else a lead first.");
  }
}

export async function removeMember(actor: Actor, input: unknown): Promise<ActionResult> {
  return inCommunity(communityMemberSchema, input, ({ memberId }) => async (tx, c) => {
    await asManager(tx, actor, c);
    const standing = await standingOf(tx, c.id, memberId);
    if (!isActiveMember(standing)) throw new NotFound("That member");
    if (isLead(standing)) await keepALead(tx, c.id, memberId);
    await tx.communityMembership.delete({ where: membershipKey(c.id, memberId) });
    await recountMembers(tx, c.id);
    await audit(tx, actor, "community.member.remove", c, {
      memberId,
      before: { status: "ACTIVE", role: standing!.role },
      after: { status: null },
    });
    return ok("Member removed.");
  });
}

export async function setMemberRole(actor: Actor, input: unknown): Promise<ActionResult> {
  return inCommunity(communityRoleSchema, input, ({ memberId, role }) => async (tx, c) => {
    await asManager(tx, actor, c);
    const standing = await standingOf(tx, c.id, memberId);
    if (!isActiveMember(standing)) throw new NotFound("That member");
    if (standing!.role === role) return ok("Nothing to change.");
    if (role === "MEMBER") await keepALead(tx, c.id, memberId);
    await tx.communityMembership.update({
      where: membershipKey(c.id, memberId),
      data: { role, decidedById: actor.id },
    });
    await audit(
      tx,
      actor,
      role === "LEAD" ? "community.lead.promote" : "community.lead.demote",
      c,
      {
        memberId,
        before: { role: standing!.role },
        after: { role },
      },
    );
    return ok(role === "LEAD" ? "Now a lead." : "Now a member.");
  });
}
