"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { toggleDiscussionReaction, toggleReplyReaction, type ReactionOutcome } from "./toggle";

function refresh(result: ActionResult<ReactionOutcome>) {
  if (!result.ok || !result.data) return;
  revalidatePath(`/discussions/${result.data.discussionId}`);
  revalidatePath("/discussions");
}

export async function toggleDiscussionReactionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<ReactionOutcome>> {
  return submitToService(formData, toggleDiscussionReaction, { onSuccess: refresh });
}

export async function toggleReplyReactionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<ReactionOutcome>> {
  return submitToService(formData, toggleReplyReaction, { onSuccess: refresh });
}
