// The home page as rendered from its loader, on a real database: each discussion is listed
// once, whatever blocks it could belong to, and the side column holds the member's own
// sessions, recognition and colleagues who can teach.
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { loadHome, type HomeViewer } from "@/lib/feed/home";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { createDiscussion, createTag, followTag } from "@/test/factories-content";
import { createMemberWithProfile } from "@/test/factories-members";
import { createRecognition } from "@/test/factories-recognition";
import { createRsvp, createSession } from "@/test/factories-sessions";
import { HomeView } from "./home-view";

// The action items' "Done" checkbox posts to a server action, which is not rendered here.
vi.mock("@/lib/sessions/after/actions", () => ({
  addActionItemAction: vi.fn(),
  deleteActionItemAction: vi.fn(),
  editActionItemAction: vi.fn(),
  setActionItemDoneAction: vi.fn(),
}));

const made: string[] = [];
afterAll(async () => {
  // Active tomorrow, these would head every other test's feed: they go when this file ends.
  await testDb.discussion.deleteMany({ where: { id: { in: made } } });
});

async function seedHome() {
  const skill = `Skill ${unique()}`;
  const member = await createMemberWithProfile({ wants: [skill] });
  const viewer: HomeViewer = { id: member.id, role: member.role, timeZone: "Europe/Paris" };
  const [author, tag] = [await createMember(), await createTag()];
  await followTag(viewer.id, tag.id);
  const tomorrow = (minutes: number) => new Date(Date.now() + 86_400_000 + minutes * 60_000);
  const discussion = async (minutes: number, kind: "QUESTION" | "DISCUSSION", pinned = false) => {
    const row = await createDiscussion({
      authorId: author.id,
      kind,
      tags: [tag],
      lastActivityAt: tomorrow(minutes),
      pinnedAt: pinned ? new Date() : null,
    });
    made.push(row.id);
    return row;
  };
  const discussions = [
    await discussion(9, "QUESTION", true),
    await discussion(8, "QUESTION"),
    await discussion(7, "DISCUSSION"),
    await discussion(6, "QUESTION"),
    await discussion(5, "DISCUSSION"),
  ];
  const teacher = await createMemberWithProfile({ offers: [skill] });
  const session = await createSession([author.id]);
  await createRsvp(session.id, viewer.id);
  // Thanks for the unanswered question: the wall names the people, not the question again.
  await createRecognition(author.id, [viewer.id], {
    featuredAt: new Date(),
    discussionId: discussions[1]!.id,
  });
  return { viewer, discussions, teacher, session };
}

describe("HomeView", () => {
  it("lists each discussion once and puts the member's own things in the side column", async () => {
    const { viewer, discussions, teacher, session } = await seedHome();
    const home = await loadHome(viewer, { take: 3 });
    const html = renderToStaticMarkup(
      <HomeView firstName="Ada" timeZone={viewer.timeZone} home={home} query={{}} firstPage />,
    );

    for (const { id } of discussions) {
      expect(html.split(`href="/discussions/${id}"`).length - 1, id).toBe(1);
    }
    expect(html).toContain("lg:grid-cols-[minmax(0,1fr)_20rem]");
    for (const heading of [
      "Pinned",
      "Unanswered questions in tags you follow",
      "Recent activity",
      "Your next sessions",
      "Recognition wall",
      "Colleagues who can teach what you want to learn",
    ]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain(`href="/sessions/${session.id}"`);
    expect(html).toContain(`href="/members/${teacher.id}"`);
  });

  it("is one column of recent activity after the first page", async () => {
    const { viewer } = await seedHome();
    const first = await loadHome(viewer, { take: 1 });
    const later = await loadHome(viewer, { take: 1, cursor: first.feed.recent.nextCursor! });
    const html = renderToStaticMarkup(
      <HomeView firstName="Ada" timeZone="UTC" home={later} query={{}} firstPage={false} />,
    );
    expect(html).not.toContain("grid-cols-[minmax(0,1fr)_20rem]");
    expect(html).not.toContain("Your next sessions");
    expect(html).toContain(">Recent activity</h2>");
  });
});
