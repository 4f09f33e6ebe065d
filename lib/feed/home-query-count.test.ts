// The home page's data (loadHome) comes in a fixed number of SQL statements, however many
// feed items, authors, sessions, RSVPs, recognitions, action items and teachers there are.
import { describe, expect, it } from "vitest";
import { statementCounter } from "@/test/count-statements";
import { createMember, unique } from "@/test/factories";
import {
  createDiscussion,
  createPost,
  createReply,
  createTag,
  followTag,
} from "@/test/factories-content";
import { createMemberWithProfile, createTeam } from "@/test/factories-members";
import { createRecognition } from "@/test/factories-recognition";
import {
  createActionItem,
  createPastSession,
  createRsvp,
  createSession,
} from "@/test/factories-sessions";
import { createSurvey } from "@/test/factories-surveys";
import { featuredForHome, getRecognition } from "@/lib/recognition/queries";
import { testDb } from "@/test/db";
import { createPairing } from "@/test/factories-mentorship";
import { loadHome, type HomeData, type HomeViewer } from "./home";

const countStatements = statementCounter();
const DAY = 86_400_000;

/** One round of what a viewer's home page shows; each call adds as much again. */
async function seedHome(viewer: HomeViewer, skill: string, tag: { id: string }) {
  const authors = await Promise.all(Array.from({ length: 4 }, () => createMember()));
  for (const [index, author] of authors.entries()) {
    await createDiscussion({ authorId: author.id, tags: [tag], kind: "QUESTION" });
    await createDiscussion({
      authorId: author.id,
      tags: [tag],
      pinnedAt: index ? null : new Date(),
    });
    await createPost({ authorId: author.id, tags: [tag] });
  }
  for (const author of authors.slice(0, 2)) {
    await createMemberWithProfile({ offers: [skill] });
    const past = await createPastSession([author.id]);
    await createActionItem(past.id, viewer.id, { dueOn: new Date(Date.now() - DAY) });
    const next = await createSession([author.id, authors[2]!.id]);
    await createRsvp(next.id, viewer.id);
    await createRsvp(next.id, authors[3]!.id);
    const thanked = await createDiscussion({ authorId: viewer.id });
    await createRecognition(author.id, [viewer.id, authors[2]!.id], {
      featuredAt: new Date(),
      discussionId: thanked.id,
    });
    await createSurvey(null);
  }
}

async function homeViewer() {
  const skill = `Skill ${unique()}`;
  const member = await createMemberWithProfile({ wants: [skill] });
  const viewer: HomeViewer = { id: member.id, role: member.role, timeZone: "Europe/Paris" };
  const tag = await createTag();
  await followTag(viewer.id, tag.id);
  return { viewer, seed: () => seedHome(viewer, skill, tag) };
}

async function countedHome(viewer: HomeViewer, cursor?: string) {
  let home: HomeData | undefined;
  const count = await countStatements(async () => {
    home = await loadHome(viewer, { cursor, take: 5 });
  });
  return { count, home: home! };
}

describe("home page query counts", () => {
  it("loads the first page in 6 statements and a later page in 1, at any size", async () => {
    const { viewer, seed } = await homeViewer();
    await seed();
    const first = await countedHome(viewer);
    const top = first.home.top!;
    expect(first.home.feed.pinned.length).toBeGreaterThan(0);
    expect(first.home.feed.unanswered.length).toBeGreaterThan(0);
    expect(first.home.feed.recent.items).toHaveLength(5);
    expect(top.actionItems.items).toHaveLength(2);
    expect(top.actionItems.items[0]!.overdue).toBe(true);
    expect(top.sessions.mine).toBe(true);
    expect(top.sessions.sessions).toHaveLength(2);
    expect(top.sessions.sessions[0]!.viewerStatus).toBe("GOING");
    expect(top.sessions.sessions[0]!.hosts).toHaveLength(2);
    expect(top.teachers).toHaveLength(2);
    expect(top.surveys.length).toBeGreaterThanOrEqual(2);
    expect(top.wall!.length).toBeGreaterThan(0);
    expect(first.count).toBeLessThanOrEqual(6);

    const later = await countedHome(viewer, first.home.feed.recent.nextCursor!);
    expect(later.home.top).toBeNull();
    expect(later.home.feed.recent.items.length).toBeGreaterThan(0);
    expect(later.count).toBe(1);

    await seed();
    const doubled = await countedHome(viewer);
    expect(doubled.home.top!.teachers).toHaveLength(4);
    expect(doubled.home.top!.actionItems.items).toHaveLength(4);
    expect(doubled.count).toBe(first.count);
    const laterDoubled = await countedHome(viewer, doubled.home.feed.recent.nextCursor!);
    expect(laterDoubled.count).toBe(later.count);
  });

  it("builds each featured card exactly as the recognition's own page does", async () => {
    const [viewer, giver, mentor, mentee] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createMember(),
    ]);
    const team = await createTeam();
    const crowd = await Promise.all(Array.from({ length: 22 }, () => createMember()));
    const discussion = await createDiscussion({ authorId: giver.id });
    const hiddenThread = await createDiscussion({ authorId: giver.id, hiddenAt: new Date() });
    const reply = await createReply(discussion.id, { authorId: viewer.id });
    const hiddenReply = await createReply(hiddenThread.id, { authorId: viewer.id });
    const draft = await createPost({ authorId: viewer.id, status: "DRAFT" });
    const post = await createPost({ authorId: viewer.id });
    const session = await createPastSession([viewer.id]);
    const pairing = await createPairing(mentor.id, mentee.id);
    const featuredAt = new Date();
    const links = [
      { discussionId: discussion.id },
      { replyId: reply.id },
      { replyId: hiddenReply.id },
      { postId: draft.id },
      { postId: post.id },
      { sessionId: session.id },
      { pairingId: pairing.id },
    ];
    const made: { id: string }[] = [];
    for (const link of links)
      made.push(await createRecognition(giver.id, [viewer.id, mentee.id], { featuredAt, ...link }));
    made.push(
      await createRecognition(
        viewer.id,
        crowd.map((member) => member.id),
        {
          featuredAt,
          teamId: team.id,
        },
      ),
    );
    await testDb.recognitionApplause.create({
      data: { recognitionId: made[0]!.id, userId: mentor.id },
    });

    for (const who of [viewer, mentor]) {
      const ours = (await featuredForHome(who, 1000)).filter((card) =>
        made.some((row) => row.id === card.id),
      );
      expect(ours).toHaveLength(made.length);
      for (const card of ours) expect(card).toEqual(await getRecognition(card.id, who));
    }
    const cards = await featuredForHome(mentor, 1000);
    const byId = (id: string) => cards.find((card) => card.id === id)!;
    expect(byId(made[0]!.id)).toMatchObject({
      link: { kind: "discussion" },
      viewer: { applauded: true },
    });
    expect(byId(made[2]!.id).link).toBeNull();
    expect(byId(made[3]!.id).link).toBeNull();
    expect(byId(made[6]!.id).link).toMatchObject({
      kind: "mentorship",
      href: `/mentorship/${pairing.id}`,
    });
    expect(byId(made[7]!.id)).toMatchObject({ moreRecipients: true, team: { id: team.id } });
    expect(byId(made[7]!.id).recipients).toHaveLength(20);
  });
});
