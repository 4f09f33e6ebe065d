// The server actions are public POST endpoints: called with no session they redirect to
// sign-in before any service runs; called by someone else than the author (an admin too)
// they are refused. Either way nothing is written.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createDiscussion, createReply } from "@/test/factories-discussions";
import * as reactionActions from "@/lib/discussions/reactions/actions";
import * as actions from "./actions";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pathname": "/discussions" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

async function expectSignInRedirect(result: Promise<unknown>) {
  const error = await result.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  // redirect() throws an error whose digest is "NEXT_REDIRECT;<push|replace>;<url>;<status>;"
  // (next/navigation has no public isRedirectError; the other action tests match the digest).
  expect(error).toMatchObject({
    digest: expect.stringMatching(/^NEXT_REDIRECT;(push|replace);.*;30[378];$/),
  });
  expect((error as { digest: string }).digest).toContain("/signin");
}

describe("discussion actions without a session", () => {
  let ids: { discussion: string; reply: string; author: string };

  beforeEach(async () => {
    const author = await createMember();
    const discussion = await createDiscussion(author.id, { kind: "QUESTION", title: "Intact" });
    const reply = await createReply(discussion.id, author.id, { body: "Intact reply" });
    ids = { discussion: discussion.id, reply: reply.id, author: author.id };
  });

  it("refuses every action and changes nothing", async () => {
    signedInAs(null);
    const { discussion, reply } = ids;
    const calls: [(prev: unknown, data: FormData) => Promise<unknown>, Record<string, string>][] = [
      [actions.createDiscussionAction, { kind: "DISCUSSION", title: "Sneaky post", body: "x" }],
      [actions.editDiscussionAction, { id: discussion, title: "Defaced", body: "x" }],
      [actions.deleteDiscussionAction, { id: discussion }],
      [actions.createReplyAction, { discussionId: discussion, body: "Anonymous" }],
      [actions.editReplyAction, { id: reply, body: "Defaced" }],
      [actions.deleteReplyAction, { id: reply }],
      [actions.acceptAnswerAction, { discussionId: discussion, replyId: reply }],
      [actions.setPinnedAction, { id: discussion, pinned: "true" }],
      [actions.setLockedAction, { id: discussion, locked: "true" }],
      [reactionActions.toggleDiscussionReactionAction, { id: discussion, kind: "LIKE" }],
      [reactionActions.toggleReplyReactionAction, { id: reply, kind: "LIKE" }],
    ];
    for (const [action, fields] of calls) await expectSignInRedirect(action(null, form(fields)));
    await expectUnchanged();
  });

  it("refuses another member and an admin editing or deleting the author's writing", async () => {
    const { discussion, reply } = ids;
    for (const intruder of [await createMember(), await createAdmin()]) {
      signedInAs(intruder);
      const calls: [(prev: unknown, data: FormData) => Promise<unknown>, Record<string, string>][] =
        [
          [actions.editDiscussionAction, { id: discussion, title: "Defaced", body: "x" }],
          [actions.deleteDiscussionAction, { id: discussion }],
          [actions.editReplyAction, { id: reply, body: "Defaced" }],
          [actions.deleteReplyAction, { id: reply }],
        ];
      for (const [action, fields] of calls) {
        expect(await action(null, form(fields))).toMatchObject({
          ok: false,
          message: "You don't have permission to do that.",
        });
      }
    }
    await expectUnchanged();
  });

  async function expectUnchanged() {
    const { discussion } = ids;

    const saved = await testDb.discussion.findUniqueOrThrow({
      where: { id: discussion },
      include: { replies: true, reactions: true },
    });
    expect(saved).toMatchObject({
      title: "Intact",
      deletedAt: null,
      pinnedAt: null,
      lockedAt: null,
      acceptedReplyId: null,
      reactionCount: 0,
      reactions: [],
    });
    expect(saved.replies).toMatchObject([{ body: "Intact reply", deletedAt: null }]);
    expect(await testDb.discussion.count({ where: { title: "Sneaky post" } })).toBe(0);
  }
});
