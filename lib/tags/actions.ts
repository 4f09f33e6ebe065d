"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { updateTagFollow } from "./follow";
import { updateTagMute } from "./mute";

export async function updateTagFollowAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  // Follows show on the tag pages and shape the home page's unanswered questions.
  return submitToService(formData, updateTagFollow, {
    onSuccess: () => revalidatePath("/", "layout"),
  });
}

export async function updateTagMuteAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, updateTagMute, {
    onSuccess: () => revalidatePath("/", "layout"),
  });
}
