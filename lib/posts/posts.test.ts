import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { createAdmin, createLeader, createMember, unique } from "@/test/factories";
import { notificationsFor } from "@/test/factories-notifications";
import {
  createPost as insertPost,
  createTag,
  followTag,
  postInput,
  postRow,
} from "@/test/factories-posts";
import { testDb } from "@/test/db";
import { addMonths, toDateInput, utcToday } from "@/lib/core/dates";
import { nextReviewDate } from "./review-dates";
import { POST_LIMITS } from "./limits";
import {
  createPost,
  deletePost,
  markPostReviewed,
  publishPost,
  setPostPinned,
  updatePost,
} from "./posts";
import { getPostPage, listNeedsReview, listPosts, pinnedPosts } from "./queries";

const daysAgo = (days: number) => new Date(utcToday().getTime() - days * 86_400_000);

async function draftBy(author: { id: string; role: "MEMBER" | "LEADER" | "ADMIN" }, input = {}) {
  const result = await createPost(author, postInput(input));
  if (!result.ok || !result.data) throw new Error(`draft not created: ${JSON.stringify(result)}`);
  return result.data.id;
}

describe("createPost", () => {
  it("saves a draft with its tags, by the actor, due for review in six months", async () => {
    const author = await createMember();
    const tagName = `Tag ${unique()}`;
    const id = await draftBy(author, { tags: `${tagName}, ${tagName.toUpperCase()}` });
    const post = await postRow(id);
    expect(post).toMatchObject({
      status: "DRAFT",
      authorId: author.id,
      publishedAt: null,
      editedAt: null,
      reviewBy: nextReviewDate(),
    });
    expect(post.tags.map((row) => row.tag.name)).toEqual([tagName]);
  });

  it.each([
    ["title", { title: "abcd" }],
    ["title", { title: "x".repeat(POST_LIMITS.titleMax + 1) }],
    ["summary", { summary: "too short" }],
    ["summary", { summary: "x".repeat(POST_LIMITS.summaryMax + 1) }],
    ["body", { body: "   " }],
    ["body", { body: "x".repeat(POST_LIMITS.bodyMax + 1) }],
    ["type", { type: "ESSAY" }],
    ["tags", { tags: "a, b, c, d, e, f" }],
    ["tags", { tags: "x".repeat(40) }],
  ])("reports a bad %s beside the field and saves nothing", async (field, override) => {
    const author = await createMember();
    const result = await createPost(author, postInput(override));
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.any(String)] } });
    expect(await testDb.knowledgePost.count({ where: { authorId: author.id } })).toBe(0);
  });

  it("reports every missing field at once", async () => {
    const result = await createPost(await createMember(), {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(
      ["body", "summary", "title", "type"].sort(),
    );
  });

  it("refuses a mention of someone who is not an active member", async () => {
    const author = await createMember();
    const result = createPost(author, postInput({ body: "Thanks [@Ghost](/members/nobody123)" }));
    await expect(result).rejects.toBeInstanceOf(DomainError);
    expect(await testDb.knowledgePost.count({ where: { authorId: author.id } })).toBe(0);
  });

  it("does not notify tag followers about a draft", async () => {
    const [author, follower, tag] = [await createMember(), await createMember(), await createTag()];
    await followTag(follower.id, tag.id);
    await draftBy(author, { tags: tag.name });
    expect(await notificationsFor(follower.id)).toEqual([]);
  });
});

describe("draft visibility", () => {
  it("shows a draft to its author only: 404 for other members and admins", async () => {
    const [author, other, admin] = [
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const id = await draftBy(author);
    expect(await getPostPage(author, id)).toMatchObject({ id, status: "DRAFT", isAuthor: true });
    expect(await getPostPage(other, id)).toBeNull();
    expect(await getPostPage(admin, id)).toBeNull();
  });

  it("keeps drafts out of the posts list and its tag filter", async () => {
    const [author, tag] = [await createMember(), await createTag()];
    await draftBy(author, { tags: tag.name });
    expect((await listPosts({ viewer: author, tag: tag.slug })).items).toEqual([]);
  });

  it("answers unknown and malformed ids with null (404)", async () => {
    const viewer = await createMember();
    expect(await getPostPage(viewer, "doesnotexist")).toBeNull();
    expect(await getPostPage(viewer, "x".repeat(500))).toBeNull();
  });
});

describe("publishPost", () => {
  it("publishes, and tells the tag followers once each, never the author", async () => {
    const [author, follower, both] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    const [tagA, tagB] = [await createTag(), await createTag()];
    await followTag(follower.id, tagA.id);
    await followTag(both.id, tagA.id);
    await followTag(both.id, tagB.id);
    await followTag(author.id, tagA.id);
    const id = await draftBy(author, { tags: `${tagA.name}, ${tagB.name}`, title: "Publish me" });

    expect(await publishPost(author, { id })).toMatchObject({ ok: true });
    const post = await postRow(id);
    expect(post.status).toBe("PUBLISHED");
    expect(post.publishedAt).toBeInstanceOf(Date);
    expect(post.reviewBy).toEqual(nextReviewDate());
    for (const member of [follower, both]) {
      const notes = await notificationsFor(member.id);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({
        kind: "tag.new_content",
        actorId: author.id,
        data: { title: "Publish me", path: `/posts/${id}`, tagName: tagA.name },
      });
    }
    expect(await notificationsFor(author.id)).toEqual([]);
    expect(
      (await listPosts({ viewer: author, tag: tagA.slug })).items.map((item) => item.id),
    ).toEqual([id]);
  });

  it("notifies the members the body mentions, instead of a tag notice", async () => {
    const [author, mentioned, tag] = [
      await createMember(),
      await createMember(),
      await createTag(),
    ];
    await followTag(mentioned.id, tag.id);
    const body = `Thanks to [@${mentioned.name}](/members/${mentioned.id}) for this.`;
    const id = await draftBy(author, { body, tags: tag.name });
    expect(await notificationsFor(mentioned.id)).toEqual([]);
    await publishPost(author, { id });
    const notes = await notificationsFor(mentioned.id);
    expect(notes.map((note) => note.kind)).toEqual(["content.mentioned"]);
  });

  it("keeps a review date the author chose", async () => {
    const author = await createMember();
    const id = await draftBy(author);
    const chosen = addMonths(utcToday(), 2);
    await publishPost(author, { id, reviewBy: toDateInput(chosen) });
    expect((await postRow(id)).reviewBy).toEqual(chosen);
  });

  it.each([
    ["a date in the past", toDateInput(daysAgo(1))],
    ["an impossible date", "2031-02-30"],
    ["a date too far ahead", toDateInput(addMonths(utcToday(), 12 * 3 + 1))],
    ["text", "next spring"],
  ])("refuses %s as the review date", async (_what, reviewBy) => {
    const author = await createMember();
    const id = await draftBy(author);
    expect(await publishPost(author, { id, reviewBy })).toMatchObject({
      ok: false,
      fieldErrors: { reviewBy: [expect.any(String)] },
    });
    expect((await postRow(id)).status).toBe("DRAFT");
  });

  it("refuses to publish twice, without notifying again", async () => {
    const [author, follower, tag] = [await createMember(), await createMember(), await createTag()];
    await followTag(follower.id, tag.id);
    const id = await draftBy(author, { tags: tag.name });
    await publishPost(author, { id });
    await expect(publishPost(author, { id })).rejects.toBeInstanceOf(DomainError);
    expect(await notificationsFor(follower.id)).toHaveLength(1);
  });

  it("publishes once when the author clicks twice at the same time", async () => {
    const [author, follower, tag] = [await createMember(), await createMember(), await createTag()];
    await followTag(follower.id, tag.id);
    const id = await draftBy(author, { tags: tag.name });
    const results = await Promise.allSettled([
      publishPost(author, { id }),
      publishPost(author, { id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await notificationsFor(follower.id)).toHaveLength(1);
  });

  it("refuses another member's draft as not found, and an admin too", async () => {
    const [author, other, admin] = [
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const id = await draftBy(author);
    await expect(publishPost(other, { id })).rejects.toBeInstanceOf(NotFound);
    await expect(publishPost(admin, { id })).rejects.toBeInstanceOf(NotFound);
    expect((await postRow(id)).status).toBe("DRAFT");
  });
});

describe("updatePost", () => {
  it("lets the author edit a draft without an edited mark", async () => {
    const author = await createMember();
    const id = await draftBy(author);
    const input = postInput({ id, title: "A better title", type: "CASE_STUDY" });
    expect(await updatePost(author, input)).toMatchObject({ ok: true });
    expect(await postRow(id)).toMatchObject({
      title: "A better title",
      type: "CASE_STUDY",
      editedAt: null,
    });
  });

  it("marks a published post edited and pushes its review six months on", async () => {
    const author = await createMember();
    const post = await insertPost(author.id, { reviewBy: daysAgo(3) });
    expect(await updatePost(author, postInput({ id: post.id }))).toMatchObject({ ok: true });
    const saved = await postRow(post.id);
    expect(saved.editedAt).toBeInstanceOf(Date);
    expect(saved.reviewBy).toEqual(nextReviewDate());
    expect((await listNeedsReview(author)).items).toEqual([]);
  });

  it("uses the review date the author sets while editing", async () => {
    const author = await createMember();
    const post = await insertPost(author.id);
    const chosen = addMonths(utcToday(), 1);
    await updatePost(author, postInput({ id: post.id, reviewBy: toDateInput(chosen) }));
    expect((await postRow(post.id)).reviewBy).toEqual(chosen);
  });

  it("replaces the tags", async () => {
    const author = await createMember();
    const [oldTag, newTag] = [await createTag(), await createTag()];
    const post = await insertPost(author.id, { tagIds: [oldTag.id] });
    await updatePost(author, postInput({ id: post.id, tags: newTag.name }));
    expect((await postRow(post.id)).tags.map((row) => row.tagId)).toEqual([newTag.id]);
  });

  it("refuses another member, a leader and an admin, and changes nothing", async () => {
    const author = await createMember();
    const post = await insertPost(author.id);
    for (const intruder of [await createMember(), await createLeader(), await createAdmin()]) {
      await expect(
        updatePost(intruder, postInput({ id: post.id, title: "Hijacked title" })),
      ).rejects.toBeInstanceOf(PermissionDenied);
    }
    expect(await postRow(post.id)).toMatchObject({ title: post.title, editedAt: null });
  });

  it("treats an unknown or deleted post as not found", async () => {
    const author = await createMember();
    const post = await insertPost(author.id, { deletedAt: new Date() });
    await expect(updatePost(author, postInput({ id: post.id }))).rejects.toBeInstanceOf(NotFound);
    await expect(updatePost(author, postInput({ id: "unknownid" }))).rejects.toBeInstanceOf(
      NotFound,
    );
  });
});

describe("deletePost", () => {
  it("soft-deletes the author's post: 404 for everyone and gone from lists", async () => {
    const [author, admin, tag] = [await createMember(), await createAdmin(), await createTag()];
    const post = await insertPost(author.id, { tagIds: [tag.id] });
    expect(await deletePost(author, { id: post.id })).toMatchObject({ ok: true });
    expect((await postRow(post.id)).deletedAt).toBeInstanceOf(Date);
    expect(await getPostPage(author, post.id)).toBeNull();
    expect(await getPostPage(admin, post.id)).toBeNull();
    expect((await listPosts({ viewer: author, tag: tag.slug })).items).toEqual([]);
  });

  it("refuses anyone else and keeps the post", async () => {
    const author = await createMember();
    const post = await insertPost(author.id);
    await expect(deletePost(await createMember(), { id: post.id })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    await expect(deletePost(await createAdmin(), { id: post.id })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    expect((await postRow(post.id)).deletedAt).toBeNull();
  });
});

describe("hidden posts", () => {
  it("are 404 for members (the author too) and shown to admins marked hidden", async () => {
    const [author, member, admin] = [
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const post = await insertPost(author.id, { hiddenAt: new Date() });
    expect(await getPostPage(member, post.id)).toBeNull();
    expect(await getPostPage(author, post.id)).toBeNull();
    expect(await getPostPage(admin, post.id)).toMatchObject({ id: post.id, hidden: true });
  });
});

describe("review dates", () => {
  it("flags an overdue post as possibly out of date to readers", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const overdue = await insertPost(author.id, { reviewBy: daysAgo(1) });
    const dueToday = await insertPost(author.id, { reviewBy: utcToday() });
    expect(await getPostPage(reader, overdue.id)).toMatchObject({ reviewDue: true });
    expect(await getPostPage(reader, dueToday.id)).toMatchObject({ reviewDue: false });
  });

  it("lists the author's overdue published posts, longest overdue first", async () => {
    const [author, other] = [await createMember(), await createMember()];
    const recent = await insertPost(author.id, { reviewBy: daysAgo(2) });
    const oldest = await insertPost(author.id, { reviewBy: daysAgo(40) });
    await insertPost(author.id, { reviewBy: daysAgo(5), status: "DRAFT" });
    await insertPost(author.id, { reviewBy: daysAgo(5), deletedAt: new Date() });
    await insertPost(author.id, { reviewBy: utcToday() });
    await insertPost(other.id, { reviewBy: daysAgo(9) });
    const page = await listNeedsReview(author);
    expect(page.items.map((item) => item.id)).toEqual([oldest.id, recent.id]);

    const first = await listNeedsReview(author, undefined, 1);
    expect(first.items.map((item) => item.id)).toEqual([oldest.id]);
    const second = await listNeedsReview(author, first.nextCursor!, 1);
    expect(second.items.map((item) => item.id)).toEqual([recent.id]);
    expect(second.nextCursor).toBeNull();
  });

  it("takes a reviewed post off the list until its next review date", async () => {
    const author = await createMember();
    const post = await insertPost(author.id, { reviewBy: daysAgo(10) });
    expect(await markPostReviewed(author, { id: post.id })).toMatchObject({ ok: true });
    const saved = await postRow(post.id);
    expect(saved.reviewedAt).toBeInstanceOf(Date);
    expect(saved.reviewBy).toEqual(nextReviewDate());
    expect(saved.editedAt).toBeNull();
    expect((await listNeedsReview(author)).items).toEqual([]);
  });

  it("lets the author choose the next review date, but not a past one", async () => {
    const author = await createMember();
    const post = await insertPost(author.id, { reviewBy: daysAgo(10) });
    const chosen = addMonths(utcToday(), 3);
    await markPostReviewed(author, { id: post.id, reviewBy: toDateInput(chosen) });
    expect((await postRow(post.id)).reviewBy).toEqual(chosen);
    expect(
      await markPostReviewed(author, { id: post.id, reviewBy: toDateInput(daysAgo(1)) }),
    ).toMatchObject({ ok: false, fieldErrors: { reviewBy: [expect.any(String)] } });
  });

  it("refuses anyone but the author", async () => {
    const author = await createMember();
    const post = await insertPost(author.id, { reviewBy: daysAgo(10) });
    await expect(markPostReviewed(await createAdmin(), { id: post.id })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    expect((await postRow(post.id)).reviewedAt).toBeNull();
  });
});

describe("setPostPinned", () => {
  it("lets a leader pin a post to the top of the list, audited", async () => {
    const [author, leader, tag] = [await createMember(), await createLeader(), await createTag()];
    const post = await insertPost(author.id, { tagIds: [tag.id] });
    const newer = await insertPost(author.id, { tagIds: [tag.id], publishedAt: new Date() });
    expect(await setPostPinned(leader, { id: post.id, pinned: "true" })).toMatchObject({
      ok: true,
    });
    expect((await postRow(post.id)).pinnedAt).toBeInstanceOf(Date);
    expect((await pinnedPosts({ viewer: author, tag: tag.slug })).map((item) => item.id)).toEqual([
      post.id,
    ]);
    expect(
      (await listPosts({ viewer: author, tag: tag.slug })).items.map((item) => item.id),
    ).toEqual([newer.id]);
    const audit = await testDb.auditLog.findMany({ where: { entityId: post.id } });
    expect(audit).toMatchObject([{ action: "post.pin", actorId: leader.id }]);

    await setPostPinned(leader, { id: post.id, pinned: "false" });
    expect((await postRow(post.id)).pinnedAt).toBeNull();
    expect(await testDb.auditLog.count({ where: { entityId: post.id } })).toBe(2);
  });

  it("refuses members (the author too) and leaves no audit entry", async () => {
    const author = await createMember();
    const post = await insertPost(author.id);
    for (const member of [author, await createMember()]) {
      await expect(setPostPinned(member, { id: post.id, pinned: "true" })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
    }
    expect((await postRow(post.id)).pinnedAt).toBeNull();
    expect(await testDb.auditLog.count({ where: { entityId: post.id } })).toBe(0);
  });

  it("cannot pin a draft", async () => {
    const post = await insertPost((await createMember()).id, { status: "DRAFT" });
    await expect(
      setPostPinned(await createLeader(), { id: post.id, pinned: "true" }),
    ).rejects.toBeInstanceOf(NotFound);
  });
});
