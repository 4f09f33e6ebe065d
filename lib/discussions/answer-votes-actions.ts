"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { voteOnAnswer, type AnswerVoteOutcome } from "./answer-votes";

function refresh(result: ActionResult<AnswerVoteOutcome>) {
  if (!result.ok || !result.data) return;
  revalidatePath(`/discussions/${result.data.discussionId}`);
  revalidatePath("/discussions");
}

export async function voteOnAnswerAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<AnswerVoteOutcome>> {
  return submitToService(formData, voteOnAnswer, { onSuccess: refresh });
}
