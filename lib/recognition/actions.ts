"use server";
// The recognition server actions. Each is a public endpoint: the service it calls checks the
// session's member, their permission and (for edits and deletion) that they gave it.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import type { ApplauseOutcome } from "./applause";
import {
  deleteRecognition,
  editRecognition,
  giveRecognition,
  setFeatured,
  toggleApplause,
} from "./give";

// The wall, a recognition's page, profiles and the home page's wall may show what changed.
function refreshRecognition() {
  revalidatePath("/recognition", "layout");
  revalidatePath("/");
}

export async function giveRecognitionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, giveRecognition, { onSuccess: refreshRecognition });
}

export async function editRecognitionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, editRecognition, { onSuccess: refreshRecognition });
}

export async function deleteRecognitionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, deleteRecognition, { onSuccess: refreshRecognition });
}

export async function setFeaturedAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, setFeatured, { onSuccess: refreshRecognition });
}

export async function toggleApplauseAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<ApplauseOutcome>> {
  return submitToService(formData, toggleApplause, { onSuccess: refreshRecognition });
}
