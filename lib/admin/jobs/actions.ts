"use server";
// The failed-jobs page's server action; the service authorises and validates.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { retryJob } from "./retry";

export async function retryJobAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, retryJob, {
    onSuccess: () => revalidatePath("/admin/jobs"),
  });
}
