"use server";
// The calendar feed's server actions, for the account page. Each is a public endpoint: the
// service checks the signed-in member's permission, and acts on their own feed only.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { createFeedToken, feedUrl, revokeFeedToken } from "./feed-token";
import { requestOrigin } from "@/lib/core/auth/client-ip";

const refreshAccount = () => revalidatePath("/account");

/** Makes a new feed link (the old one stops working) and returns it, the only time it is shown. */
export async function createFeedAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ url: string }>> {
  const result = await submitToService(formData, createFeedToken, { onSuccess: refreshAccount });
  if (!result.ok || !result.data) return result as ActionResult<never>;
  return {
    ok: true,
    message: result.message,
    data: { url: feedUrl(requestOrigin(await headers()), result.data.token) },
  };
}

export async function turnOffFeedAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, revokeFeedToken, { onSuccess: refreshAccount });
}
