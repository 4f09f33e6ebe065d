"use server";
// The chat-webhook admin page's server actions. Each is a public endpoint: the service it
// calls checks the member's permission and validates the form.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { retryDelivery, sendTestMessage, updateWebhookUrl } from "./admin";

const refreshPage = () => revalidatePath("/admin/webhook");

export async function updateWebhookUrlAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, updateWebhookUrl, { onSuccess: refreshPage });
}

export async function sendTestMessageAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, (actor, input) => sendTestMessage(actor, input));
}

export async function retryDeliveryAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, retryDelivery, {
    onSuccess: refreshPage,
  });
}
