"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { acceptAnswer } from "./accept-answer";
import { createDiscussion } from "./create-discussion";
import { deleteDiscussion, editDiscussion } from "./edit-discussion";
import { setLocked, setPinned } from "./pin-lock";
import { createReply, deleteReply, editReply, type PostedReply } from "./replies";
import { setWatchLevel } from "./watch";

// Every action is a public POST endpoint: submitToService signs the member in
// (requireUser) and each service checks permission and ownership itself.

const refreshList = () => revalidatePath("/discussions");
const refreshThread = (id: string) => {
  revalidatePath(`/discussions/${id}`);
  refreshList();
};
const idOf = (formData: FormData, name = "id") => String(formData.get(name) ?? "");

export async function createDiscussionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, createDiscussion, {
    onSuccess: (result) => {
      refreshList();
      if (result.ok && result.data) redirect(`/discussions/${result.data.id}`);
    },
  });
}

export async function editDiscussionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, editDiscussion, {
    onSuccess: (result) => {
      if (!result.ok || !result.data) return;
      refreshThread(result.data.id);
      redirect(`/discussions/${result.data.id}`);
    },
  });
}

export async function deleteDiscussionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, deleteDiscussion, {
    onSuccess: () => refreshThread(idOf(formData)),
  });
}

export async function createReplyAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<PostedReply>> {
  return submitToService(formData, createReply, {
    onSuccess: () => refreshThread(idOf(formData, "discussionId")),
  });
}

export async function editReplyAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<PostedReply>> {
  return submitToService(formData, editReply, {
    onSuccess: (result) => {
      if (!result.ok || !result.data) return;
      refreshThread(result.data.discussionId);
      redirect(result.data.path);
    },
  });
}

export async function deleteReplyAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const result = await submitToService(formData, deleteReply, {
    onSuccess: (deleted) => {
      if (deleted.ok && deleted.data) refreshThread(deleted.data.discussionId);
    },
  });
  return result.ok ? { ok: true, message: result.message } : result;
}

export async function acceptAnswerAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, acceptAnswer, {
    onSuccess: () => refreshThread(idOf(formData, "discussionId")),
  });
}

export async function setPinnedAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, setPinned, { onSuccess: () => refreshThread(idOf(formData)) });
}

export async function setLockedAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, setLocked, { onSuccess: () => refreshThread(idOf(formData)) });
}

export async function setWatchLevelAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, setWatchLevel, {
    onSuccess: () => revalidatePath(`/discussions/${idOf(formData, "discussionId")}`),
  });
}
