"use server";
// The pulse surveys' server actions. Each is a public endpoint: the service it calls checks
// the signed-in member and their permission. Answering refreshes the same pages as the
// leaders' changes, and nothing else happens on the way: no log line, no audit entry.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { submitResponse } from "./answer";
import { closeSurvey, createSurvey, runAgain } from "./create";

// The leaders' survey pages, the members' survey pages and the home page's open surveys.
function refreshSurveys() {
  revalidatePath("/insights", "layout");
  revalidatePath("/surveys", "layout");
  revalidatePath("/");
}

export async function createSurveyAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, createSurvey, { onSuccess: refreshSurveys });
}

export async function closeSurveyAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, closeSurvey, { onSuccess: refreshSurveys });
}

export async function runAgainAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, runAgain, { onSuccess: refreshSurveys });
}

export async function submitResponseAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, submitResponse, { onSuccess: refreshSurveys });
}
