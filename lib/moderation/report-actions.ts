"use server";
import type { ActionResult } from "@/lib/forms/action-result";
import { submitToService } from "@/lib/forms/submit";
import { reportContent } from "./report";

export async function reportContentAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, reportContent);
}
