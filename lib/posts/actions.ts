"use server";
// The knowledge posts' server actions. Each is a public endpoint: the service it calls checks
// the session's member, their permission and (for changes) that they wrote the post.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import { addComment, deleteComment, editComment } from "./comments";
import {
  createPost,
  deletePost,
  markPostReviewed,
  postPath,
  publishPost,
  setPostPinned,
  updatePost,
} from "./posts";
import { setBookmark, setHelpful } from "./votes-and-bookmarks";

// Every posts page (lists, the post, the review list) and the feed may show what changed.
function refreshPosts() {
  revalidatePath("/posts", "layout");
  revalidatePath("/");
}

const idOf = (formData: FormData) => String(formData.get("id") ?? "");

/** After a change that moves the reader on: the post's page with a note of what happened. */
const toPost = (id: string, note: "created" | "saved" | "published" | "reviewed") =>
  redirect(`${postPath(encodeURIComponent(id))}?${note}=1`);

export async function createPostAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, createPost, {
    onSuccess: (result) => {
      refreshPosts();
      if (result.ok && result.data) toPost(result.data.id, "created");
    },
  });
}

export async function updatePostAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, updatePost, {
    onSuccess: () => {
      refreshPosts();
      toPost(idOf(formData), "saved");
    },
  });
}

export async function publishPostAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, publishPost, {
    onSuccess: () => {
      refreshPosts();
      toPost(idOf(formData), "published");
    },
  });
}

export async function deletePostAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, deletePost, {
    onSuccess: () => {
      refreshPosts();
      redirect("/posts/mine?deleted=1");
    },
  });
}

export async function markReviewedAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, markPostReviewed, {
    onSuccess: () => {
      refreshPosts();
      if (formData.get("from") === "list") redirect("/posts/review?reviewed=1");
      toPost(idOf(formData), "reviewed");
    },
  });
}

export async function setPinnedAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, setPostPinned, { onSuccess: refreshPosts });
}

export async function setHelpfulAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, setHelpful, { onSuccess: refreshPosts });
}

export async function setBookmarkAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, setBookmark, { onSuccess: refreshPosts });
}

export async function addCommentAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  return submitToService(formData, addComment, { onSuccess: refreshPosts });
}

export async function editCommentAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, editComment, { onSuccess: refreshPosts });
}

export async function deleteCommentAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, deleteComment, { onSuccess: refreshPosts });
}
