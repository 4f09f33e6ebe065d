"use server";
// The sessions' server actions. Each is a public endpoint: the service it calls checks the
// session's member, their permission and (for changes) that they host the session or lead.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { sessionPath } from "./access";
import { checkIn, recordAttendance } from "./attendance";
import { respondToSession } from "./rsvp";
import { cancelSession, completeSession, createSession, updateSession } from "./schedule";

// The session lists, pages, the home page and the proposals list may show what changed.
function refreshSessions() {
  revalidatePath("/sessions", "layout");
  revalidatePath("/");
}

const idOf = (formData: FormData, field = "id") => String(formData.get(field) ?? "");

export async function createSessionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, createSession, {
    onSuccess: (result) => {
      refreshSessions();
      if (result.ok && result.data) redirect(`${sessionPath(result.data.id)}?scheduled=1`);
    },
  });
}

export async function updateSessionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, updateSession, {
    onSuccess: () => {
      refreshSessions();
      redirect(`${sessionPath(encodeURIComponent(idOf(formData)))}?saved=1`);
    },
  });
}

export async function cancelSessionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, cancelSession, {
    onSuccess: () => {
      refreshSessions();
      redirect(`${sessionPath(encodeURIComponent(idOf(formData)))}?cancelled=1`);
    },
  });
}

export async function completeSessionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, completeSession, { onSuccess: () => refreshSessions() });
}

export async function respondAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, respondToSession, { onSuccess: () => refreshSessions() });
}

export async function recordAttendanceAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, recordAttendance, { onSuccess: () => refreshSessions() });
}

export async function checkInAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, checkIn, { onSuccess: () => refreshSessions() });
}
