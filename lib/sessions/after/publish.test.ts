import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import type { SessionFormat } from "@/lib/generated/prisma/enums";
import { nextReviewDate } from "@/lib/posts/review-dates";
import { POST_LIMITS } from "@/lib/posts/limits";
import { publishPost } from "@/lib/posts/posts";
import { getEditablePost, getPostPage } from "@/lib/posts/queries";
import { createLeader, createMember } from "@/test/factories";
import { createActionItem, createPastSession, createRsvp } from "@/test/factories-sessions";
import { testDb } from "@/test/db";
import { createPrivateCommunity } from "@/test/factories-communities";
import { afterSessionView } from "./queries";
import { notesPostSummary, notesPostTitle, publishNotesAsPost } from "./publish";

async function publishedId(
  actor: { id: string; role: "MEMBER" | "LEADER" | "ADMIN" },
  sessionId: string,
) {
  const result = await publishNotesAsPost(actor, { sessionId });
  if (!result.ok || !result.data) throw new Error(`not published: ${JSON.stringify(result)}`);
  return result.data;
}

const notesPostIdOf = async (sessionId: string) =>
  (await testDb.learningSession.findUniqueOrThrow({ where: { id: sessionId } })).notesPostId;

describe("publishNotesAsPost", () => {
  it("keeps a private community's session notes in that community", async () => {
    const host = await createMember();
    const community = await createPrivateCommunity({ memberIds: [host.id] });
    const session = await createPastSession([host.id], { summary: "What we learnt." });
    await testDb.learningSession.update({
      where: { id: session.id },
      data: { communityId: community.id },
    });
    const { id } = await publishedId(host, session.id);
    expect(await testDb.knowledgePost.findUniqueOrThrow({ where: { id } })).toMatchObject({
      communityId: community.id,
    });
  });

  it("turns the notes into a draft by the host, linked to the session", async () => {
    const host = await createMember();
    const owner = await createMember({ name: "Olga Owner" });
    const session = await createPastSession([host.id], {
      title: "Deploys without fear",
      format: "WORKSHOP",
      summary: "We practised **rolling back** a release.\n\nEveryone tried it twice.",
      takeaways: "- Roll back first, debug later",
      recordingUrl: "https://video.example/rec/1",
    });
    await createActionItem(session.id, owner.id, {
      title: "Write the rollback runbook",
      dueOn: new Date("2031-03-09T00:00:00Z"),
    });
    const result = await publishedId(host, session.id);
    expect(result).toMatchObject({ created: true, mine: true });

    const post = await testDb.knowledgePost.findUniqueOrThrow({ where: { id: result.id } });
    expect(post).toMatchObject({
      status: "DRAFT",
      type: "HOW_TO",
      authorId: host.id,
      title: "Deploys without fear: notes",
      summary: "We practised rolling back a release. Everyone tried it twice.",
      publishedAt: null,
      reviewBy: nextReviewDate(),
    });
    expect(post.body).toContain("## Summary\n\nWe practised **rolling back** a release.");
    expect(post.body).toContain("## Key takeaways\n\n- Roll back first, debug later");
    expect(post.body).toContain(
      "## Action items\n\n- Write the rollback runbook — Olga Owner, due 9 March 2031",
    );
    expect(post.body).toContain("## Recording link\n\n<https://video.example/rec/1>");
    expect(post.body).toContain(`From the session [Deploys without fear](/sessions/${session.id})`);
    expect(await testDb.knowledgePostTag.count({ where: { postId: post.id } })).toBe(0);
    expect(await notesPostIdOf(session.id)).toBe(post.id);
  });

  it.each([
    ["RETROSPECTIVE", "LESSON_LEARNED"],
    ["BOOK_CLUB", "RESOURCE_NOTES"],
    ["CASE_STUDY", "CASE_STUDY"],
    ["LUNCH_AND_LEARN", "HOW_TO"],
    ["TOWN_HALL", "HOW_TO"],
  ] as const)("makes a %s's notes a %s post", async (format: SessionFormat, type) => {
    const host = await createMember();
    const session = await createPastSession([host.id], { format, summary: "What we said" });
    const { id } = await publishedId(host, session.id);
    expect((await testDb.knowledgePost.findUniqueOrThrow({ where: { id } })).type).toBe(type);
  });

  it("returns the same post the second time, and a new one once that is deleted", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id], { summary: "What we said" });
    const first = await publishedId(host, session.id);
    const second = await publishedId(host, session.id);
    expect(second).toEqual({ id: first.id, created: false, mine: true });
    expect(await testDb.knowledgePost.count({ where: { authorId: host.id } })).toBe(1);

    await testDb.knowledgePost.update({ where: { id: first.id }, data: { deletedAt: new Date() } });
    const third = await publishedId(host, session.id);
    expect(third.id).not.toBe(first.id);
    expect(await notesPostIdOf(session.id)).toBe(third.id);
  });

  it("gives a co-host the existing post without making theirs", async () => {
    const [host, coHost] = [await createMember(), await createMember()];
    const session = await createPastSession([host.id, coHost.id], { summary: "What we said" });
    const first = await publishedId(host, session.id);
    expect(await publishedId(coHost, session.id)).toEqual({
      id: first.id,
      created: false,
      mine: false,
    });
    expect(await testDb.knowledgePost.count({ where: { authorId: coHost.id } })).toBe(0);
  });

  it("asks for a summary first", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id], { takeaways: "Only takeaways" });
    await expect(publishNotesAsPost(host, { sessionId: session.id })).rejects.toThrow(
      "Record a summary first.",
    );
    expect(await notesPostIdOf(session.id)).toBeNull();
  });

  it("refuses a member who is not a host", async () => {
    const session = await createPastSession([(await createMember()).id], { summary: "Notes" });
    const member = await createMember();
    await expect(publishNotesAsPost(member, { sessionId: session.id })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    expect(await testDb.knowledgePost.count({ where: { authorId: member.id } })).toBe(0);
  });

  it("shows the draft to its author only, and to everyone once published", async () => {
    const leader = await createLeader();
    const host = await createMember();
    const attendee = await createMember();
    const session = await createPastSession([host.id], { summary: "What we said" });
    await createRsvp(session.id, attendee.id, "GOING");
    const { id } = await publishedId(leader, session.id);

    expect(await getEditablePost(leader, id)).toMatchObject({ id, status: "DRAFT" });
    expect(await getPostPage(host, id)).toBeNull();
    expect(await getPostPage(attendee, id)).toBeNull();
    expect((await afterSessionView(leader, session.id))!.notesPost).toMatchObject({
      id,
      status: "DRAFT",
      mine: true,
    });
    const forHost = await afterSessionView(host, session.id);
    expect(forHost).toMatchObject({ notesPost: null, draftBy: leader.name });
    const forAttendee = await afterSessionView(attendee, session.id);
    expect(forAttendee).toMatchObject({ notesPost: null, draftBy: null });

    await publishPost(leader, { id });
    expect((await afterSessionView(attendee, session.id))!.notesPost).toMatchObject({
      id,
      status: "PUBLISHED",
      mine: false,
    });
  });
});

describe("notes post title and summary", () => {
  it("keeps a long title within the post limit", () => {
    const title = notesPostTitle("x".repeat(150));
    expect(title.length).toBeLessThanOrEqual(POST_LIMITS.titleMax);
    expect(title.endsWith(": notes")).toBe(true);
  });

  it("cuts a long summary near 280 characters and falls back when it is too short", () => {
    const long = notesPostSummary("word ".repeat(200), "Any");
    expect(long.length).toBeLessThanOrEqual(281);
    expect(long.endsWith("…")).toBe(true);
    expect(notesPostSummary("**Ok**", "Deploys")).toBe("Notes from the session “Deploys”.");
  });
});
