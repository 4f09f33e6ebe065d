// What loadHome gives each block: the same rules the home page's cards used to apply
// themselves (own sessions first, else everyone's less the cancelled; the wall only for
// those who may read recognition; nothing but the feed after the first page).
import { describe, expect, it } from "vitest";
import { createMember } from "@/test/factories";
import { createDiscussion, createTag, followTag } from "@/test/factories-content";
import { createRsvp, createSession } from "@/test/factories-sessions";
import { testDb } from "@/test/db";
import { listMySessions, listUpcomingSessions } from "@/lib/sessions/queries";
import type { FeedItem } from "./queries";
import { loadHome, HOME_SESSIONS, type HomeViewer } from "./home";

const MINUTE = 60_000;
const viewerOf = (member: { id: string; role: HomeViewer["role"] }): HomeViewer => ({
  id: member.id,
  role: member.role,
  timeZone: "UTC",
});

describe("loadHome", () => {
  it("shows the viewer's own next sessions (hosting, going, waitlisted), as listMySessions", async () => {
    const [viewer, host] = [viewerOf(await createMember()), await createMember()];
    const hosting = await createSession([viewer.id]);
    const waiting = await createSession([host.id]);
    await createRsvp(waiting.id, viewer.id, "WAITLISTED");
    const declined = await createSession([host.id]);
    await createRsvp(declined.id, viewer.id, "NOT_GOING");

    const { sessions } = (await loadHome(viewer)).top!;
    expect(sessions.mine).toBe(true);
    expect(sessions.sessions.map((s) => s.id).sort()).toEqual([hosting.id, waiting.id].sort());
    const old = await listMySessions(viewer, "upcoming", undefined, HOME_SESSIONS);
    expect(sessions.sessions).toEqual(old.items);
  });

  it("else shows what comes up for everyone, less the cancelled, as listUpcomingSessions", async () => {
    const [viewer, host] = [viewerOf(await createMember()), await createMember()];
    const cancelled = await createSession([host.id], {
      startsAt: new Date(Date.now() - 59 * MINUTE),
      endsAt: new Date(Date.now() + MINUTE),
      status: "CANCELLED",
    });
    const [{ sessions }, upcoming] = await Promise.all([
      loadHome(viewer).then((home) => home.top!),
      listUpcomingSessions(viewer, undefined, HOME_SESSIONS),
    ]);
    expect(sessions.mine).toBe(false);
    expect(sessions.sessions.map((s) => s.id)).not.toContain(cancelled.id);
    expect(sessions.sessions).toEqual(upcoming.items.filter((s) => s.status !== "CANCELLED"));
  });

  it("loads only the feed after the first page", async () => {
    const viewer = viewerOf(await createMember());
    for (let index = 0; index < 2; index++) await createDiscussion({ authorId: viewer.id });
    const first = await loadHome(viewer, { take: 1 });
    expect(first.top).not.toBeNull();
    const later = await loadHome(viewer, { take: 1, cursor: first.feed.recent.nextCursor! });
    expect(later.top).toBeNull();
    expect(later.feed.pinned).toEqual([]);
    expect(later.feed.unanswered).toEqual([]);
  });
});

describe("the home feed lists each item once", () => {
  const keyOf = (item: FeedItem) => `${item.kind}:${item.id}`;
  const ids = (items: FeedItem[]) => items.map((item) => item.id);

  /**
   * A pinned question, two unanswered ones and five other discussions, all in tags the viewer
   * follows and active in the year 2900, so that they are the newest items of the feed (other
   * tests' rows reach 2150). They are deleted afterwards: nothing else's first page should be
   * pushed down by them.
   */
  async function seedFeed(viewer: HomeViewer) {
    const [author, tag] = [await createMember(), await createTag()];
    await followTag(viewer.id, tag.id);
    const soon = (minutes: number) => new Date(Date.UTC(2900, 0, 1) + minutes * MINUTE);
    const discussion = (minutes: number, kind: "QUESTION" | "DISCUSSION", pinned = false) =>
      createDiscussion({
        authorId: author.id,
        kind,
        tags: [tag],
        lastActivityAt: soon(minutes),
        pinnedAt: pinned ? new Date() : null,
      });
    const pinned = await discussion(10, "QUESTION", true);
    const unanswered = [await discussion(9, "QUESTION"), await discussion(7, "QUESTION")];
    const others = [];
    for (const minutes of [8, 6, 5, 4, 3]) others.push(await discussion(minutes, "DISCUSSION"));
    return { pinned, unanswered, others, all: [pinned, ...unanswered, ...others] };
  }

  it("keeps pinned and unanswered questions out of the blocks below them, pages still full", async () => {
    const viewer = viewerOf(await createMember());
    const seeded = await seedFeed(viewer);
    try {
      const first = await loadHome(viewer, { take: 3 });
      expect(ids(first.feed.pinned)).toContain(seeded.pinned.id);
      expect(ids(first.feed.unanswered)).toEqual(seeded.unanswered.map((d) => d.id).reverse());
      expect(ids(first.feed.recent.items)).toEqual(seeded.others.slice(0, 3).map((d) => d.id));
      const shown = [...first.feed.pinned, ...first.feed.unanswered, ...first.feed.recent.items];
      expect(new Set(shown.map(keyOf)).size).toBe(shown.length);

      const cursor = first.feed.recent.nextCursor!;
      const second = await loadHome(viewer, { take: 3, cursor });
      expect(ids(second.feed.recent.items).slice(0, 2)).toEqual(
        seeded.others.slice(3).map((d) => d.id),
      );
    } finally {
      await testDb.discussion.deleteMany({ where: { id: { in: seeded.all.map((d) => d.id) } } });
    }
  });
});
