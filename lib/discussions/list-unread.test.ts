// The list's per-row extras, read in the list's own statement: the viewer's unread state (the
// rule of issue 19: "new", "updated" or nothing), the author's photo and the recent
// participants; and "mark all read".
import { describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { createDiscussion, createReply, createTag } from "@/test/factories-discussions";
import { listDiscussions, PARTICIPANTS_SHOWN } from "./queries";
import { markAllReadAction } from "./mark-all-read";
import { listParamsSchema } from "./schemas";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pathname": "/discussions" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/** "Mark all read" as the list page's form sends it, signed in as `member`. */
function markAllRead(member: { id: string }, fields: Record<string, string> = {}) {
  signedInAs(member);
  return markAllReadAction(null, form(fields));
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** A member who joined an hour ago, so what is made after that is new to them. */
async function memberSince(minutes = 60) {
  const member = await createMember();
  return testDb.user.update({ where: { id: member.id }, data: { createdAt: minutesAgo(minutes) } });
}

/** The rows of a fresh tag, as `viewer` sees them, by title. */
async function rowsFor(viewer: { id: string; role: "MEMBER" | "LEADER" | "ADMIN" }, tag: string) {
  const list = await listDiscussions(viewer, listParamsSchema.parse({ tag }));
  return new Map([...list.pinned, ...list.page.items].map((row) => [row.title, row]));
}

async function unreadOf(viewer: { id: string; role: "MEMBER" | "LEADER" | "ADMIN" }, tag: string) {
  const rows = await rowsFor(viewer, tag);
  return Object.fromEntries([...rows].map(([title, row]) => [title, row.unread]));
}

function readUpTo(userId: string, discussionId: string, lastReadAt: Date) {
  return testDb.discussionRead.upsert({
    where: { userId_discussionId: { userId, discussionId } },
    create: { userId, discussionId, lastReadAt },
    update: { lastReadAt },
  });
}

describe("the list's unread state", () => {
  it("is new until opened, then updated only by someone else's newer reply", async () => {
    const [viewer, author] = await Promise.all([memberSince(), memberSince()]);
    const tag = await createTag();
    const topic = await createDiscussion(author.id, {
      title: "topic",
      tagIds: [tag.id],
      createdAt: minutesAgo(30),
      lastActivityAt: minutesAgo(30),
    });
    expect(await unreadOf(viewer, tag.slug)).toEqual({ topic: "new" });
    // The author never sees their own discussion as new.
    expect(await unreadOf(author, tag.slug)).toEqual({ topic: null });

    await readUpTo(viewer.id, topic.id, minutesAgo(30));
    expect(await unreadOf(viewer, tag.slug)).toEqual({ topic: null });

    await createReply(topic.id, viewer.id, { createdAt: minutesAgo(20) });
    expect(await unreadOf(viewer, tag.slug)).toEqual({ topic: null });

    await createReply(topic.id, author.id, { createdAt: minutesAgo(10) });
    expect(await unreadOf(viewer, tag.slug)).toEqual({ topic: "updated" });
    // A hidden reply is nothing to read.
    await readUpTo(viewer.id, topic.id, minutesAgo(10));
    await createReply(topic.id, author.id, { createdAt: minutesAgo(5), hiddenAt: new Date() });
    await testDb.discussion.update({
      where: { id: topic.id },
      data: { lastActivityAt: minutesAgo(5) },
    });
    expect(await unreadOf(viewer, tag.slug)).toEqual({ topic: null });
  });

  it("does not call new what was started before the member joined, but shows later replies", async () => {
    const author = await memberSince(120);
    const tag = await createTag();
    const older = await createDiscussion(author.id, {
      title: "older",
      tagIds: [tag.id],
      createdAt: minutesAgo(90),
      lastActivityAt: minutesAgo(90),
    });
    const viewer = await memberSince(60);
    expect(await unreadOf(viewer, tag.slug)).toEqual({ older: null });
    await createReply(older.id, author.id, { createdAt: minutesAgo(30) });
    expect(await unreadOf(viewer, tag.slug)).toEqual({ older: "updated" });
  });

  it("is cleared everywhere by mark all read, until something newer comes", async () => {
    const [viewer, author] = await Promise.all([memberSince(), memberSince()]);
    const tag = await createTag();
    const make = (title: string, minutes: number, pinned = false) =>
      createDiscussion(author.id, {
        title,
        tagIds: [tag.id],
        createdAt: minutesAgo(minutes),
        lastActivityAt: minutesAgo(minutes),
        pinnedAt: pinned ? new Date() : null,
      });
    const [first, second] = await Promise.all([make("first", 30), make("second", 20)]);
    await make("pinned", 25, true);
    await readUpTo(viewer.id, first.id, minutesAgo(30));
    await createReply(first.id, author.id, { createdAt: minutesAgo(12) });
    await createReply(second.id, author.id, { createdAt: minutesAgo(15) });
    expect(await unreadOf(viewer, tag.slug)).toEqual({
      pinned: "new",
      first: "updated",
      second: "new",
    });

    const result = await markAllRead(viewer);
    expect(result).toEqual({ ok: true, message: "All discussions are marked as read." });
    expect(await unreadOf(viewer, tag.slug)).toEqual({ pinned: null, first: null, second: null });
    // The older per-discussion marks it supersedes are gone; other members' stay.
    expect(await testDb.discussionRead.count({ where: { userId: viewer.id } })).toBe(0);
    expect(await unreadOf(author, tag.slug)).toEqual({ pinned: null, first: null, second: null });

    await createReply(first.id, author.id, { createdAt: new Date(Date.now() + 1000) });
    expect((await unreadOf(viewer, tag.slug)).first).toBe("updated");
  });

  it("marks only the signed-in member's list read, and nobody's without a session", async () => {
    const viewer = await memberSince();
    const other = await memberSince();
    signedInAs(null);
    await expect(markAllReadAction(null, form({}))).rejects.toMatchObject({
      digest: expect.stringContaining("/signin"),
    });
    await markAllRead(viewer, { userId: other.id });
    const [mine, theirs] = await Promise.all([
      testDb.user.findUniqueOrThrow({ where: { id: viewer.id } }),
      testDb.user.findUniqueOrThrow({ where: { id: other.id } }),
    ]);
    expect(mine.discussionsReadAt).toBeInstanceOf(Date);
    expect(theirs.discussionsReadAt).toBeNull();
  });
});

describe("the list's faces", () => {
  it("shows the author's photo and up to four other repliers, distinct, latest first", async () => {
    const author = await memberSince();
    const repliers = await Promise.all(Array.from({ length: 6 }, () => memberSince()));
    const photo = await testDb.upload.create({
      data: {
        ownerId: author.id,
        kind: "AVATAR",
        contentType: "image/webp",
        byteSize: 100,
        originalName: "me.png",
        storageKey: `avatars/${unique()}`,
        variants: [256, 96, 48],
      },
    });
    await testDb.user.update({ where: { id: author.id }, data: { avatarId: photo.id } });
    const tag = await createTag();
    const topic = await createDiscussion(author.id, {
      title: "busy",
      tagIds: [tag.id],
      createdAt: minutesAgo(50),
    });
    await createDiscussion(author.id, { title: "quiet", tagIds: [tag.id] });
    // Oldest first: r0, r1, r0 again, author, r2, r3, r4 (hidden), r5, author.
    const order = [0, 1, 0, -1, 2, 3, 4, 5, -1];
    for (const [index, who] of order.entries()) {
      await createReply(topic.id, who < 0 ? author.id : repliers[who]!.id, {
        createdAt: minutesAgo(40 - index),
        hiddenAt: who === 4 ? new Date() : null,
      });
    }
    const rows = await rowsFor(author, tag.slug);
    const busy = rows.get("busy")!;
    expect(busy.authorAvatarId).toBe(photo.id);
    expect(busy.participants).toHaveLength(PARTICIPANTS_SHOWN);
    expect(busy.participants).toEqual(
      [5, 3, 2, 0].map((index) => ({
        id: repliers[index]!.id,
        name: repliers[index]!.name,
        avatarId: null,
      })),
    );
    expect(rows.get("quiet")).toMatchObject({ participants: [], authorAvatarId: photo.id });
  });

  it("follows replies hidden, restored, deleted and removed after the fact", async () => {
    const author = await memberSince();
    const [first, second] = await Promise.all([memberSince(), memberSince()]);
    const tag = await createTag();
    const topic = await createDiscussion(author.id, { title: "moderated", tagIds: [tag.id] });
    await createReply(topic.id, first.id, { createdAt: minutesAgo(20) });
    const late = await createReply(topic.id, second.id, { createdAt: minutesAgo(10) });
    const faces = async () =>
      (await rowsFor(author, tag.slug)).get("moderated")!.participants.map((p) => p.id);
    expect(await faces()).toEqual([second.id, first.id]);

    await testDb.reply.update({ where: { id: late.id }, data: { hiddenAt: new Date() } });
    expect(await faces()).toEqual([first.id]);
    await testDb.reply.update({ where: { id: late.id }, data: { hiddenAt: null } });
    expect(await faces()).toEqual([second.id, first.id]);
    await testDb.reply.update({ where: { id: late.id }, data: { deletedAt: new Date() } });
    expect(await faces()).toEqual([first.id]);
    await testDb.reply.deleteMany({ where: { discussionId: topic.id, authorId: first.id } });
    expect(await faces()).toEqual([]);
  });
});
