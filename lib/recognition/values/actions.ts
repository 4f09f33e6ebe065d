"use server";
// The admins' company-value actions. Each is a public endpoint: the service checks that the
// session's member may manage values.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { createValue, moveValue, setValueArchived, updateValue } from "./admin";

// The admin page, and every form and wall that lists values.
function refreshValues() {
  revalidatePath("/admin/values");
  revalidatePath("/recognition", "layout");
  revalidatePath("/");
}

export async function createValueAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, createValue, { onSuccess: refreshValues });
}

export async function updateValueAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, updateValue, { onSuccess: refreshValues });
}

export async function setValueArchivedAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, setValueArchived, { onSuccess: refreshValues });
}

export async function moveValueAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, moveValue, { onSuccess: refreshValues });
}
