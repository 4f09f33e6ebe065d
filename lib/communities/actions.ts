"use server";
// The communities' server actions. Each is a public endpoint: the service it calls parses the
// form with zod and checks the signed-in member's permission itself.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { archiveCommunity, createCommunity, updateCommunity } from "./manage";
import { communitySlug } from "./queries";
import {
  answerInvitation,
  cancelInvitation,
  decideRequest,
  inviteMember,
  joinCommunity,
  leaveCommunity,
  removeMember,
  requestToJoin,
  setFollowing,
  setMemberRole,
  withdrawRequest,
} from "./membership";

/** The directory, every community's pages, and the profiles that list communities. */
function refreshCommunities() {
  revalidatePath("/communities", "layout");
  revalidatePath("/members", "layout");
}

type Service = Parameters<typeof submitToService<undefined>>[1];

const action =
  (service: Service) =>
  async (_prev: unknown, formData: FormData): Promise<ActionResult> =>
    submitToService(formData, service, { onSuccess: refreshCommunities });

export async function createCommunityAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ slug: string }>> {
  const result = await submitToService(formData, createCommunity, {
    onSuccess: refreshCommunities,
  });
  if (result.ok && result.data) redirect(`/communities/${result.data.slug}`);
  return result;
}

export async function updateCommunityAction(prev: unknown, formData: FormData) {
  return action(updateCommunity)(prev, formData);
}
export async function archiveCommunityAction(prev: unknown, formData: FormData) {
  return action(archiveCommunity)(prev, formData);
}
export async function joinCommunityAction(prev: unknown, formData: FormData) {
  return action(joinCommunity)(prev, formData);
}
export async function requestToJoinAction(prev: unknown, formData: FormData) {
  return action(requestToJoin)(prev, formData);
}
export async function withdrawRequestAction(prev: unknown, formData: FormData) {
  return action(withdrawRequest)(prev, formData);
}
/** Accepting goes to the community's page (the invitation's row, and its message, are gone). */
export async function answerInvitationAction(prev: unknown, formData: FormData) {
  const result = await action(answerInvitation)(prev, formData);
  const communityId = formData.get("communityId");
  if (result.ok && formData.get("answer") === "accept" && typeof communityId === "string") {
    const slug = await communitySlug(communityId);
    if (slug) redirect(`/communities/${slug}?joined=1`);
  }
  return result;
}
export async function leaveCommunityAction(prev: unknown, formData: FormData) {
  return action(leaveCommunity)(prev, formData);
}
export async function setFollowingAction(prev: unknown, formData: FormData) {
  return action(setFollowing)(prev, formData);
}
export async function decideRequestAction(prev: unknown, formData: FormData) {
  return action(decideRequest)(prev, formData);
}
export async function inviteMemberAction(prev: unknown, formData: FormData) {
  return action(inviteMember)(prev, formData);
}
export async function cancelInvitationAction(prev: unknown, formData: FormData) {
  return action(cancelInvitation)(prev, formData);
}
export async function removeMemberAction(prev: unknown, formData: FormData) {
  return action(removeMember)(prev, formData);
}
export async function setMemberRoleAction(prev: unknown, formData: FormData) {
  return action(setMemberRole)(prev, formData);
}
