// The server actions are public endpoints: called directly (as a form post would), they
// refuse other members, admins and signed-out visitors, and change nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createPost, postInput, postRow } from "@/test/factories-posts";
import { testDb } from "@/test/db";
import {
  addCommentAction,
  createPostAction,
  deleteCommentAction,
  deletePostAction,
  editCommentAction,
  markReviewedAction,
  publishPostAction,
  setBookmarkAction,
  setHelpfulAction,
  setPinnedAction,
  updatePostAction,
} from "./actions";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const REDIRECT = { digest: expect.stringContaining("NEXT_REDIRECT") };
const toSignIn = { digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin/) };

beforeEach(() => signedInAs(null));

describe("post actions", () => {
  it("creates a draft for the signed-in member and goes to it", async () => {
    const author = await createMember();
    signedInAs(author);
    const input = postInput({ title: "Action-made draft" });
    await expect(createPostAction(null, form(input))).rejects.toMatchObject(REDIRECT);
    const post = await testDb.knowledgePost.findFirstOrThrow({ where: { authorId: author.id } });
    expect(post).toMatchObject({ title: "Action-made draft", status: "DRAFT" });
  });

  it("returns field errors and the typed values for a bad form", async () => {
    signedInAs(await createMember());
    const result = await createPostAction(null, form(postInput({ title: "abc" })));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { title: [expect.any(String)] },
      values: { title: "abc" },
    });
  });

  it("sends a signed-out visitor to sign in and saves nothing", async () => {
    const input = postInput({ title: `Anonymous ${Date.now()}` });
    await expect(createPostAction(null, form(input))).rejects.toMatchObject(toSignIn);
    expect(await testDb.knowledgePost.count({ where: { title: input.title } })).toBe(0);
  });

  it("refuses edits, publishing, reviews and deletion by anyone but the author", async () => {
    const author = await createMember();
    const draft = await createPost(author.id, { status: "DRAFT" });
    const published = await createPost(author.id, { reviewBy: new Date("2020-01-01") });
    const attempts = [
      () => updatePostAction(null, form(postInput({ id: published.id, title: "Taken over" }))),
      () => publishPostAction(null, form({ id: draft.id })),
      () => markReviewedAction(null, form({ id: published.id })),
      () => deletePostAction(null, form({ id: published.id })),
      () => deletePostAction(null, form({ id: draft.id })),
    ];
    for (const intruder of [await createMember(), await createAdmin()]) {
      signedInAs(intruder);
      for (const attempt of attempts) {
        expect(await attempt()).toMatchObject({ ok: false, message: expect.any(String) });
      }
    }
    signedInAs(null);
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject(toSignIn);

    expect(await postRow(draft.id)).toMatchObject({ status: "DRAFT", deletedAt: null });
    expect(await postRow(published.id)).toMatchObject({
      title: published.title,
      editedAt: null,
      reviewedAt: null,
      deletedAt: null,
    });
  });

  it("lets the author publish through the action", async () => {
    const author = await createMember();
    const draft = await createPost(author.id, { status: "DRAFT" });
    signedInAs(author);
    await expect(publishPostAction(null, form({ id: draft.id }))).rejects.toMatchObject({
      digest: expect.stringContaining(`/posts/${draft.id}?published=1`),
    });
    expect((await postRow(draft.id)).status).toBe("PUBLISHED");
  });

  it("lets leaders pin, and refuses members and signed-out visitors", async () => {
    const post = await createPost((await createMember()).id);
    signedInAs(await createMember());
    expect(await setPinnedAction(null, form({ id: post.id, pinned: "true" }))).toMatchObject({
      ok: false,
      message: "You don't have permission to do that.",
    });
    signedInAs(null);
    await expect(
      setPinnedAction(null, form({ id: post.id, pinned: "true" })),
    ).rejects.toMatchObject(toSignIn);
    expect((await postRow(post.id)).pinnedAt).toBeNull();
    signedInAs(await createLeader());
    expect(await setPinnedAction(null, form({ id: post.id, pinned: "true" }))).toMatchObject({
      ok: true,
    });
  });
});

describe("reader actions", () => {
  it("refuses votes, bookmarks and comments from signed-out visitors", async () => {
    const post = await createPost((await createMember()).id);
    for (const attempt of [
      () => setHelpfulAction(null, form({ id: post.id, helpful: "true" })),
      () => setBookmarkAction(null, form({ id: post.id, saved: "true" })),
      () => addCommentAction(null, form({ postId: post.id, body: "Hi" })),
    ]) {
      await expect(attempt()).rejects.toMatchObject(toSignIn);
    }
    expect(await postRow(post.id)).toMatchObject({ helpfulCount: 0, commentCount: 0 });
  });

  it("refuses changes to someone else's comment", async () => {
    const [author, writer] = [await createMember(), await createMember()];
    const post = await createPost(author.id);
    signedInAs(writer);
    expect(await addCommentAction(null, form({ postId: post.id, body: "Mine" }))).toMatchObject({
      ok: true,
    });
    const comment = await testDb.postComment.findFirstOrThrow({ where: { postId: post.id } });
    for (const intruder of [author, await createAdmin()]) {
      signedInAs(intruder);
      expect(
        await editCommentAction(null, form({ id: comment.id, body: "Changed" })),
      ).toMatchObject({ ok: false });
      expect(await deleteCommentAction(null, form({ id: comment.id }))).toMatchObject({
        ok: false,
      });
    }
    signedInAs(null);
    await expect(deleteCommentAction(null, form({ id: comment.id }))).rejects.toMatchObject(
      toSignIn,
    );
    expect(await testDb.postComment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject(
      { body: "Mine", deletedAt: null, editedAt: null },
    );
  });

  it("toggles a helpful vote for a signed-in reader", async () => {
    const post = await createPost((await createMember()).id);
    signedInAs(await createMember());
    expect(await setHelpfulAction(null, form({ id: post.id, helpful: "true" }))).toMatchObject({
      ok: true,
      message: "Marked as helpful.",
    });
    expect((await postRow(post.id)).helpfulCount).toBe(1);
  });
});
