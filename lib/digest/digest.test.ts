// The digest end to end on the real database and a real SMTP server: planning once per
// period, what a digest lists and leaves out (muted, hidden, deleted, private), and when no
// mail goes at all.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import {
  createDiscussion,
  createQuestion,
  createTag,
  followTag,
} from "@/test/factories-discussions";
import { createPost } from "@/test/factories-posts";
import { createCommunity } from "@/test/factories-communities";
import { createRecognition, createPrivateFeedback } from "@/test/factories-recognition";
import { createNotification } from "@/test/factories-notifications";
import { queuedJobs, runQueuedJobs } from "@/test/jobs";
import { smtpServerForThisFile } from "@/test/smtp";
import { sendDigestsHandler, sendDigestsQueue } from "./jobs";
import { planDigests } from "./plan";
import { sendDigests } from "./send";
import type { SendDigestsJob } from "./queues";

const smtp = smtpServerForThisFile("Learning Commons <digest@test.example>");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * 08:10 on Monday 5 January 2150 in Tokyo (Sunday 23:10 UTC). Far from the clock on purpose:
 * every test file shares one database, and content other files create now must not fall
 * into these periods.
 */
const TOKYO_MONDAY_0810 = new Date("2150-01-04T23:10:00Z");
const TOKYO_DATE = "2150-01-05";
/** The end of a weekly period with nothing from other test files in it. */
const QUIET_UNTIL = new Date("2150-06-01T12:00:00Z");

function weeklyJob(userIds: string[], until = new Date(Date.now() + 60_000)): SendDigestsJob {
  return { frequency: "WEEKLY", until: until.toISOString(), userIds };
}

function mailsTo(address: string) {
  return smtp.messages.filter((m) => m.envelopeTo.includes(address));
}

const textOf = (mail: (typeof smtp.messages)[number]) => mail.parsed.text ?? "";

describe("planning", () => {
  it("plans each member's digest once per period, even when two planners run at once", async () => {
    const weekly = await createMember({ name: "Weekly Tokyo" });
    const daily = await createMember({ name: "Daily Tokyo" });
    const off = await createMember();
    const gone = await createMember({ status: "DEACTIVATED" });
    const paris = await createMember();
    await testDb.user.updateMany({
      where: { id: { in: [weekly.id, daily.id, off.id, gone.id] } },
      data: { timeZone: "Asia/Tokyo" },
    });
    await testDb.user.update({ where: { id: paris.id }, data: { timeZone: "Europe/Paris" } });
    await testDb.notificationPreference.createMany({
      data: [
        { userId: daily.id, kind: "digest", email: "DAILY" },
        { userId: off.id, kind: "digest", email: "OFF" },
      ],
    });
    const userIds = [weekly.id, daily.id, off.id, gone.id, paris.id];

    const [first, second] = await Promise.all([
      planDigests({ now: TOKYO_MONDAY_0810, userIds }),
      planDigests({ now: TOKYO_MONDAY_0810, userIds }),
    ]);
    expect(first.planned + second.planned).toBe(2);
    const again = await planDigests({
      now: new Date(TOKYO_MONDAY_0810.getTime() + 20 * 60_000),
      userIds,
    });
    expect(again.planned).toBe(0);

    const jobs = await queuedJobs<SendDigestsJob>(sendDigestsQueue, (data) =>
      data.userIds.some((id) => userIds.includes(id)),
    );
    expect(jobs.map((job) => [job.data.frequency, job.data.userIds]).sort()).toEqual([
      ["DAILY", [daily.id]],
      ["WEEKLY", [weekly.id]],
    ]);
    const keys = await testDb.scheduledMailKey.findMany({
      where: {
        key: {
          in: userIds.flatMap((id) => [
            `digest:weekly:${id}:${TOKYO_DATE}`,
            `digest:daily:${id}:${TOKYO_DATE}`,
          ]),
        },
      },
    });
    expect(keys.map((k) => k.key).sort()).toEqual(
      [`digest:daily:${daily.id}:${TOKYO_DATE}`, `digest:weekly:${weekly.id}:${TOKYO_DATE}`].sort(),
    );

    // The next day at 08:10 Tokyo: the daily digest again, not the weekly one (not Monday).
    const tuesday = await planDigests({
      now: new Date(TOKYO_MONDAY_0810.getTime() + DAY),
      userIds,
    });
    expect(tuesday.planned).toBe(1);

    // Nothing new in the period (the members are new): the jobs run and send nothing.
    await runQueuedJobs<SendDigestsJob>(sendDigestsHandler, (data) =>
      data.userIds.some((id) => userIds.includes(id)),
    );
    const addresses = [weekly, daily, off, gone, paris].map((m) => m.email);
    expect(smtp.messages.filter((m) => addresses.some((a) => m.envelopeTo.includes(a)))).toEqual(
      [],
    );
    expect(await testDb.emailMessage.count({ where: { userId: { in: userIds } } })).toBe(0);
  });
});

describe("building and sending a digest", () => {
  it("lists followed content, questions to answer, recognition and pending notifications; leaves out muted, hidden, deleted and private content", async () => {
    const member = await createMember({ name: "Digest Reader" });
    const author = await createMember({ name: "Some Author" });
    const [followed, other, muted] = [
      await createTag(`Testing ${unique()}`),
      await createTag(`Pairing ${unique()}`),
      await createTag(`Noise ${unique()}`),
    ];
    await followTag(member.id, followed.id);
    await followTag(member.id, other.id);
    await followTag(member.id, muted.id);
    await testDb.tagMute.create({ data: { userId: member.id, tagId: muted.id } });
    const skillName = `Skill ${unique()}`;
    const skillTag = await createTag(skillName);
    const skill = await testDb.skill.create({ data: { name: skillName, slug: skillTag.slug } });
    await testDb.memberSkill.create({
      data: { userId: member.id, skillId: skill.id, kind: "OFFERED" },
    });

    const title = (what: string) => `${what} ${unique()}`;
    const shown = {
      discussion: await createDiscussion(author.id, {
        title: title("Shown discussion"),
        tagIds: [followed.id],
      }),
      second: await createDiscussion(author.id, {
        title: title("Second shown"),
        tagIds: [followed.id],
      }),
      post: await createPost(author.id, { title: title("Shown post"), tagIds: [other.id] }),
      question: await createQuestion(author.id, {
        title: title("Question for you"),
        tagIds: [skillTag.id],
      }),
    };
    const hidden = {
      hidden: await createDiscussion(author.id, {
        title: title("Hidden one"),
        tagIds: [followed.id],
        hiddenAt: new Date(),
      }),
      deleted: await createDiscussion(author.id, {
        title: title("Deleted one"),
        tagIds: [followed.id],
        deletedAt: new Date(),
      }),
      mutedTag: await createDiscussion(author.id, {
        title: title("Muted tag"),
        tagIds: [followed.id, muted.id],
      }),
      mutedThread: await createDiscussion(author.id, {
        title: title("Muted thread"),
        tagIds: [other.id],
      }),
      own: await createDiscussion(member.id, { title: title("My own"), tagIds: [followed.id] }),
      old: await createDiscussion(author.id, {
        title: title("Old news"),
        tagIds: [followed.id],
        createdAt: new Date(Date.now() - 30 * DAY),
        lastActivityAt: new Date(Date.now() - 20 * DAY),
      }),
      draft: await createPost(author.id, {
        title: title("Draft post"),
        tagIds: [other.id],
        status: "DRAFT",
      }),
      hiddenPost: await createPost(author.id, {
        title: title("Hidden post"),
        tagIds: [other.id],
        hiddenAt: new Date(),
      }),
      hiddenQuestion: await createQuestion(author.id, {
        title: title("Hidden question"),
        tagIds: [skillTag.id],
        hiddenAt: new Date(),
      }),
    };
    await testDb.discussionWatch.create({
      data: { userId: member.id, discussionId: hidden.mutedThread.id, level: "MUTED" },
    });
    const recognition = await createRecognition(author.id, [member.id]);
    const hiddenRecognition = await createRecognition(author.id, [member.id], {
      hiddenAt: new Date(),
    });
    const feedback = await createPrivateFeedback(author.id, member.id, {
      message: "Secret feedback words",
    });
    await testDb.notificationPreference.create({
      data: { userId: member.id, kind: "private_feedback.received", email: "WEEKLY" },
    });
    const pendingWeekly = await createNotification(member.id, {
      actorId: author.id,
      kind: "tag.new_content",
      data: {
        tagName: followed.name,
        title: "Pending in digest",
        path: `/discussions/${shown.discussion.id}`,
      },
    });
    const pendingFeedback = await createNotification(member.id, {
      actorId: author.id,
      kind: "private_feedback.received",
      data: { feedbackId: feedback.id },
    });
    const aboutHidden = await createNotification(member.id, {
      actorId: author.id,
      kind: "tag.new_content",
      data: {
        tagName: followed.name,
        title: "About hidden",
        path: `/discussions/${hidden.hidden.id}`,
      },
    });
    await testDb.notificationPreference.create({
      data: { userId: member.id, kind: "post.commented", email: "WEEKLY" },
    });
    const deletedComment = await testDb.postComment.create({
      data: { postId: shown.post.id, authorId: author.id, body: "Gone", deletedAt: new Date() },
    });
    const aboutDeletedComment = await createNotification(member.id, {
      actorId: author.id,
      kind: "post.commented",
      data: { postId: shown.post.id, commentId: deletedComment.id, title: "Deleted comment" },
    });
    const immediate = await createNotification(member.id, {
      actorId: author.id,
      kind: "discussion.replied",
      data: { discussionId: shown.discussion.id, replyId: "r1", title: "Immediate kind" },
    });
    const alreadyRead = await createNotification(member.id, {
      kind: "tag.new_content",
      data: { tagName: followed.name, title: "Read already", path: "/" },
      readAt: new Date(),
    });

    const result = await sendDigests(weeklyJob([member.id]));
    expect(result).toMatchObject({ sent: 1, failed: 0 });

    const [mail] = mailsTo(member.email);
    expect(mail).toBeDefined();
    const text = textOf(mail!);
    expect(mail!.parsed.subject).toBe(
      `Your weekly digest: 2 new in #${followed.name}, 1 question you could answer`,
    );
    for (const item of Object.values(shown)) expect(text).toContain(item.title);
    for (const item of Object.values(hidden)) expect(text).not.toContain(item.title);
    expect(text).toContain(`/recognition/${recognition.id}`);
    expect(text).not.toContain(`/recognition/${hiddenRecognition.id}`);
    expect(text).toContain("Some Author recognised you for");
    expect(text).toContain("Some Author posted “Pending in digest”");
    expect(text).toContain("Some Author sent you private feedback");
    expect(text).not.toContain("Secret feedback words");
    expect(text).not.toContain("About hidden");
    expect(text).not.toContain("Deleted comment");
    expect(text).not.toContain("Immediate kind");
    expect(text).not.toContain("Read already");

    expect(mail!.header("list-unsubscribe")).toMatch(/^<http.*\/email\/unsubscribe\/[^>]+>$/);
    expect(mail!.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const tokens = await testDb.unsubscribeToken.findMany({ where: { userId: member.id } });
    expect(tokens.map((t) => t.scope)).toEqual(["digest"]);
    const records = await testDb.emailMessage.findMany({ where: { userId: member.id } });
    expect(records.map((r) => [r.kind, r.status])).toEqual([["digest.weekly", "SENT"]]);

    const marked = await testDb.notification.findMany({
      where: {
        id: {
          in: [
            pendingWeekly.id,
            pendingFeedback.id,
            aboutHidden.id,
            aboutDeletedComment.id,
            immediate.id,
            alreadyRead.id,
          ],
        },
      },
      select: { id: true, emailedAt: true },
    });
    const emailed = marked.filter((n) => n.emailedAt).map((n) => n.id);
    expect(emailed.sort()).toEqual([pendingWeekly.id, pendingFeedback.id].sort());

    // The same job again (a retry): the period's digest is not sent twice.
    const retry = await sendDigests(weeklyJob([member.id], new Date(Date.now() + 60_000)));
    expect(retry).toMatchObject({ sent: 0, skipped: 1 });
    expect(mailsTo(member.email)).toHaveLength(1);
  });

  it("lists what is new in the communities a member follows, once, and nothing from one unfollowed or archived", async () => {
    const member = await createMember({ name: "Community Reader" });
    const author = await createMember({ name: "Guild Author" });
    const tag = await createTag(`Guilds ${unique()}`);
    await followTag(member.id, tag.id);
    const inCommunity = (name: string, options: { following: boolean; archived?: boolean }) =>
      createCommunity({ name: `${name} ${unique()}`, memberIds: [member.id, author.id] }).then(
        async (community) => {
          await testDb.communityMembership.update({
            where: { communityId_memberId: { communityId: community.id, memberId: member.id } },
            data: { following: options.following },
          });
          if (options.archived)
            await testDb.community.update({
              where: { id: community.id },
              data: { archivedAt: new Date() },
            });
          return community;
        },
      );
    const followed = await inCommunity("Followed guild", { following: true });
    const unfollowed = await inCommunity("Quiet guild", { following: false });
    const archived = await inCommunity("Old guild", { following: true, archived: true });
    const title = (what: string) => `${what} ${unique()}`;
    const shown = await createDiscussion(author.id, {
      title: title("Guild talk"),
      communityId: followed.id,
    });
    const both = await createDiscussion(author.id, {
      title: title("Tagged guild talk"),
      communityId: followed.id,
      tagIds: [tag.id],
    });
    const post = await createPost(author.id, { title: title("Guild post") });
    await testDb.knowledgePost.update({
      where: { id: post.id },
      data: { communityId: followed.id },
    });
    const notShown = [
      await createDiscussion(author.id, { title: title("Quiet talk"), communityId: unfollowed.id }),
      await createDiscussion(author.id, { title: title("Old talk"), communityId: archived.id }),
      await createDiscussion(member.id, { title: title("My talk"), communityId: followed.id }),
    ];

    const result = await sendDigests(weeklyJob([member.id]));
    expect(result).toMatchObject({ sent: 1, failed: 0 });
    const text = textOf(mailsTo(member.email)[0]!);
    expect(text).toContain(shown.title);
    expect(text).toContain(`new discussion in ${followed.name}`);
    expect(text).toContain(`new post in ${followed.name}`);
    expect(text.split(both.title)).toHaveLength(2);
    for (const item of notShown) expect(text).not.toContain(item.title);
  });

  it("sends nothing when nothing is new, and nothing to a deactivated member", async () => {
    const quiet = await createMember();
    const tag = await createTag(`Quiet ${unique()}`);
    await followTag(quiet.id, tag.id);
    const author = await createMember();
    const gone = await createMember({ status: "DEACTIVATED" });
    await followTag(gone.id, tag.id);
    // Only a hidden and a muted item in the period: still nothing to tell the quiet member.
    const inPeriod = { createdAt: new Date(QUIET_UNTIL.getTime() - DAY) };
    const active = { ...inPeriod, lastActivityAt: inPeriod.createdAt };
    await createDiscussion(author.id, { tagIds: [tag.id], hiddenAt: new Date(), ...active });
    const mutedOne = await createDiscussion(author.id, { tagIds: [tag.id], ...active });
    await testDb.discussionWatch.create({
      data: { userId: quiet.id, discussionId: mutedOne.id, level: "MUTED" },
    });

    const result = await sendDigests(weeklyJob([quiet.id, gone.id], QUIET_UNTIL));
    expect(result).toMatchObject({ sent: 0, empty: 1, skipped: 1 });
    expect(mailsTo(quiet.email)).toEqual([]);
    expect(mailsTo(gone.email)).toEqual([]);
    expect(
      await testDb.emailMessage.count({ where: { userId: { in: [quiet.id, gone.id] } } }),
    ).toBe(0);
  });

  it("sends nothing to a member who turned the digest off or to daily after it was planned", async () => {
    const member = await createMember();
    const tag = await createTag(`Changed ${unique()}`);
    await followTag(member.id, tag.id);
    await createDiscussion((await createMember()).id, { tagIds: [tag.id] });
    await testDb.notificationPreference.create({
      data: { userId: member.id, kind: "digest", email: "DAILY" },
    });
    expect(await sendDigests(weeklyJob([member.id]))).toMatchObject({ sent: 0, skipped: 1 });
    expect(mailsTo(member.email)).toEqual([]);
  });
});
