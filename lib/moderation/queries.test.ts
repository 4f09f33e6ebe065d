import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import {
  createComment,
  createDiscussion,
  createPost,
  createReply,
  createReport,
} from "@/test/factories-moderation";
import { createRecognition } from "@/test/factories-recognition";
import { hideContent } from "./moderate";
import {
  listHiddenContent,
  listReportQueue,
  openReportedItemCount,
  REASONS_SHOWN,
} from "./queries";

// The queue is shared by parallel test files (and, on a kept database, earlier runs), so
// this file dates its rows centuries ahead on a clock that runs 100 times faster than real
// time: each later run, and each later call, is newer than everything before it.
let clock = Date.UTC(2200, 0, 1) + Date.now() * 100;
const later = () => new Date((clock += 1000));

describe("listReportQueue", () => {
  it("groups open reports by item, counts them, newest report first", async () => {
    const author = await createMember();
    const discussion = await createDiscussion(author.id, { title: "Noisy thread" });
    const reply = await createReply(discussion.id, author.id, {
      body: "**Buy** [cheap](https://spam.example) <b>pills</b> now",
    });
    const reporters = [await createMember(), await createMember(), await createMember()];
    await createReport(reporters[0]!.id, "REPLY", reply.id, {
      reason: "Spam one",
      createdAt: later(),
    });
    await createReport(reporters[1]!.id, "DISCUSSION", discussion.id, { createdAt: later() });
    await createReport(reporters[2]!.id, "REPLY", reply.id, {
      reason: "Spam two",
      createdAt: later(),
    });
    // Closed reports do not count.
    await createReport((await createMember()).id, "REPLY", reply.id, {
      status: "DISMISSED",
      createdAt: later(),
    });

    const page = await listReportQueue({}, 2);
    expect(page.items.map((g) => [g.item.targetType, g.reportCount])).toEqual([
      ["REPLY", 2],
      ["DISCUSSION", 1],
    ]);
    const [first] = page.items;
    expect(first).toMatchObject({
      item: {
        targetId: reply.id,
        exists: true,
        heading: "Reply to “Noisy thread”",
        excerpt: "Buy cheap pills now",
        author: { id: author.id, name: author.name },
        path: `/discussions/${discussion.id}#reply-${reply.id}`,
        hiddenAt: null,
      },
      reasons: [
        { reason: "Spam two", reporter: reporters[2]!.name },
        { reason: "Spam one", reporter: reporters[0]!.name },
      ],
    });
    expect(page.items[1]?.item.path).toBe(`/discussions/${discussion.id}`);
  });

  it("pages by cursor without repeating or skipping an item", async () => {
    const author = await createMember();
    const post = await createPost(author.id);
    const comments = [];
    for (let i = 0; i < 3; i++) comments.push(await createComment(post.id, author.id));
    const reporter = await createMember();
    const at = later();
    // Two share one timestamp: the (type, id) tie-break keeps them apart.
    await createReport(reporter.id, "COMMENT", comments[0]!.id, { createdAt: at });
    await createReport(reporter.id, "COMMENT", comments[1]!.id, { createdAt: at });
    await createReport(reporter.id, "POST", post.id, { createdAt: new Date(at.getTime() - 1) });
    await createReport(reporter.id, "COMMENT", comments[2]!.id, { createdAt: later() });

    const first = await listReportQueue({}, 2);
    const second = await listReportQueue({ cursor: first.nextCursor! }, 2);
    const ids = [...first.items, ...second.items].map((g) => g.item.targetId);
    expect(ids).toEqual([
      comments[2]!.id,
      ...[comments[0]!.id, comments[1]!.id].sort().reverse(),
      post.id,
    ]);
    expect(second.items[1]?.item).toMatchObject({
      heading: post.title,
      path: `/posts/${post.id}`,
    });
    expect(second.items[0]?.item.path).toMatch(new RegExp(`^/posts/${post.id}#comment-`));
  });

  it("shows only the newest reasons, and an item that no longer exists", async () => {
    const author = await createMember();
    const discussion = await createDiscussion(author.id);
    const reporters = [];
    for (let i = 0; i <= REASONS_SHOWN; i++) reporters.push(await createMember());
    for (const reporter of reporters)
      await createReport(reporter.id, "DISCUSSION", discussion.id, { createdAt: later() });
    const ghost = await createReply(discussion.id, author.id);
    await createReport(reporters[0]!.id, "REPLY", ghost.id, { createdAt: later() });
    await testDb.reply.delete({ where: { id: ghost.id } });

    const { items } = await listReportQueue({}, 2);
    expect(items[0]?.item).toMatchObject({ targetId: ghost.id, exists: false, path: null });
    expect(items[1]?.reportCount).toBe(REASONS_SHOWN + 1);
    expect(items[1]?.reasons).toHaveLength(REASONS_SHOWN);
  });

  it("drops an item once it is hidden (its reports are resolved)", async () => {
    const admin = await createAdmin();
    const discussion = await createDiscussion((await createMember()).id);
    await createReport((await createMember()).id, "DISCUSSION", discussion.id, {
      createdAt: later(),
    });
    expect((await listReportQueue({}, 1)).items[0]?.item.targetId).toBe(discussion.id);
    expect(await openReportedItemCount()).toBeGreaterThanOrEqual(1);
    await hideContent(admin, { targetType: "DISCUSSION", targetId: discussion.id });
    expect((await listReportQueue({}, 1)).items[0]?.item.targetId).not.toBe(discussion.id);
  });
});

describe("recognitions in the queue", () => {
  it("shows a reported recognition by its giver, with its message, until an admin hides it", async () => {
    const admin = await createAdmin();
    const [giver, recipient] = [await createMember(), await createMember()];
    const recognition = await createRecognition(giver.id, [recipient.id], {
      message: "Thanks for **nothing**, [loser](https://spam.example)",
    });
    await createReport(recipient.id, "RECOGNITION", recognition.id, {
      reason: "Mean-spirited",
      createdAt: later(),
    });
    const [group] = (await listReportQueue({}, 1)).items;
    expect(group).toMatchObject({
      reportCount: 1,
      item: {
        targetType: "RECOGNITION",
        targetId: recognition.id,
        exists: true,
        heading: `Recognition by ${giver.name}`,
        excerpt: "Thanks for nothing, loser",
        author: { id: giver.id, name: giver.name },
        path: `/recognition/${recognition.id}`,
      },
      reasons: [{ reason: "Mean-spirited", reporter: recipient.name }],
    });

    await hideContent(admin, { targetType: "RECOGNITION", targetId: recognition.id });
    expect((await listReportQueue({}, 1)).items[0]?.item.targetId).not.toBe(recognition.id);
    await testDb.recognition.update({ where: { id: recognition.id }, data: { hiddenAt: later() } });
    const [hidden] = (await listHiddenContent({}, 1)).items;
    expect(hidden?.item).toMatchObject({
      targetType: "RECOGNITION",
      targetId: recognition.id,
      heading: `Recognition by ${giver.name}`,
    });
  });
});

describe("listHiddenContent", () => {
  it("lists hidden items, most recently hidden first, paged by cursor", async () => {
    const author = await createMember();
    const discussion = await createDiscussion(author.id, { hiddenAt: later() });
    const reply = await createReply(discussion.id, author.id, { hiddenAt: later() });
    const post = await createPost(author.id, { hiddenAt: later() });
    await createDiscussion(author.id); // visible: never listed

    const first = await listHiddenContent({}, 2);
    expect(first.items.map((h) => h.item.targetId)).toEqual([post.id, reply.id]);
    expect(first.items[0]?.item.hiddenAt).toBeInstanceOf(Date);
    const second = await listHiddenContent({ cursor: first.nextCursor! }, 1);
    expect(second.items.map((h) => [h.item.targetType, h.item.targetId])).toEqual([
      ["DISCUSSION", discussion.id],
    ]);
  });
});
