// One rule, five places: the notifications list, the unread count, the bell's menu
// (GET /api/notifications/recent), the "at once" mail and the digest (lib/digest/digest.test.ts)
// leave out notifications about
// anything gone, hidden, deleted or no longer the member's to see.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createDiscussion, createPost, createReply } from "@/test/factories-content";
import { createComment } from "@/test/factories-posts";
import { createPrivateFeedback, createRecognition } from "@/test/factories-recognition";
import { createNotification } from "@/test/factories-notifications";
import { signedInAs } from "@/test/session";
import { listNotifications, unreadCount } from "./queries";
import { stillVisible } from "./mail-access";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));

const { GET: recent } = await import("@/app/api/notifications/recent/route");

const gone = { deletedAt: new Date() };
const hidden = { hiddenAt: new Date() };

/** A member with notifications about live things (`shown`) and about gone ones (`dropped`). */
async function memberWithNotifications() {
  const member = await createMember();
  const other = await createMember();
  const notify = (kind: string, data: Record<string, unknown>) =>
    createNotification(member.id, { kind, data: data as never });
  const title = "A title";

  const live = await createDiscussion();
  const liveReply = await createReply(live.id);
  const hiddenDiscussion = await createDiscussion(hidden);
  const deletedDiscussion = await createDiscussion(gone);
  const replyInHidden = await createReply(hiddenDiscussion.id);
  const deletedReply = await createReply(live.id, gone);
  const post = await createPost();
  const draft = await createPost({ status: "DRAFT" });
  const comment = await createComment(post.id, other.id);
  const deletedComment = await createComment(post.id, other.id, gone);
  const draftComment = await createComment(draft.id, other.id);
  const recognition = await createRecognition(other.id, [member.id]);
  const hiddenRecognition = await createRecognition(other.id, [member.id], hidden);
  const feedback = await createPrivateFeedback(other.id, member.id);
  const someoneElses = await createPrivateFeedback(member.id, other.id);

  const shown = [
    await notify("member.role_changed", { role: "LEADER" }),
    await notify("discussion.replied", { discussionId: live.id, replyId: liveReply.id, title }),
    await notify("content.mentioned", { title, path: `/discussions/${live.id}` }),
    await notify("post.commented", { postId: post.id, commentId: comment.id, title }),
    await notify("content.mentioned", { title, path: `/posts/${post.id}#comment-${comment.id}` }),
    await notify("recognition.received", { recognitionId: recognition.id, valueName: "V" }),
    await notify("private_feedback.received", { feedbackId: feedback.id }),
  ];
  const dropped = [
    await notify("discussion.replied", {
      discussionId: hiddenDiscussion.id,
      replyId: replyInHidden.id,
      title,
    }),
    await notify("discussion.replied", { discussionId: live.id, replyId: deletedReply.id, title }),
    await notify("content.mentioned", { title, path: `/discussions/${deletedDiscussion.id}` }),
    await notify("content.mentioned", {
      title,
      path: `/discussions/${live.id}/replies/${deletedReply.id}`,
    }),
    await notify("post.commented", { postId: post.id, commentId: deletedComment.id, title }),
    await notify("content.mentioned", {
      title,
      path: `/posts/${draft.id}#comment-${draftComment.id}`,
    }),
    await notify("recognition.received", { recognitionId: hiddenRecognition.id, valueName: "V" }),
    await notify("content.mentioned", { title, path: `/recognition/${hiddenRecognition.id}` }),
    await notify("private_feedback.received", { feedbackId: someoneElses.id }),
    await notify("discussion.replied", { discussionId: "no-such-id", replyId: "nor", title }),
  ];
  return { member, shown: shown.map((n) => n.id), dropped: dropped.map((n) => n.id) };
}

const sorted = (ids: string[]) => [...ids].sort();

describe("notifications about what the member may no longer see", () => {
  it("are left out of the list, the unread count, the bell's menu and the mail alike", async () => {
    const { member, shown } = await memberWithNotifications();

    const list = await listNotifications(member.id, {}, 50);
    expect(sorted(list.items.map((i) => i.id))).toEqual(sorted(shown));
    const unread = await listNotifications(member.id, { filter: "unread" }, 50);
    expect(sorted(unread.items.map((i) => i.id))).toEqual(sorted(shown));
    expect(await unreadCount(member.id)).toBe(shown.length);

    signedInAs(member);
    const response = await recent(new NextRequest("http://localhost/api/notifications/recent"));
    const body = (await response.json()) as { unread: number; items: { id: string }[] };
    expect(body.unread).toBe(shown.length);
    // Eight at most: the newest rows are the dropped ones, so only the rule leaves these.
    expect(sorted(body.items.map((i) => i.id))).toEqual(sorted(shown));

    const all = await testDb.notification.findMany({ where: { recipientId: member.id } });
    const mailed = await stillVisible(testDb, member.id, all);
    expect(sorted(mailed.map((n) => n.id))).toEqual(sorted(shown));
  });

  it("come back when the content is shown again", async () => {
    const member = await createMember();
    const discussion = await createDiscussion(hidden);
    const reply = await createReply(discussion.id);
    await createNotification(member.id, {
      kind: "discussion.replied",
      data: { discussionId: discussion.id, replyId: reply.id, title: "T" },
    });
    expect(await unreadCount(member.id)).toBe(0);
    await testDb.discussion.update({ where: { id: discussion.id }, data: { hiddenAt: null } });
    expect((await listNotifications(member.id)).items).toHaveLength(1);
  });

  it("do not hide another member's notifications from the mail check", async () => {
    const [member, other] = [await createMember(), await createMember()];
    const theirs = await createNotification(other.id);
    expect(await stillVisible(testDb, member.id, [theirs])).toEqual([]);
  });
});
