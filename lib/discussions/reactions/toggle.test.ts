import { describe, expect, it } from "vitest";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { getThread } from "@/lib/discussions/thread-queries";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createDiscussion, createReply } from "@/test/factories-discussions";
import { reactionButtonLabel } from "./kinds";
import { toggleDiscussionReaction, toggleReplyReaction } from "./toggle";

const countOf = async (id: string) =>
  (await testDb.discussion.findUniqueOrThrow({ where: { id } })).reactionCount;

describe("reactions", () => {
  it("toggles one reaction per member per kind, keeping the count in step", async () => {
    const [author, a, b] = await Promise.all([createMember(), createMember(), createMember()]);
    const discussion = await createDiscussion(author.id);
    const id = discussion.id;

    expect(await toggleDiscussionReaction(a, { id, kind: "INSIGHTFUL" })).toMatchObject({
      ok: true,
      data: { discussionId: id, reacted: true },
    });
    await toggleDiscussionReaction(a, { id, kind: "LIKE" });
    await toggleDiscussionReaction(b, { id, kind: "INSIGHTFUL" });
    expect(await countOf(id)).toBe(3);

    const thread = await getThread(a, id);
    expect(thread!.discussion.reactions.counts).toEqual({ INSIGHTFUL: 2, LIKE: 1 });
    expect(thread!.discussion.reactions.mine.sort()).toEqual(["INSIGHTFUL", "LIKE"]);

    expect(await toggleDiscussionReaction(a, { id, kind: "INSIGHTFUL" })).toMatchObject({
      data: { reacted: false },
    });
    expect(await countOf(id)).toBe(2);
    // An explicit state is idempotent: a double-submitted "on" adds once.
    await toggleDiscussionReaction(b, { id, kind: "THANKS", on: "true" });
    await toggleDiscussionReaction(b, { id, kind: "THANKS", on: "true" });
    await toggleDiscussionReaction(a, { id, kind: "THANKS", on: "false" });
    expect(await countOf(id)).toBe(3);
  });

  it("stays exact when the same click arrives many times at once", async () => {
    const [author, member] = await Promise.all([createMember(), createMember()]);
    const discussion = await createDiscussion(author.id);
    const reply = await createReply(discussion.id, author.id);
    await Promise.all(
      Array.from({ length: 6 }, () =>
        toggleReplyReaction(member, { id: reply.id, kind: "CELEBRATE", on: "true" }),
      ),
    );
    const rows = await testDb.replyReaction.count({ where: { replyId: reply.id } });
    const saved = await testDb.reply.findUniqueOrThrow({ where: { id: reply.id } });
    expect(rows).toBe(1);
    expect(saved.reactionCount).toBe(1);
  });

  it("reacts to replies and shows counts per reply", async () => {
    const [author, member] = await Promise.all([createMember(), createMember()]);
    const discussion = await createDiscussion(author.id);
    const reply = await createReply(discussion.id, author.id);
    expect(await toggleReplyReaction(member, { id: reply.id, kind: "THANKS" })).toMatchObject({
      ok: true,
      data: { discussionId: discussion.id, reacted: true },
    });
    const thread = await getThread(author, discussion.id);
    expect(thread!.replies.items[0]!.reactions).toEqual({ counts: { THANKS: 1 }, mine: [] });
    expect(thread!.discussion.reactions).toEqual({ counts: {}, mine: [] });
  });

  it("refuses deleted and hidden content, unknown ids and unknown kinds", async () => {
    const [author, member, admin] = await Promise.all([
      createMember(),
      createMember(),
      createAdmin(),
    ]);
    const deleted = await createDiscussion(author.id, { deletedAt: new Date() });
    const hidden = await createDiscussion(author.id, { hiddenAt: new Date() });
    const open = await createDiscussion(author.id);
    const deletedReply = await createReply(open.id, author.id, { deletedAt: new Date() });
    await expect(
      toggleDiscussionReaction(member, { id: deleted.id, kind: "LIKE" }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      toggleDiscussionReaction(member, { id: hidden.id, kind: "LIKE" }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      toggleDiscussionReaction(admin, { id: hidden.id, kind: "LIKE" }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      toggleReplyReaction(member, { id: deletedReply.id, kind: "LIKE" }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      toggleReplyReaction(member, { id: "cknotareply000000000000", kind: "LIKE" }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await toggleDiscussionReaction(member, { id: open.id, kind: "LOVE" })).toMatchObject({
      ok: false,
      fieldErrors: { kind: expect.any(Array) },
    });
    expect(await testDb.discussionReaction.count({ where: { userId: member.id } })).toBe(0);
  });

  it("labels buttons for screen readers", () => {
    expect(reactionButtonLabel("Insightful", 3, true)).toBe("Insightful, 3 reactions, you reacted");
    expect(reactionButtonLabel("Like", 1, false)).toBe("Like, 1 reaction");
  });
});
