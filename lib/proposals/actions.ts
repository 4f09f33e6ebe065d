"use server";
// The topic proposals' server actions. Each is a public endpoint: the service it calls checks
// the session's member, their permission and (to withdraw) that the proposal is theirs.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { PROPOSALS_PATH } from "./access";
import { declineProposal, proposeTopic, withdrawProposal } from "./proposals";
import { toggleVote, type VoteOutcome } from "./votes";

const refresh = () => revalidatePath(PROPOSALS_PATH);

/** After a change that removes the card the member acted on: the open list, with a note. */
const toOpenList = (note: "proposed" | "withdrawn" | "declined") => () => {
  refresh();
  redirect(`${PROPOSALS_PATH}?${note}=1`);
};

export async function proposeTopicAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, proposeTopic, { onSuccess: toOpenList("proposed") });
}

export async function toggleVoteAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<VoteOutcome>> {
  return submitToService(formData, toggleVote, { onSuccess: refresh });
}

export async function withdrawProposalAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, withdrawProposal, { onSuccess: toOpenList("withdrawn") });
}

export async function declineProposalAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, declineProposal, { onSuccess: toOpenList("declined") });
}
