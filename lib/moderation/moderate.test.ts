import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { NotFound } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import {
  auditEntriesFor,
  createComment,
  createDiscussion,
  createPost,
  createReply,
  createReport,
  reportsOn,
} from "@/test/factories-moderation";
import { createRecognition } from "@/test/factories-recognition";
import { dismissReports, hideContent, moderateContent, restoreContent } from "./moderate";

async function repliedDiscussion() {
  const author = await createMember();
  const replier = await createMember();
  const discussion = await createDiscussion(author.id);
  const reply = await createReply(discussion.id, replier.id);
  return { discussion, reply, replier };
}

const discussionNow = (id: string) => testDb.discussion.findUniqueOrThrow({ where: { id } });

describe("hideContent", () => {
  it("hides a reply, resolves its open reports, recounts replies and audits it", async () => {
    const admin = await createAdmin();
    const { discussion, reply } = await repliedDiscussion();
    const [a, b] = [await createMember(), await createMember()];
    await createReport(a.id, "REPLY", reply.id);
    await createReport(b.id, "REPLY", reply.id);
    expect((await discussionNow(discussion.id)).replyCount).toBe(1);

    const result = await hideContent(admin, { targetType: "REPLY", targetId: reply.id });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("2 open reports") });

    const hidden = await testDb.reply.findUniqueOrThrow({ where: { id: reply.id } });
    expect(hidden.hiddenAt).toBeInstanceOf(Date);
    expect((await discussionNow(discussion.id)).replyCount).toBe(0);
    const reports = await reportsOn("REPLY", reply.id);
    expect(reports.map((r) => r.status)).toEqual(["RESOLVED", "RESOLVED"]);
    expect(reports.every((r) => r.resolvedById === admin.id && r.resolvedAt)).toBe(true);
    const [entry, ...more] = await auditEntriesFor(reply.id);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: "content.hide",
      entityType: "Reply",
      before: { hiddenAt: null },
      after: { reportsResolved: 2 },
    });
  });

  it("hides a discussion without touching its counters", async () => {
    const admin = await createAdmin();
    const { discussion } = await repliedDiscussion();
    await hideContent(admin, {
      targetType: "DISCUSSION",
      targetId: discussion.id,
      reason: "Spam",
    });
    const after = await discussionNow(discussion.id);
    expect(after.hiddenAt).toBeInstanceOf(Date);
    expect(after.replyCount).toBe(1);
    expect((await auditEntriesFor(discussion.id))[0]).toMatchObject({
      action: "content.hide",
      entityType: "Discussion",
      after: { reason: "Spam" },
    });
  });

  it("keeps a hidden reply as the accepted answer", async () => {
    const admin = await createAdmin();
    const { discussion, reply } = await repliedDiscussion();
    await testDb.discussion.update({
      where: { id: discussion.id },
      data: { kind: "QUESTION", acceptedReplyId: reply.id },
    });
    await hideContent(admin, { targetType: "REPLY", targetId: reply.id });
    expect((await discussionNow(discussion.id)).acceptedReplyId).toBe(reply.id);
  });

  it("hides a comment and recounts its post's comments; restoring counts it again", async () => {
    const admin = await createAdmin();
    const post = await createPost((await createMember()).id);
    const comment = await createComment(post.id, (await createMember()).id);
    await createComment(post.id, (await createMember()).id);
    const count = async () =>
      (await testDb.knowledgePost.findUniqueOrThrow({ where: { id: post.id } })).commentCount;
    expect(await count()).toBe(2);

    await hideContent(admin, { targetType: "COMMENT", targetId: comment.id });
    expect(await count()).toBe(1);
    await restoreContent(admin, { targetType: "COMMENT", targetId: comment.id });
    expect(await count()).toBe(2);
    const actions = (await auditEntriesFor(comment.id)).map((e) => [e.action, e.entityType]);
    expect(actions).toEqual([
      ["content.hide", "PostComment"],
      ["content.restore", "PostComment"],
    ]);
  });

  it("hides a knowledge post", async () => {
    const admin = await createAdmin();
    const post = await createPost((await createMember()).id);
    expect(await hideContent(admin, { targetType: "POST", targetId: post.id })).toMatchObject({
      ok: true,
    });
    const after = await testDb.knowledgePost.findUniqueOrThrow({ where: { id: post.id } });
    expect(after.hiddenAt).toBeInstanceOf(Date);
  });

  it("hides a reported recognition, resolving its reports; restores it", async () => {
    const admin = await createAdmin();
    const [giver, recipient] = [await createMember(), await createMember()];
    const recognition = await createRecognition(giver.id, [recipient.id]);
    await createReport(recipient.id, "RECOGNITION", recognition.id);
    const target = { targetType: "RECOGNITION", targetId: recognition.id };
    expect(await hideContent(admin, target)).toEqual({
      ok: true,
      message: "This recognition is now hidden from everyone but admins. 1 open report resolved.",
    });
    const row = () => testDb.recognition.findUniqueOrThrow({ where: { id: recognition.id } });
    expect((await row()).hiddenAt).toBeInstanceOf(Date);
    expect(await reportsOn("RECOGNITION", recognition.id)).toMatchObject([
      { status: "RESOLVED", resolvedById: admin.id },
    ]);
    await expect(hideContent(await createLeader(), target)).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    expect(await restoreContent(admin, target)).toMatchObject({ ok: true });
    expect((await row()).hiddenAt).toBeNull();
    expect((await auditEntriesFor(recognition.id)).map((e) => [e.action, e.entityType])).toEqual([
      ["content.hide", "Recognition"],
      ["content.restore", "Recognition"],
    ]);
  });

  it("says so when the item is already hidden, changing and auditing nothing", async () => {
    const admin = await createAdmin();
    const { discussion, reply } = await repliedDiscussion();
    await hideContent(admin, { targetType: "REPLY", targetId: reply.id });
    const first = await testDb.reply.findUniqueOrThrow({ where: { id: reply.id } });
    const again = await hideContent(admin, { targetType: "REPLY", targetId: reply.id });
    expect(again).toEqual({ ok: true, message: "This reply is already hidden." });
    const second = await testDb.reply.findUniqueOrThrow({ where: { id: reply.id } });
    expect(second.hiddenAt).toEqual(first.hiddenAt);
    expect((await discussionNow(discussion.id)).replyCount).toBe(0);
    expect(await auditEntriesFor(reply.id)).toHaveLength(1);
  });

  it("hides once when two admins act at the same moment", async () => {
    const [a, b] = [await createAdmin(), await createAdmin()];
    const { reply } = await repliedDiscussion();
    const input = { targetType: "REPLY", targetId: reply.id };
    const results = await Promise.all([hideContent(a, input), hideContent(b, input)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await auditEntriesFor(reply.id)).toHaveLength(1);
  });

  it("throws NotFound for an unknown id", async () => {
    const admin = await createAdmin();
    await expect(
      hideContent(admin, { targetType: "DISCUSSION", targetId: "nosuchdiscussion" }),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it("returns field errors for a bad target type or id", async () => {
    const admin = await createAdmin();
    const result = await hideContent(admin, { targetType: "USER", targetId: "x y" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { targetType: expect.any(Array), targetId: expect.any(Array) },
    });
  });

  it.each([
    ["member", createMember],
    ["leader", createLeader],
  ])("refuses a %s and changes nothing", async (_role, create) => {
    const actor = await create();
    const { discussion, reply } = await repliedDiscussion();
    const report = await createReport((await createMember()).id, "REPLY", reply.id);
    await expect(
      hideContent(actor, { targetType: "REPLY", targetId: reply.id }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect((await testDb.reply.findUniqueOrThrow({ where: { id: reply.id } })).hiddenAt).toBeNull();
    expect((await discussionNow(discussion.id)).replyCount).toBe(1);
    expect((await testDb.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe(
      "OPEN",
    );
    expect(await auditEntriesFor(reply.id)).toHaveLength(0);
  });
});

describe("restoreContent", () => {
  it("shows a hidden reply again, recounts and audits; reports stay resolved", async () => {
    const admin = await createAdmin();
    const { discussion, reply } = await repliedDiscussion();
    await createReport((await createMember()).id, "REPLY", reply.id);
    await hideContent(admin, { targetType: "REPLY", targetId: reply.id });

    const result = await restoreContent(admin, { targetType: "REPLY", targetId: reply.id });
    expect(result).toEqual({ ok: true, message: "This reply is visible again." });
    expect((await testDb.reply.findUniqueOrThrow({ where: { id: reply.id } })).hiddenAt).toBeNull();
    expect((await discussionNow(discussion.id)).replyCount).toBe(1);
    expect((await reportsOn("REPLY", reply.id)).map((r) => r.status)).toEqual(["RESOLVED"]);
    const entries = await auditEntriesFor(reply.id);
    expect(entries.map((e) => e.action)).toEqual(["content.hide", "content.restore"]);
    expect(entries[1]).toMatchObject({ actorId: admin.id, after: { hiddenAt: null } });
  });

  it("says so when the item is not hidden", async () => {
    const admin = await createAdmin();
    const { discussion } = await repliedDiscussion();
    const result = await restoreContent(admin, {
      targetType: "DISCUSSION",
      targetId: discussion.id,
    });
    expect(result).toEqual({ ok: true, message: "This discussion is not hidden." });
    expect(await auditEntriesFor(discussion.id)).toHaveLength(0);
  });

  it("refuses a member, leaving the item hidden", async () => {
    const member = await createMember();
    const discussion = await createDiscussion((await createMember()).id, {
      hiddenAt: new Date(),
    });
    await expect(
      restoreContent(member, { targetType: "DISCUSSION", targetId: discussion.id }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect((await discussionNow(discussion.id)).hiddenAt).toBeInstanceOf(Date);
  });

  it("throws NotFound for an unknown id", async () => {
    const admin = await createAdmin();
    await expect(
      restoreContent(admin, { targetType: "COMMENT", targetId: "nosuchcomment" }),
    ).rejects.toBeInstanceOf(NotFound);
  });
});

describe("dismissReports", () => {
  it("dismisses the open reports, leaves the content and audits it", async () => {
    const admin = await createAdmin();
    const post = await createPost((await createMember()).id);
    await createReport((await createMember()).id, "POST", post.id);
    await createReport((await createMember()).id, "POST", post.id, { status: "RESOLVED" });

    const result = await dismissReports(admin, { targetType: "POST", targetId: post.id });
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/dismissed/) });
    expect((await reportsOn("POST", post.id)).map((r) => r.status).sort()).toEqual([
      "DISMISSED",
      "RESOLVED",
    ]);
    expect(
      (await testDb.knowledgePost.findUniqueOrThrow({ where: { id: post.id } })).hiddenAt,
    ).toBeNull();
    expect(await auditEntriesFor(post.id)).toMatchObject([
      { action: "reports.dismiss", entityType: "KnowledgePost", after: { reportsDismissed: 1 } },
    ]);
  });

  it("dismisses reports about an item that no longer exists", async () => {
    const admin = await createAdmin();
    const reporter = await createMember();
    const { reply } = await repliedDiscussion();
    await createReport(reporter.id, "REPLY", reply.id);
    await testDb.reply.delete({ where: { id: reply.id } });
    const result = await dismissReports(admin, { targetType: "REPLY", targetId: reply.id });
    expect(result.ok).toBe(true);
    expect((await reportsOn("REPLY", reply.id))[0]?.status).toBe("DISMISSED");
  });

  it("says so when there is nothing to dismiss, and 404s for an unknown item", async () => {
    const admin = await createAdmin();
    const discussion = await createDiscussion((await createMember()).id);
    expect(
      await dismissReports(admin, { targetType: "DISCUSSION", targetId: discussion.id }),
    ).toEqual({ ok: true, message: "This discussion has no open reports." });
    await expect(
      dismissReports(admin, { targetType: "DISCUSSION", targetId: "nosuchdiscussion" }),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it("refuses a leader, leaving the reports open", async () => {
    const leader = await createLeader();
    const discussion = await createDiscussion((await createMember()).id);
    await createReport((await createMember()).id, "DISCUSSION", discussion.id);
    await expect(
      dismissReports(leader, { targetType: "DISCUSSION", targetId: discussion.id }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect((await reportsOn("DISCUSSION", discussion.id))[0]?.status).toBe("OPEN");
  });
});

describe("moderateContent", () => {
  it("runs the service the form's button names", async () => {
    const admin = await createAdmin();
    const discussion = await createDiscussion((await createMember()).id);
    const target = { targetType: "DISCUSSION", targetId: discussion.id };
    await moderateContent(admin, { ...target, intent: "hide" });
    expect((await discussionNow(discussion.id)).hiddenAt).toBeInstanceOf(Date);
    await moderateContent(admin, { ...target, intent: "restore" });
    expect((await discussionNow(discussion.id)).hiddenAt).toBeNull();
  });

  it("refuses an unknown intent, and a member before reading the form", async () => {
    const admin = await createAdmin();
    const discussion = await createDiscussion((await createMember()).id);
    const target = { targetType: "DISCUSSION", targetId: discussion.id };
    expect(await moderateContent(admin, { ...target, intent: "delete" })).toMatchObject({
      ok: false,
      fieldErrors: { intent: ["Choose Hide, Restore or Dismiss."] },
    });
    await expect(
      moderateContent(await createMember(), { ...target, intent: "hide" }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect((await discussionNow(discussion.id)).hiddenAt).toBeNull();
  });
});
