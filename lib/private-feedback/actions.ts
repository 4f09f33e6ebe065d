"use server";
// Private feedback's server action: a public endpoint, so the service it calls checks the
// session's member and their permission itself. Opening a note (which marks it read) is the
// page's job, so there is no separate "mark read" endpoint.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { feedbackPath, sendPrivateFeedback } from "./feedback";

export async function sendPrivateFeedbackAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, sendPrivateFeedback, {
    onSuccess: (result) => {
      revalidatePath("/feedback", "layout");
      if (result.ok && result.data) redirect(`${feedbackPath(result.data.id)}?sent=1`);
    },
  });
}
