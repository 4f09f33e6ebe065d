"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { updateProfile } from "./update-profile";

export async function updateProfileAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  // The name shows in the shell on every page, and the profile in the directory.
  return submitToService(formData, updateProfile, {
    onSuccess: () => revalidatePath("/", "layout"),
  });
}
