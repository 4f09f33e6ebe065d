import { describe, expect, it } from "vitest";
import { NotFound } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import {
  createComment,
  createDiscussion,
  createPost,
  createReply,
  reportsOn,
} from "@/test/factories-moderation";
import { createRecognition } from "@/test/factories-recognition";
import { reportContent } from "./report-content";

const REASON = "This is spam for a crypto scheme.";

describe("reportContent", () => {
  it("files a report on a recognition; its giver can't report it, nor anyone a hidden one", async () => {
    const [giver, recipient, reporter] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    const recognition = await createRecognition(giver.id, [recipient.id]);
    const input = { targetType: "RECOGNITION", targetId: recognition.id, reason: REASON };
    expect(await reportContent(recipient, input)).toMatchObject({ ok: true });
    expect(await reportContent(reporter, input)).toMatchObject({ ok: true });
    expect(await reportContent(giver, input)).toEqual({
      ok: false,
      message: "You can't report your own writing.",
    });
    expect(await reportsOn("RECOGNITION", recognition.id)).toMatchObject([
      { reporterId: recipient.id, status: "OPEN" },
      { reporterId: reporter.id, status: "OPEN" },
    ]);
    for (const state of [{ hiddenAt: new Date() }, { deletedAt: new Date() }]) {
      const gone = await createRecognition(giver.id, [recipient.id], state);
      await expect(reportContent(reporter, { ...input, targetId: gone.id })).rejects.toBeInstanceOf(
        NotFound,
      );
    }
  });

  it("files an open report on each kind of content", async () => {
    const reporter = await createMember();
    const author = await createMember();
    const discussion = await createDiscussion(author.id);
    const reply = await createReply(discussion.id, author.id);
    const post = await createPost(author.id);
    const comment = await createComment(post.id, author.id);
    const targets = [
      ["DISCUSSION", discussion.id],
      ["REPLY", reply.id],
      ["POST", post.id],
      ["COMMENT", comment.id],
    ] as const;
    for (const [targetType, targetId] of targets) {
      const result = await reportContent(reporter, { targetType, targetId, reason: REASON });
      expect(result).toEqual({ ok: true, message: "Thank you. An admin will review your report." });
      expect(await reportsOn(targetType, targetId)).toMatchObject([
        { reporterId: reporter.id, reason: REASON, status: "OPEN", resolvedAt: null },
      ]);
    }
  });

  it("trims the reason and refuses one too short, too long or missing", async () => {
    const reporter = await createMember();
    const discussion = await createDiscussion((await createMember()).id);
    const target = { targetType: "DISCUSSION", targetId: discussion.id };
    for (const reason of ["   bad   ", "x".repeat(501), undefined]) {
      const result = await reportContent(reporter, { ...target, reason });
      expect(result).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    }
    expect(await reportContent(reporter, { ...target, reason: "  Rude words  " })).toMatchObject({
      ok: true,
    });
    expect((await reportsOn("DISCUSSION", discussion.id))[0]?.reason).toBe("Rude words");
  });

  it("refuses an unknown target type", async () => {
    const reporter = await createMember();
    const result = await reportContent(reporter, {
      targetType: "USER",
      targetId: reporter.id,
      reason: REASON,
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { targetType: expect.any(Array) } });
  });

  it("refuses a second report of the same item by the same member", async () => {
    const reporter = await createMember();
    const discussion = await createDiscussion((await createMember()).id);
    const input = { targetType: "DISCUSSION", targetId: discussion.id, reason: REASON };
    await reportContent(reporter, input);
    const again = await reportContent(reporter, { ...input, reason: "Another reason here" });
    expect(again).toEqual({
      ok: false,
      message: "You have already reported this. An admin will look at it.",
    });
    expect(await reportsOn("DISCUSSION", discussion.id)).toHaveLength(1);
    const other = await reportContent(await createMember(), input);
    expect(other.ok).toBe(true);
    expect(await reportsOn("DISCUSSION", discussion.id)).toHaveLength(2);
  });

  it("refuses a member reporting their own writing", async () => {
    const author = await createMember();
    const discussion = await createDiscussion(author.id);
    const result = await reportContent(author, {
      targetType: "DISCUSSION",
      targetId: discussion.id,
      reason: REASON,
    });
    expect(result).toEqual({ ok: false, message: "You can't report your own writing." });
    expect(await reportsOn("DISCUSSION", discussion.id)).toHaveLength(0);
  });

  it("treats hidden items, replies of hidden discussions, drafts and unknown ids as not found", async () => {
    const reporter = await createMember();
    const author = await createMember();
    const hiddenDiscussion = await createDiscussion(author.id, { hiddenAt: new Date() });
    const replyOfHidden = await testDb.reply.create({
      data: { discussionId: hiddenDiscussion.id, authorId: author.id, body: "Visible reply" },
    });
    const hiddenReply = await createReply((await createDiscussion(author.id)).id, author.id, {
      hiddenAt: new Date(),
    });
    const draft = await createPost(author.id, { status: "DRAFT" });
    const hiddenPost = await createPost(author.id, { hiddenAt: new Date() });
    const commentOnDraft = await testDb.postComment.create({
      data: { postId: draft.id, authorId: author.id, body: "Comment" },
    });
    const hiddenComment = await createComment((await createPost(author.id)).id, author.id, {
      hiddenAt: new Date(),
    });
    const targets = [
      ["DISCUSSION", hiddenDiscussion.id],
      ["REPLY", replyOfHidden.id],
      ["REPLY", hiddenReply.id],
      ["POST", draft.id],
      ["POST", hiddenPost.id],
      ["COMMENT", commentOnDraft.id],
      ["COMMENT", hiddenComment.id],
      ["DISCUSSION", "nosuchdiscussion"],
    ] as const;
    for (const [targetType, targetId] of targets) {
      await expect(
        reportContent(reporter, { targetType, targetId, reason: REASON }),
      ).rejects.toBeInstanceOf(NotFound);
      expect(await reportsOn(targetType, targetId)).toHaveLength(0);
    }
  });
});
