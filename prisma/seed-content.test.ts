import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { counterMismatches } from "@/scripts/bench/verify";
import { createPrismaClient, type Database } from "@/lib/core/db/create-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/core/db/embedded";
import { migrate } from "@/lib/core/db/migrations";
import { extractMentionIds } from "@/lib/mentions/mentions";
import { pairingHealth } from "@/lib/mentorship/health";
import { tagSlug } from "@/lib/tags/schemas";
import { ANONYMOUS_FEEDBACK_BATCH } from "@/lib/sessions/limits";
import { DEMO_MEMBER_FOLLOWS, DEMO_POSTS, DEMO_TAGS, seedDemoContent } from "./seed-content";
import { seedDemoData } from "./seed-data";
import { seedDemoMentorship } from "./seed-mentorship";
import { seedDemoSessions } from "./seed-sessions";

// A private database: seeding the shared one would add content under other tests' feet.
describe("demo content seed", () => {
  let embedded: EmbeddedDatabase;
  let db: Database;

  beforeAll(async () => {
    embedded = await startEmbeddedDatabase();
    await migrate(embedded.url);
    db = createPrismaClient(embedded.url);
  });

  afterAll(async () => {
    await db.$disconnect();
    await embedded.stop();
  });

  const counts = async () => ({
    tags: await db.tag.count(),
    follows: await db.tagFollow.count(),
    discussions: await db.discussion.count(),
    replies: await db.reply.count(),
    discussionReactions: await db.discussionReaction.count(),
    replyReactions: await db.replyReaction.count(),
    posts: await db.knowledgePost.count(),
    comments: await db.postComment.count(),
    helpful: await db.helpfulVote.count(),
    bookmarks: await db.bookmark.count(),
    notifications: await db.notification.count(),
  });

  it("does nothing without the demo members", async () => {
    const lines: string[] = [];
    await seedDemoContent(db, { log: (line) => lines.push(line) });
    expect(await db.discussion.count()).toBe(0);
    expect(lines.join("\n")).toMatch(/skipped/);
  });

  it("creates the demo content once, with counters that agree with the rows", async () => {
    await seedDemoData(db);
    await seedDemoContent(db);
    const first = await counts();
    expect(first.discussions).toBeGreaterThanOrEqual(5);
    expect(first.posts).toBe(DEMO_POSTS.length);
    expect(first.notifications).toBe(0);
    await seedDemoContent(db);
    expect(await counts()).toEqual(first);

    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    try {
      const mismatches = await counterMismatches(client);
      expect(Object.values(mismatches).every((n) => n === 0)).toBe(true);
    } finally {
      await client.end();
    }
  });

  it("has an answered question, an unanswered one, a pinned welcome and mentions of real members", async () => {
    const questions = await db.discussion.findMany({
      where: { kind: "QUESTION" },
      select: { acceptedReplyId: true, replyCount: true },
    });
    expect(questions.some((q) => q.acceptedReplyId !== null)).toBe(true);
    expect(questions.some((q) => q.acceptedReplyId === null && q.replyCount === 0)).toBe(true);
    expect(await db.discussion.count({ where: { pinnedAt: { not: null } } })).toBe(1);

    const replies = await db.reply.findMany({ select: { body: true } });
    const mentioned = replies.flatMap((reply) => extractMentionIds(reply.body));
    expect(mentioned.length).toBeGreaterThan(0);
    expect(await db.user.count({ where: { id: { in: mentioned }, status: "ACTIVE" } })).toBe(
      new Set(mentioned).size,
    );
  });

  it("has one knowledge post of each type: a draft, one past its review date, a lesson learned with the prompts", async () => {
    const posts = await db.knowledgePost.findMany({
      select: { type: true, status: true, reviewBy: true, body: true, publishedAt: true },
    });
    expect(posts.map((p) => p.type).sort()).toEqual([
      "CASE_STUDY",
      "HOW_TO",
      "LESSON_LEARNED",
      "RESOURCE_NOTES",
    ]);
    const drafts = posts.filter((p) => p.status === "DRAFT");
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.publishedAt).toBeNull();
    expect(posts.filter((p) => p.status === "PUBLISHED" && p.reviewBy < new Date())).toHaveLength(
      1,
    );
    const lesson = posts.find((p) => p.type === "LESSON_LEARNED")!;
    expect(lesson.body).toMatch(
      /## What happened[\s\S]*## What we learned[\s\S]*## What we'd do differently/,
    );
  });

  it("has the demo tags, and the demo member follows some of them", async () => {
    const tags = await db.tag.findMany({ where: { slug: { in: DEMO_TAGS.map(tagSlug) } } });
    expect(tags).toHaveLength(DEMO_TAGS.length);
    expect(tags.map((t) => t.slug)).toEqual(
      expect.arrayContaining([
        "onboarding",
        "testing",
        "pairing",
        "accessibility",
        "incident-review",
        "book-club",
      ]),
    );
    const follows = await db.tagFollow.findMany({
      where: { user: { email: "member@example.com" } },
      select: { tag: { select: { name: true } } },
    });
    expect(follows.map((f) => f.tag.name).sort()).toEqual([...DEMO_MEMBER_FOLLOWS].sort());
  });

  it("adds demo sessions once: seat counts agree with the RSVPs, a waitlist, anonymous feedback", async () => {
    await seedDemoData(db);
    const sessions = await db.learningSession.findMany({
      include: { rsvps: true, feedback: true, feedbackReceipts: true, actionItems: true },
    });
    // Three from seed-sessions, and the new-joiner cohort's own from seed-communities.
    expect(sessions).toHaveLength(4);
    for (const session of sessions) {
      expect(session.goingCount).toBe(session.rsvps.filter((r) => r.status === "GOING").length);
      if (session.capacity !== null)
        expect(session.goingCount).toBeLessThanOrEqual(session.capacity);
    }
    expect(sessions.some((s) => s.rsvps.some((r) => r.status === "WAITLISTED"))).toBe(true);
    const retro = sessions.find((s) => s.summary);
    // Anonymous ratings show in released groups (lib/sessions/after/anonymous-feedback.ts).
    expect(retro?.feedback.filter((f) => f.authorId === null)).toHaveLength(
      ANONYMOUS_FEEDBACK_BATCH,
    );
    expect(retro?.feedbackReceipts).toHaveLength(ANONYMOUS_FEEDBACK_BATCH + 1);
    expect(retro?.actionItems.length).toBeGreaterThan(0);
    const proposals = await db.topicProposal.findMany({ include: { votes: true } });
    for (const proposal of proposals) expect(proposal.voteCount).toBe(proposal.votes.length);
    await seedDemoSessions(db);
    expect(await db.learningSession.count()).toBe(4);
    expect(await db.notification.count()).toBe(0);
  });

  it("adds a demo mentoring programme once: waiting mentees, an on-track, an overdue and a completed pairing", async () => {
    await seedDemoData(db);
    const pairings = await db.mentorPairing.findMany({
      include: { checkIns: true, goalItems: true, reflections: true, request: true },
      orderBy: { createdAt: "desc" },
    });
    const health = pairings.map((pairing) => pairingHealth(pairing));
    expect(health.sort()).toEqual(["closed", "on-track", "overdue"]);
    for (const pairing of pairings) {
      const latest = Math.max(...pairing.checkIns.map((checkIn) => checkIn.heldOn.getTime()));
      expect(pairing.lastCheckInOn?.getTime()).toBe(latest);
      expect(pairing.goalItems.length).toBeGreaterThan(0);
      expect(pairing.request?.status).toBe("MATCHED");
      // Each mentor has a place for the pairing the seed gave them.
      const profile = await db.mentorshipProfile.findUniqueOrThrow({
        where: { userId: pairing.mentorId },
      });
      expect(profile.openToMentor).toBe(true);
    }
    expect(pairings.find((p) => p.status === "COMPLETED")?.reflections).toHaveLength(2);
    expect(await db.mentorRequest.count({ where: { status: "WAITING" } })).toBe(2);
    await seedDemoMentorship(db);
    expect(await db.mentorPairing.count()).toBe(3);
    expect(await db.mentorRequest.count()).toBe(5);
    expect(await db.notification.count()).toBe(0);
  });
});
