import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createDiscussion, mention } from "@/test/factories-discussions";
import { notificationsFor } from "@/test/factories-notifications";
import { signedInAs } from "@/test/session";
import { createReply } from "./replies";
import { acceptAnswer } from "./accept-answer";
import { setWatchLevel, watchLevelOf } from "./watch";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));

const kindsOf = async (memberId: string) =>
  (await notificationsFor(memberId)).map((notification) => notification.kind);

async function setup() {
  const [author, watcher, bystander, replier] = await Promise.all([
    createMember(),
    createMember(),
    createMember(),
    createMember(),
  ]);
  const discussion = await createDiscussion(author.id, { kind: "QUESTION" });
  return { author, watcher, bystander, replier, discussion };
}

describe("watching, tracking and muting a discussion", () => {
  beforeEach(() => signedInAs(null));

  it("defaults: the author watches, everyone else tracks", async () => {
    const { author, bystander, discussion } = await setup();
    expect(await watchLevelOf(testDb, author.id, discussion)).toBe("WATCHING");
    expect(await watchLevelOf(testDb, bystander.id, discussion)).toBe("TRACKING");
  });

  it("tells watchers of every reply, trackers only of what is about them", async () => {
    const { author, watcher, bystander, replier, discussion } = await setup();
    expect(
      await setWatchLevel(watcher, { discussionId: discussion.id, level: "WATCHING" }),
    ).toMatchObject({ ok: true });
    const first = await createReply(bystander, { discussionId: discussion.id, body: "First" });
    expect(first.ok).toBe(true);
    expect(await kindsOf(author.id)).toEqual(["discussion.replied"]);
    expect(await kindsOf(watcher.id)).toEqual(["discussion.replied"]);
    // A reply to the bystander's reply: about them (tracking), and the watcher hears too.
    await createReply(replier, {
      discussionId: discussion.id,
      parentId: first.ok ? first.data!.id : "",
      body: "Answering you",
    });
    expect(await kindsOf(bystander.id)).toEqual(["discussion.replied"]);
    expect(await kindsOf(watcher.id)).toHaveLength(2);
    expect(await kindsOf(replier.id)).toEqual([]);
  });

  it("muted: nothing, not even replies to me, mentions or my answer accepted", async () => {
    const { author, bystander, replier, discussion } = await setup();
    await setWatchLevel(author, { discussionId: discussion.id, level: "MUTED" });
    await setWatchLevel(bystander, { discussionId: discussion.id, level: "MUTED" });
    const answer = await testDb.reply.create({
      data: { discussionId: discussion.id, authorId: bystander.id, body: "My answer" },
    });
    await createReply(replier, {
      discussionId: discussion.id,
      parentId: answer.id,
      body: `Thanks ${mention(bystander)}`,
    });
    expect(await kindsOf(author.id)).toEqual([]);
    expect(await kindsOf(bystander.id)).toEqual([]);
    await setWatchLevel(author, { discussionId: discussion.id, level: "TRACKING" });
    await acceptAnswer(author, { discussionId: discussion.id, replyId: answer.id });
    expect(await kindsOf(bystander.id)).toEqual([]);
  });

  it("refuses a level that is not one of the three", async () => {
    const { bystander, discussion } = await setup();
    expect(
      await setWatchLevel(bystander, { discussionId: discussion.id, level: "LOUD" }),
    ).toMatchObject({ ok: false, fieldErrors: { level: [expect.any(String)] } });
  });
});
