"use server";
// The after-session server actions: notes, action items, ratings and "publish as knowledge
// post". Each is a public endpoint: the service it calls checks who the member is, what they
// may do, and validates the form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { addActionItem, deleteActionItem, editActionItem, setActionItemDone } from "./action-items";
import { rateSession } from "./feedback";
import { saveNotes } from "./notes";
import { publishNotesAsPost, type NotesPostResult } from "./publish";

// Session pages (the session, its notes page, lists) and the home page's action items.
function refreshSessions() {
  revalidatePath("/sessions", "layout");
  revalidatePath("/");
}

export async function saveNotesAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, saveNotes, { onSuccess: refreshSessions });
}

export async function addActionItemAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, addActionItem, { onSuccess: refreshSessions });
}

export async function editActionItemAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, editActionItem, { onSuccess: refreshSessions });
}

export async function deleteActionItemAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, deleteActionItem, { onSuccess: refreshSessions });
}

export async function setActionItemDoneAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, setActionItemDone, { onSuccess: refreshSessions });
}

export async function rateSessionAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, rateSession, { onSuccess: refreshSessions });
}

/**
 * Creates (or finds) the notes post and opens it in the post editor. When another host
 * wrote it, the message says so instead: only its author can edit a draft.
 */
export async function publishNotesAsPostAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<NotesPostResult>> {
  return submitToService(formData, publishNotesAsPost, {
    onSuccess: (result) => {
      refreshSessions();
      revalidatePath("/posts", "layout");
      const post = result.ok ? result.data : undefined;
      if (post?.mine) redirect(`/posts/${encodeURIComponent(post.id)}/edit`);
    },
  });
}
