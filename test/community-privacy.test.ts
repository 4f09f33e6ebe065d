// A private community's content is for its active members and admins only (issue 20 §1),
// wherever it is listed, searched, notified, mailed, exported or written to. One private
// community holds a question (with an answer and a file), a post and a session, all carrying a
// marker word. Then, as an outsider, a member of another private community and a former member
// (their membership no longer ACTIVE), every loader is asked and its result searched (as JSON)
// for the marker and the ids; the member and an admin are asked the same and must find them.
// Every write the content takes is tried by the outsider and must change nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { NotFound } from "@/lib/core/forms/errors";
import { calendarSession, feedSessions } from "@/lib/calendar/queries";
import { NOT_A_POSTING_COMMUNITY } from "@/lib/communities/posting-choice";
import {
  followedContent,
  pendingNotifications,
  questionsToAnswer,
  upcomingSessions,
} from "@/lib/digest/load";
import { voteOnAnswer } from "@/lib/discussions/answer-votes";
import { createDiscussion as startDiscussion } from "@/lib/discussions/create-discussion";
import { editDiscussion } from "@/lib/discussions/edit-discussion";
import { listDiscussions } from "@/lib/discussions/queries";
import { toggleDiscussionReaction, toggleReplyReaction } from "@/lib/discussions/reactions/toggle";
import { createReply as postReply } from "@/lib/discussions/replies";
import { listParamsSchema } from "@/lib/discussions/schemas";
import {
  findReplyLocation,
  getEditableDiscussion,
  getThread,
} from "@/lib/discussions/thread-queries";
import { feedPage, homeFeed } from "@/lib/feed/queries";
import { openActionItems } from "@/lib/insights/report";
import { activityCounts, activityPage, latestActivity } from "@/lib/members/activity";
import { listNotifications } from "@/lib/notifications/queries";
import { addComment } from "@/lib/posts/comments";
import { createPost as createPostDraft } from "@/lib/posts/posts";
import { createSession as scheduleSession } from "@/lib/sessions/schedule";
import { utcToZonedInput } from "@/lib/core/zoned-time";
import {
  getPostComments,
  getPostPage,
  listBookmarks,
  listPosts,
  relatedPosts,
} from "@/lib/posts/queries";
import { suggestPosts } from "@/lib/posts/suggest";
import { setBookmark, setHelpful } from "@/lib/posts/votes-and-bookmarks";
import { SEARCH_TYPES, searchPageSchema } from "@/lib/search/schemas";
import { runSearch } from "@/lib/search/search";
import { getRecognition, listWall, profileRecognition } from "@/lib/recognition/queries";
import { similarQuestions } from "@/lib/search/similar-questions";
import { afterSessionView, feedbackExport, openActionItemsFor } from "@/lib/sessions/after/queries";
import { getSessionPage, listUpcomingSessions, nextSessionsFor } from "@/lib/sessions/queries";
import { respondToSession } from "@/lib/sessions/rsvp";
import { setActionItemDone } from "@/lib/sessions/after/action-items";
import { mayReadUpload } from "@/lib/uploads/access";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createPrivateCommunity } from "@/test/factories-communities";
import { createDiscussion, createReply } from "@/test/factories-discussions";
import { createNotification } from "@/test/factories-notifications";
import { createComment, createPost } from "@/test/factories-posts";
import { createActionItem, createRsvp, createSession } from "@/test/factories-sessions";
import { createTag, followTag } from "@/test/factories-tags";
import { listTags } from "@/lib/tags/queries";
import { createRecognition } from "@/test/factories-recognition";

/** A word nothing else in the database holds (letters and digits: no stemming). */
const MARKER = `cpsecret${randomUUID().slice(0, 8)}`;
const DAY = 86_400_000;

type Member = Actor & { name: string; timeZone: string };
let author: Member;
let member: Member;
let outsider: Member;
let elsewhere: Member;
let former: Member;
let admin: Member;
let communityId: string;
let tag: { id: string; slug: string };
/** A company-wide post sharing the tag: its related posts would list the community's post. */
let anchorPostId: string;
const ids = { discussion: "", reply: "", post: "", comment: "", session: "" };
const recognitionIds: string[] = [];
/** The former member's action item from the community's session. */
let actionItemId: string;

/** Those who must find nothing, by what they are. */
const shutOut = () =>
  [
    ["an outsider", outsider],
    ["a member of another community", elsewhere],
    ["a former member", former],
  ] as const;
/** Those who must find everything. */
const readers = () =>
  [
    ["a member", member],
    ["an admin", admin],
  ] as const;

async function inCommunity<T extends { id: string }>(
  model: "discussion" | "knowledgePost" | "learningSession",
  row: T,
) {
  const where = { where: { id: row.id }, data: { communityId } };
  if (model === "discussion") await testDb.discussion.update(where);
  if (model === "knowledgePost") await testDb.knowledgePost.update(where);
  if (model === "learningSession") await testDb.learningSession.update(where);
  return row;
}

beforeAll(async () => {
  [author, member, outsider, elsewhere, former, admin] = [
    await createMember(),
    await createMember(),
    await createMember(),
    await createMember(),
    await createMember(),
    await createAdmin(),
  ];
  communityId = (
    await createPrivateCommunity({ leadIds: [author.id], memberIds: [member.id, former.id] })
  ).id;
  await createPrivateCommunity({ memberIds: [elsewhere.id] });
  tag = await createTag();
  // Everyone follows the tag and offers it as a skill: every tag- and skill-driven list
  // (unanswered questions, the digest's sections) would carry the content to them.
  const skill = await testDb.skill.create({ data: { name: `Skill ${tag.slug}`, slug: tag.slug } });
  for (const who of [member, outsider, elsewhere, former, admin]) {
    await followTag(who.id, tag.id);
    await testDb.memberSkill.create({
      data: { userId: who.id, skillId: skill.id, kind: "OFFERED" },
    });
  }

  const question = await inCommunity(
    "discussion",
    await createDiscussion(author.id, {
      kind: "QUESTION",
      title: `How do we ${MARKER} safely?`,
      body: `The ${MARKER} question's body.`,
      tagIds: [tag.id],
    }),
  );
  ids.discussion = question.id;
  ids.reply = (await createReply(question.id, member.id, { body: `Answer about ${MARKER}.` })).id;
  const post = await inCommunity(
    "knowledgePost",
    await createPost(author.id, {
      title: `Notes on ${MARKER}`,
      summary: `What we learnt about ${MARKER}.`,
      tagIds: [tag.id],
    }),
  );
  ids.post = post.id;
  ids.comment = (await createComment(post.id, member.id)).id;
  anchorPostId = (await createPost(admin.id, { tagIds: [tag.id] })).id;
  const session = await inCommunity(
    "learningSession",
    await createSession([author.id], {
      title: `Workshop ${MARKER}`,
      startsAt: new Date(Date.now() + 10 * 60_000),
    }),
  );
  ids.session = session.id;
  await createRsvp(session.id, member.id);
  await createRsvp(session.id, former.id);
  actionItemId = (
    await createActionItem(session.id, former.id, { title: `Follow up on ${MARKER}` })
  ).id;

  // Notifications about the content, written while the former member still belonged.
  for (const who of [member, former]) {
    await createNotification(who.id, {
      actorId: author.id,
      kind: "discussion.replied",
      data: { discussionId: question.id, replyId: ids.reply, title: question.title },
    });
    await createNotification(who.id, {
      actorId: author.id,
      kind: "content.mentioned",
      data: { title: post.title, path: `/posts/${post.id}` },
    });
  }
  await testDb.bookmark.create({ data: { userId: former.id, postId: post.id } });
  // Public recognitions that thank the content: their cards link it by its title.
  for (const link of [
    { discussionId: question.id },
    { replyId: ids.reply },
    { postId: post.id },
    { sessionId: session.id },
  ]) {
    const thanks = await createRecognition(author.id, [member.id], link);
    recognitionIds.push(thanks.id);
  }

  // The former member is no longer an active member.
  await testDb.communityMembership.update({
    where: { communityId_memberId: { communityId, memberId: former.id } },
    data: { status: "INVITED" },
  });
});

/** The result holds neither the marker nor any of the content's ids. */
function expectNoTrace(result: unknown) {
  const json = JSON.stringify(result);
  expect(json).not.toContain(MARKER);
  for (const id of Object.values(ids)) expect(json).not.toContain(id);
}

const searchAll = (viewer: Member) =>
  Promise.all(
    SEARCH_TYPES.map((type) =>
      runSearch(searchPageSchema.parse({ q: MARKER, type }), { viewer, members: false }),
    ),
  );

const period = () => ({ since: new Date(Date.now() - DAY), until: new Date(Date.now() + 60_000) });

/** Every loader's answer about the community's content, for one viewer. */
async function everything(viewer: Member) {
  return {
    list: await listDiscussions(viewer, listParamsSchema.parse({ tag: tag.slug })),
    search: await searchAll(viewer),
    similar: await similarQuestions(viewer, `How do we ${MARKER}`),
    home: await homeFeed(viewer),
    tagPage: await feedPage({ viewer, tagId: tag.id }),
    posts: await listPosts({ viewer, tag: tag.slug }),
    suggested: await suggestPosts(viewer, MARKER),
    related: await relatedPosts(viewer, anchorPostId),
    sessions: await listUpcomingSessions(viewer, undefined, 200),
    nextSessions: await nextSessionsFor(viewer, 3),
    calendar: await feedSessions(viewer),
    activity: await latestActivity(author.id, viewer),
    questions: await activityPage(author.id, viewer, "questions"),
    answers: await activityPage(member.id, viewer, "answers"),
    hosted: await activityPage(author.id, viewer, "sessions"),
    notifications: await listNotifications(viewer.id),
    bookmarks: await listBookmarks(viewer),
    actionItems: await openActionItemsFor(viewer),
    wall: await listWall(viewer, { memberId: member.id }),
    recognition: await Promise.all(recognitionIds.map((id) => getRecognition(id, viewer))),
    profileRecognition: await profileRecognition(member.id, viewer),
  };
}

describe("someone who may not read the community", () => {
  it("finds none of its content in any list, search, feed, calendar, profile or notification", async () => {
    for (const [who, viewer] of shutOut()) {
      const seen = await everything(viewer);
      for (const [loader, result] of Object.entries(seen)) {
        expect(JSON.stringify(result), `${who}: ${loader}`).not.toContain(MARKER);
      }
      expectNoTrace(seen);
      expect(await activityCounts(author.id, viewer)).toMatchObject({
        questions: 0,
        posts: 0,
        sessions: 0,
      });
    }
  });

  it("is refused the thread, reply permalink, post, comments, session, .ics and exports (not found)", async () => {
    for (const [, viewer] of shutOut()) {
      expect(await getThread(viewer, ids.discussion)).toBeNull();
      expect(await findReplyLocation(viewer, ids.discussion, ids.reply)).toBeNull();
      expect(await getPostPage(viewer, ids.post)).toBeNull();
      expect(await getSessionPage(ids.session, viewer)).toBeNull();
      expect(await calendarSession(ids.session, viewer.id, viewer)).toBeNull();
      expect(await afterSessionView(viewer, ids.session, new Date(Date.now() + DAY))).toBeNull();
      expect(await feedbackExport(viewer, ids.session)).toBeNull();
    }
    // The author who left is not even shown their own question's edit form.
    await testDb.communityMembership.update({
      where: { communityId_memberId: { communityId, memberId: author.id } },
      data: { status: "REQUESTED" },
    });
    expect(await getEditableDiscussion(author, ids.discussion)).toBeNull();
    await testDb.communityMembership.update({
      where: { communityId_memberId: { communityId, memberId: author.id } },
      data: { status: "ACTIVE" },
    });
    expect(await getEditableDiscussion(author, ids.discussion)).not.toBeNull();
  });

  it("is not served the files attached to it", async () => {
    for (const [targetType, targetId] of [
      ["DISCUSSION", ids.discussion],
      ["REPLY", ids.reply],
      ["POST", ids.post],
      ["POST_COMMENT", ids.comment],
      ["SESSION", ids.session],
    ] as const) {
      const upload = {
        ownerId: author.id,
        kind: "FILE" as const,
        targetType,
        targetId,
        deletedAt: null,
      };
      for (const [who, viewer] of shutOut()) {
        expect(await mayReadUpload(viewer, upload), `${who}: ${targetType}`).toBe(false);
      }
      for (const [who, viewer] of readers()) {
        expect(await mayReadUpload(viewer, upload), `${who}: ${targetType}`).toBe(true);
      }
    }
  });

  it("gets nothing of it in the digest mail's sections or its pending notifications", async () => {
    const everyone = [outsider, elsewhere, former, member, admin].map((who) => who.id);
    const [followed, questions, sessions, pending] = await Promise.all([
      followedContent(everyone, period()),
      questionsToAnswer(everyone, period()),
      upcomingSessions(everyone, period()),
      pendingNotifications(everyone, ["discussion.replied", "content.mentioned"], new Date()),
    ]);
    for (const [, viewer] of shutOut()) {
      const theirs = (rows: { userId?: string | null; recipientId?: string }[]) =>
        rows.filter(
          (row) => (row.userId ?? row.recipientId ?? null) === viewer.id || row.userId === null,
        );
      expectNoTrace([theirs(followed), theirs(questions), theirs(sessions), theirs(pending)]);
    }
    // The member and the admin get them: the sections really look at this content.
    const about = (rows: { id: string; userId?: string | null }[], who: Member, id: string) =>
      rows.some((row) => row.userId === who.id && row.id === id);
    for (const [, reader] of readers()) {
      expect(about(followed, reader, ids.discussion)).toBe(true);
      expect(about(followed, reader, ids.post)).toBe(true);
    }
    expect(about(questions, admin, ids.discussion)).toBe(true);
    expect(about(sessions, member, ids.session)).toBe(true);
    expect(pending.some((row) => row.recipientId === member.id)).toBe(true);
  });

  it("does not count it on the tags page", async () => {
    const counts = async (viewer: Member) => {
      const page = await listTags(viewer, { q: tag.slug });
      return page.items.find((row) => row.id === tag.id);
    };
    for (const [, viewer] of shutOut()) {
      expect(await counts(viewer)).toMatchObject({ discussionCount: 0, postCount: 1 });
    }
    for (const [, viewer] of readers()) {
      expect(await counts(viewer)).toMatchObject({ discussionCount: 1, postCount: 2 });
    }
  });

  it("is not in the insights' open action items (a report leaders share and export)", async () => {
    expectNoTrace(await openActionItems(db, new Date()));
  });
});

describe("the community's members and admins", () => {
  it("find each piece of its content where everyone else finds nothing", async () => {
    for (const [who, viewer] of readers()) {
      const seen = await everything(viewer);
      const has = (loader: keyof typeof seen, id: string) =>
        expect(JSON.stringify(seen[loader]), `${who}: ${loader}`).toContain(id);
      has("list", ids.discussion);
      has("search", ids.discussion);
      has("search", ids.reply);
      has("search", ids.post);
      has("similar", ids.discussion);
      has("home", ids.discussion);
      has("tagPage", ids.discussion);
      has("tagPage", ids.post);
      has("posts", ids.post);
      has("suggested", ids.post);
      has("related", ids.post);
      has("sessions", ids.session);
      has("activity", ids.discussion);
      has("activity", ids.post);
      has("activity", ids.session);
      has("answers", ids.reply);
      for (const loader of ["wall", "recognition", "profileRecognition"] as const) {
        for (const id of [ids.discussion, ids.reply, ids.post, ids.session]) has(loader, id);
      }
      expect(await getThread(viewer, ids.discussion)).toMatchObject({
        discussion: { community: { name: expect.any(String) } },
      });
      expect(await findReplyLocation(viewer, ids.discussion, ids.reply)).toContain(ids.reply);
      expect(await getPostPage(viewer, ids.post)).toMatchObject({
        community: { slug: expect.any(String) },
      });
      expect(JSON.stringify(await getPostComments(viewer, ids.post))).toContain(ids.comment);
      expect(await getSessionPage(ids.session, viewer)).not.toBeNull();
      expect(await calendarSession(ids.session, viewer.id, viewer)).not.toBeNull();
    }
    expect(JSON.stringify(await feedSessions(member))).toContain(ids.session);
    expect(JSON.stringify(await listNotifications(member.id))).toContain(ids.discussion);
    expect(JSON.stringify(await listNotifications(member.id))).toContain(ids.post);
  });
});

describe("writes to content one may not read", () => {
  const counts = async () => ({
    replies: await testDb.reply.count({ where: { discussionId: ids.discussion } }),
    reactions:
      (await testDb.discussionReaction.count({ where: { discussionId: ids.discussion } })) +
      (await testDb.replyReaction.count({ where: { replyId: ids.reply } })),
    votes: await testDb.answerVote.count({ where: { replyId: ids.reply } }),
    rsvps: await testDb.sessionRsvp.count({ where: { sessionId: ids.session } }),
    comments: await testDb.postComment.count({ where: { postId: ids.post } }),
    helpful: await testDb.helpfulVote.count({ where: { postId: ids.post } }),
    bookmarks: await testDb.bookmark.count({ where: { postId: ids.post } }),
    actionItem: await testDb.sessionActionItem.findUniqueOrThrow({ where: { id: actionItemId } }),
    discussion: await testDb.discussion.findUniqueOrThrow({ where: { id: ids.discussion } }),
  });

  it("are refused as not found (reply, react, vote, RSVP, comment, helpful, save), nothing changed", async () => {
    const before = await counts();
    for (const [who, viewer] of shutOut()) {
      const attempts: [string, () => Promise<unknown>][] = [
        [
          "reply",
          () => postReply(viewer, { discussionId: ids.discussion, body: `Me too ${MARKER}` }),
        ],
        [
          "reply to the answer",
          () =>
            postReply(viewer, {
              discussionId: ids.discussion,
              parentId: ids.reply,
              body: "And me.",
            }),
        ],
        ["react", () => toggleDiscussionReaction(viewer, { id: ids.discussion, kind: "LIKE" })],
        ["react to the answer", () => toggleReplyReaction(viewer, { id: ids.reply, kind: "LIKE" })],
        ["vote", () => voteOnAnswer(viewer, { id: ids.reply, vote: "up" })],
        ["RSVP", () => respondToSession(viewer, { sessionId: ids.session, response: "going" })],
        ["comment", () => addComment(viewer, { postId: ids.post, body: "Nice post." })],
        ["helpful", () => setHelpful(viewer, { id: ids.post, helpful: "true" })],
        ["save", () => setBookmark(viewer, { id: ids.post, saved: "true" })],
        [
          "tick an action item",
          () => setActionItemDone(viewer, { id: actionItemId, done: "true" }),
        ],
      ];
      for (const [what, attempt] of attempts) {
        await expect(attempt(), `${who}: ${what}`).rejects.toBeInstanceOf(NotFound);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("a member may reply, react and RSVP (the refusals above are the rule, not a broken service)", async () => {
    expect(
      await postReply(member, { discussionId: ids.discussion, body: "Thanks, that helped." }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await toggleDiscussionReaction(member, { id: ids.discussion, kind: "LIKE" }),
    ).toMatchObject({
      ok: true,
    });
    expect(await voteOnAnswer(admin, { id: ids.reply, vote: "up" })).toMatchObject({ ok: true });
  });
});

describe("posting into a community", () => {
  it("is for its active members: anyone else gets a field error and nothing is written", async () => {
    for (const [, viewer] of [...shutOut(), ["an admin", admin] as const]) {
      const title = `Not here ${randomUUID()}`;
      const result = await startDiscussion(viewer, {
        kind: "DISCUSSION",
        title,
        body: "Some thoughts to start.",
        tags: "",
        communityId,
      });
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { communityId: [NOT_A_POSTING_COMMUNITY] },
      });
      expect(await testDb.discussion.count({ where: { title } })).toBe(0);
    }
    const posted = await startDiscussion(member, {
      kind: "QUESTION",
      title: `In the community ${randomUUID()}`,
      body: "Some thoughts to start.",
      tags: "",
      communityId,
    });
    expect(posted.ok).toBe(true);
    const id = posted.ok ? posted.data!.id : "";
    expect(await testDb.discussion.findUniqueOrThrow({ where: { id } })).toMatchObject({
      communityId,
    });
    expect(await getThread(outsider, id)).toBeNull();

    // An edit without the field keeps it there; a blank choice moves it to everyone.
    const edit = { id, title: "Still in the community", body: "Some thoughts, edited.", tags: "" };
    expect(await editDiscussion(member, edit)).toMatchObject({ ok: true });
    expect(await testDb.discussion.findUniqueOrThrow({ where: { id } })).toMatchObject({
      communityId,
    });
    const elsewhereCommunity = await createPrivateCommunity({ memberIds: [elsewhere.id] });
    expect(
      await editDiscussion(member, { ...edit, communityId: elsewhereCommunity.id }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { communityId: [NOT_A_POSTING_COMMUNITY] },
    });
    expect(await editDiscussion(member, { ...edit, communityId: "" })).toMatchObject({ ok: true });
    expect(await testDb.discussion.findUniqueOrThrow({ where: { id } })).toMatchObject({
      communityId: null,
    });
  });

  it("knowledge posts and sessions take the same choice, by the same rule", async () => {
    const postTitle = `Community post ${randomUUID()}`;
    const post = {
      type: "HOW_TO",
      title: postTitle,
      summary: "A short summary.",
      body: "Steps.",
      tags: "",
    };
    await expect(createPostDraft(outsider, { ...post, communityId })).rejects.toMatchObject({
      fieldErrors: { communityId: [NOT_A_POSTING_COMMUNITY] },
    });
    expect(await testDb.knowledgePost.count({ where: { title: postTitle } })).toBe(0);
    const drafted = await createPostDraft(member, { ...post, communityId });
    const postId = drafted.ok ? drafted.data!.id : "";
    expect(await testDb.knowledgePost.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({
      communityId,
    });

    const leader = { ...(await createLeader()), timeZone: "UTC" };
    const start = new Date(Date.now() + 7 * DAY);
    const session = {
      title: `Community session ${randomUUID()}`,
      format: "WORKSHOP",
      description: "Hands on.",
      startsAt: utcToZonedInput(start, "UTC"),
      endsAt: utcToZonedInput(new Date(start.getTime() + 3_600_000), "UTC"),
      location: "Room 4",
      meetingUrl: "",
      capacity: "",
      hostIds: [leader.id],
      goals: "",
      scope: "",
      openQuestions: "",
      proposalId: "",
      communityId,
    };
    await expect(scheduleSession(leader, session)).rejects.toMatchObject({
      fieldErrors: { communityId: [NOT_A_POSTING_COMMUNITY] },
    });
    expect(await testDb.learningSession.count({ where: { title: session.title } })).toBe(0);
    await testDb.communityMembership.create({ data: { communityId, memberId: leader.id } });
    const scheduled = await scheduleSession(leader, session);
    const sessionId = scheduled.ok ? scheduled.data!.id : "";
    expect(
      await testDb.learningSession.findUniqueOrThrow({ where: { id: sessionId } }),
    ).toMatchObject({
      communityId,
    });
    expect(await getSessionPage(sessionId, outsider)).toBeNull();
  });

  it("refuses a malformed community id on the field", async () => {
    const result = await startDiscussion(member, {
      kind: "DISCUSSION",
      title: `Malformed ${randomUUID()}`,
      body: "Some thoughts to start.",
      tags: "",
      communityId: "x\u0000y",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { communityId: expect.any(Array) } });
  });
});
