"use server";
import { refresh } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { moderateContent } from "./moderate";

/** Hide/Restore on the content's own page: the page re-renders with the new state. */
export async function moderateContentAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, moderateContent, { onSuccess: () => refresh() });
}

/**
 * Hide/Dismiss/Restore in the admin queue. No refresh: the row stays, showing its outcome
 * (and an undo), instead of vanishing under the admin's focus. The next visit is up to date.
 */
export async function moderateQueueItemAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, moderateContent);
}
