"use server";
// The mentoring server actions: preferences, requests for a mentor, and pairings. Each is a
// public endpoint; the service it calls checks the signed-in member and their permission.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { createPairing, changePairingStatus, requestPairingEnd } from "./pairings";
import { updateMentorshipProfile } from "./preferences";
import { requestMentor, withdrawMentorRequest } from "./requests";

/** The member's mentoring pages and the admins' programme view. */
function refreshMentorship() {
  revalidatePath("/mentorship", "layout");
  revalidatePath("/admin/mentorship", "layout");
}

/** Preferences also show on the member's own profile and their page in the directory. */
function refreshPreferences() {
  refreshMentorship();
  revalidatePath("/profile");
  revalidatePath("/members", "layout");
}

/** Pairings also show on the home page. */
function refreshPairings() {
  refreshMentorship();
  revalidatePath("/");
}

export async function updateMentorshipProfileAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, updateMentorshipProfile, { onSuccess: refreshPreferences });
}

export async function requestMentorAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, requestMentor, { onSuccess: refreshPreferences });
}

export async function withdrawMentorRequestAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, withdrawMentorRequest, { onSuccess: refreshPreferences });
}

export async function createPairingAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, createPairing, { onSuccess: refreshPairings });
}

export async function changePairingStatusAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, changePairingStatus, { onSuccess: refreshPairings });
}

export async function requestPairingEndAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, requestPairingEnd, { onSuccess: refreshPairings });
}
