"use server";
// The pair's space's server actions. Each is a public endpoint: the service it calls checks
// that the signed-in member is one of the pair, and validates the form.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import {
  addGoal,
  addPairingLink,
  logCheckIn,
  removeGoal,
  removePairingLink,
  saveReflection,
  updateGoalProgress,
} from "./space";

// The pair's pages (goal and link forms send only the item's id, so the whole section) and
// the admins' programme view, whose health and last check-in follow the space.
function refreshMentorship() {
  revalidatePath("/mentorship", "layout");
  revalidatePath("/admin/mentorship", "layout");
}

export async function addGoalAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, addGoal, { onSuccess: refreshMentorship });
}

export async function updateGoalProgressAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, updateGoalProgress, { onSuccess: refreshMentorship });
}

export async function removeGoalAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, removeGoal, { onSuccess: refreshMentorship });
}

export async function logCheckInAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, (actor, input) => logCheckIn(actor, input), {
    onSuccess: refreshMentorship,
  });
}

export async function addPairingLinkAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, addPairingLink, { onSuccess: refreshMentorship });
}

export async function removePairingLinkAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, removePairingLink, { onSuccess: refreshMentorship });
}

export async function saveReflectionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, saveReflection, { onSuccess: refreshMentorship });
}
