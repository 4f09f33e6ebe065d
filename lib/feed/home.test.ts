// What loadHome gives each block: the same rules the home page's cards used to apply
// themselves (own sessions first, else everyone's less the cancelled; the wall only for
// those who may read recognition; nothing but the feed after the first page).
import { describe, expect, it } from "vitest";
import { createMember } from "@/test/factories";
import { createDiscussion } from "@/test/factories-content";
import { createRsvp, createSession } from "@/test/factories-sessions";
import { listMySessions, listUpcomingSessions } from "@/lib/sessions/queries";
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
