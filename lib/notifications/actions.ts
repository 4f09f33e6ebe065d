"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { markAllRead, markRead } from "./mark-read";
import { savePreferences } from "./save-preferences";

// The unread count is in the shell's header, so every page's layout is refreshed.
const refreshNotifications = () => revalidatePath("/", "layout");

export async function markReadAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, markRead, { onSuccess: refreshNotifications });
}

export async function markAllReadAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, markAllRead, { onSuccess: refreshNotifications });
}

export async function savePreferencesAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, savePreferences, {
    onSuccess: () => revalidatePath("/account/notifications"),
  });
}
