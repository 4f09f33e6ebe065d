"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { createRequest, fulfilRequest, voteOnRequest, type RequestRef } from "./requests";

function refresh(result: ActionResult<RequestRef>) {
  revalidatePath("/requests");
  if (result.ok && result.data) revalidatePath(`/requests/${result.data.id}`);
}

export async function createRequestAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<RequestRef>> {
  const result = await submitToService(formData, createRequest, { onSuccess: refresh });
  if (result.ok && result.data) redirect(`/requests/${result.data.id}`);
  return result;
}

export async function voteOnRequestAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<RequestRef>> {
  return submitToService(formData, voteOnRequest, { onSuccess: refresh });
}

export async function fulfilRequestAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<RequestRef>> {
  return submitToService(formData, fulfilRequest, { onSuccess: refresh });
}
