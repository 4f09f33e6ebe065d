"use server";
// The asks' server actions: each parses and authorises in its service (./respond.ts).
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import {
  findHelpers,
  passAsk,
  routeRequest,
  suggestOther,
  type AskedForRequest,
  type AskedNames,
} from "./respond";

function refresh(result: ActionResult<AskedNames>) {
  if (result.ok && result.data?.discussionId)
    revalidatePath(`/discussions/${result.data.discussionId}`);
}

export async function findHelpersAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<AskedNames>> {
  return submitToService(formData, findHelpers, { onSuccess: refresh });
}

export async function passAskAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<AskedNames>> {
  return submitToService(formData, passAsk, { onSuccess: refresh });
}

export async function suggestOtherAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<AskedNames>> {
  return submitToService(formData, suggestOther, { onSuccess: refresh });
}

export async function routeRequestAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<AskedForRequest>> {
  return submitToService(formData, routeRequest, {
    onSuccess: (result) => {
      if (result.ok && result.data) revalidatePath(`/requests/${result.data.requestId}`);
    },
  });
}
