"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { changeMemberRole, sendPasswordResetLink, setMemberStatus } from "./members";

const refreshMembers = () => revalidatePath("/admin/members");

export async function changeMemberRoleAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, changeMemberRole, { onSuccess: refreshMembers });
}

export async function setMemberStatusAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, setMemberStatus, { onSuccess: refreshMembers });
}

/** Admin → Members: "Send password reset link". The service checks the admin's permission. */
export async function sendPasswordResetLinkAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, sendPasswordResetLink);
}
