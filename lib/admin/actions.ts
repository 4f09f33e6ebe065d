"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/forms/action-result";
import { formDataToObject } from "@/lib/forms/form-data";
import { runAction } from "@/lib/forms/run-action";
import { changeMemberRole, setMemberStatus } from "./members";

export async function changeMemberRoleAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const result = await changeMemberRole(user, formDataToObject(formData));
    if (result.ok) revalidatePath("/admin/members");
    return result;
  });
}

export async function setMemberStatusAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const result = await setMemberStatus(user, formDataToObject(formData));
    if (result.ok) revalidatePath("/admin/members");
    return result;
  });
}
