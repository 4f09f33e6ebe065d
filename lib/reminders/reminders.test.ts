// Reminders on the test database and a real SMTP server. Every test plans at its own moment
// far in the future (`now` is an argument), so only its own rows are due; mail jobs of the
// test's own members are run through the real sender with that same moment.
import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { utcToday } from "@/lib/core/dates";
import { JOB_SCHEMA } from "@/lib/core/jobs/boss";
import { startWorker, type RunningWorker } from "@/lib/core/jobs/worker";
import { testDb } from "@/test/db";
import { createPrivateCommunity } from "@/test/factories-communities";
import { createMember, createAdmin } from "@/test/factories";
import { createPost } from "@/test/factories-posts";
import { createActionItem, createRsvp, createSession } from "@/test/factories-sessions";
import { createSurvey } from "@/test/factories-surveys";
import { queuedJobs } from "@/test/jobs";
import { smtpServerForThisFile } from "@/test/smtp";
import { jobSchedules, mailHandler } from "./jobs";
import {
  dueActionItemMails,
  dueCheckInMails,
  duePostReviewMails,
  dueSessionMails,
  dueSurveyMails,
  planOverduePairings,
  planReminders,
} from "./plan";
import { planMails } from "./plan-store";
import { reminderMailQueue, type ReminderMail, type ReminderMailJob } from "./queues";
import { sendReminder, sendReminders } from "./send";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const smtp = smtpServerForThisFile("Learning Commons <no-reply@learning.test>");

/** A moment of this test's own, years ahead, at 10:00 UTC. */
function futureNow(): Date {
  return new Date(Date.UTC(2100 + randomInt(0, 800), randomInt(0, 12), randomInt(1, 28), 10));
}

type Mail = ReminderMail;

/** The waiting planned reminders that match, each with its job's id. */
async function jobsFor(match: (mail: Mail) => boolean) {
  const jobs = await queuedJobs<ReminderMailJob>(reminderMailQueue);
  return jobs.flatMap((job) =>
    job.data.mails.filter(match).map((mail) => ({ id: job.id, data: mail })),
  );
}

/**
 * Sends the matching waiting reminders through the real sender at `now`, then marks their
 * jobs completed as a worker would (a job's other reminders, for other files' members, are
 * never sent).
 */
async function runMailJobs(now: Date, match: (mail: Mail) => boolean) {
  const jobs = await queuedJobs<ReminderMailJob>(reminderMailQueue, (data) =>
    data.mails.some(match),
  );
  for (const job of jobs) {
    await sendReminders(job.data.mails.filter(match), { id: job.id, retryCount: 0 }, now);
    await testDb.$executeRawUnsafe(
      `UPDATE ${JOB_SCHEMA}.job SET state = 'completed', completed_on = now() WHERE id = $1::uuid`,
      job.id,
    );
  }
}

async function mailCount(userId: string, kind: string) {
  return testDb.emailMessage.count({ where: { userId, kind } });
}

function turnOff(userId: string, kind: string) {
  return testDb.notificationPreference.create({ data: { userId, kind, email: "OFF" } });
}

/** Drops waiting mail jobs this file made for other files' members (never to be sent). */
async function dropWaiting(match: string, value: string) {
  await testDb.$executeRawUnsafe(
    `DELETE FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'created' AND data::text LIKE $2`,
    reminderMailQueue.name,
    `%"${match}":%${value}%`,
  );
}

describe("session reminders", () => {
  it("mails hosts and those going 24 h before, once, with the session's .ics attached", async () => {
    const now = futureNow();
    const [host, going, waitlisted, gone, off] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createMember(),
      createMember(),
    ]);
    await testDb.user.update({ where: { id: going.id }, data: { timeZone: "Europe/Berlin" } });
    const session = await createSession([host.id], {
      startsAt: new Date(now.getTime() + 20 * HOUR),
      location: "Room 4",
    });
    await createRsvp(session.id, going.id);
    await createRsvp(session.id, waitlisted.id, "WAITLISTED");
    await createRsvp(session.id, gone.id);
    await createRsvp(session.id, off.id);
    await testDb.user.update({ where: { id: gone.id }, data: { status: "DEACTIVATED" } });
    await turnOff(off.id, "reminder.session");

    expect(await planMails(await dueSessionMails(now))).toBe(3);
    expect(await planMails(await dueSessionMails(now))).toBe(0);
    const ofSession = (mail: Mail) => mail.family === "session" && mail.sessionId === session.id;
    const jobs = await jobsFor(ofSession);
    expect(jobs.map((job) => job.data.userId).sort()).toEqual([host.id, going.id, off.id].sort());

    const before = smtp.messages.length;
    await runMailJobs(now, ofSession);
    expect(await mailCount(host.id, "reminder.session")).toBe(1);
    expect(await mailCount(going.id, "reminder.session")).toBe(1);
    expect(await mailCount(off.id, "reminder.session")).toBe(0);
    expect(await mailCount(waitlisted.id, "reminder.session")).toBe(0);
    expect(await mailCount(gone.id, "reminder.session")).toBe(0);

    const received = smtp.messages.slice(before);
    expect(received).toHaveLength(2);
    const toGoing = received.find((mail) => mail.envelopeTo.includes(going.email))!;
    expect(toGoing.parsed.subject).toContain(session.title);
    expect(toGoing.parsed.subject).toContain("(Europe/Berlin)");
    expect(toGoing.header("list-unsubscribe")).toMatch(/^<http/);
    expect(toGoing.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(toGoing.parsed.text).toContain("Room 4");
    const ics = toGoing.parsed.attachments.find((file) => file.contentType === "text/calendar");
    expect(ics?.filename).toMatch(/\.ics$/);
    const calendar = ics!.content.toString("utf8");
    expect(calendar).toContain("BEGIN:VEVENT");
    expect(calendar).toContain(`session-${session.id}@learning-commons`);
    expect(calendar.replace(/\r\n /g, "")).toContain(`SUMMARY:${session.title}`);
    expect(calendar).toContain("TZID=Europe/Berlin");
  });

  it("mails a private community's session reminder to its members only, not to one who left", async () => {
    const now = futureNow();
    const [host, member, former] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    const community = await createPrivateCommunity({ leadIds: [host.id], memberIds: [member.id] });
    await testDb.communityMembership.create({
      data: { communityId: community.id, memberId: former.id, status: "INVITED" },
    });
    const session = await createSession([host.id], {
      startsAt: new Date(now.getTime() + 20 * HOUR),
    });
    await testDb.learningSession.update({
      where: { id: session.id },
      data: { communityId: community.id },
    });
    await createRsvp(session.id, member.id);
    await createRsvp(session.id, former.id);
    await planMails(await dueSessionMails(now));
    await runMailJobs(now, (mail) => mail.family === "session" && mail.sessionId === session.id);
    expect(await mailCount(member.id, "reminder.session")).toBe(1);
    expect(await mailCount(former.id, "reminder.session")).toBe(0);
  });

  it("sends the 1 h reminder as its own, and nothing for sessions not due or cancelled", async () => {
    const now = futureNow();
    const host = await createMember();
    const startsAt = new Date(now.getTime() + 20 * HOUR);
    const session = await createSession([host.id], { startsAt });
    const later = await createSession([host.id], { startsAt: new Date(now.getTime() + 50 * HOUR) });
    const cancelled = await createSession([host.id], { startsAt, status: "CANCELLED" });
    const ofHost = (mail: Mail) => mail.family === "session" && mail.userId === host.id;

    await planMails(await dueSessionMails(now));
    const inTheLastHour = new Date(startsAt.getTime() - 40 * 60_000);
    await planMails(await dueSessionMails(inTheLastHour));
    await planMails(await dueSessionMails(inTheLastHour));
    const planned = (await jobsFor(ofHost)).map((job) => job.data);
    expect(
      planned.map((mail) => mail.family === "session" && [mail.sessionId, mail.offset]),
    ).toEqual([
      [session.id, "24h"],
      [session.id, "1h"],
    ]);
    expect(planned.some((mail) => "sessionId" in mail && mail.sessionId === later.id)).toBe(false);
    expect(planned.some((mail) => "sessionId" in mail && mail.sessionId === cancelled.id)).toBe(
      false,
    );
    await runMailJobs(inTheLastHour, ofHost);
    expect(await mailCount(host.id, "reminder.session")).toBe(2);
  });

  it("re-checks when sending: a session cancelled or a seat given up since gets no mail", async () => {
    const now = futureNow();
    const [host, going] = await Promise.all([createMember(), createMember()]);
    const startsAt = new Date(now.getTime() + 10 * HOUR);
    const cancelledLater = await createSession([host.id], { startsAt });
    const seatGivenUp = await createSession([host.id], { startsAt });
    await createRsvp(seatGivenUp.id, going.id);
    await planMails(await dueSessionMails(now));
    await testDb.learningSession.update({
      where: { id: cancelledLater.id },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "Host is ill" },
    });
    await testDb.sessionRsvp.update({
      where: { sessionId_userId: { sessionId: seatGivenUp.id, userId: going.id } },
      data: { status: "NOT_GOING" },
    });
    const mine = (mail: Mail) => mail.userId === host.id || mail.userId === going.id;
    expect(await jobsFor(mine)).toHaveLength(3);
    await runMailJobs(now, mine);
    expect(await mailCount(going.id, "reminder.session")).toBe(0);
    // The host still hosts the session that was not cancelled.
    expect(await mailCount(host.id, "reminder.session")).toBe(1);
  });
});

describe("the mail job", () => {
  it("sends nothing to a member deactivated since, and nothing twice when a job is retried", async () => {
    const now = futureNow();
    const [host, leaving] = await Promise.all([createMember(), createMember()]);
    const session = await createSession([host.id], {
      startsAt: new Date(now.getTime() + 3 * HOUR),
    });
    await createRsvp(session.id, leaving.id);
    await planMails(await dueSessionMails(now));
    await testDb.user.update({ where: { id: leaving.id }, data: { status: "DEACTIVATED" } });
    const ofSession = (mail: Mail) => mail.family === "session" && mail.sessionId === session.id;
    const [toHost] = (await jobsFor(ofSession)).filter((job) => job.data.userId === host.id);
    await runMailJobs(now, ofSession);
    expect(await mailCount(leaving.id, "reminder.session")).toBe(0);
    expect(await mailCount(host.id, "reminder.session")).toBe(1);
    // A retry after a send that went through (say the job's completion was lost).
    expect(await sendReminder(toHost!.data, { id: toHost!.id, retryCount: 1 }, now)).toBe(
      "already-sent",
    );
    expect(await mailCount(host.id, "reminder.session")).toBe(1);
  });
});

describe("action item reminders", () => {
  it("mails the owner once when due tomorrow and once when overdue; done items never", async () => {
    const now = futureNow();
    const today = utcToday(now);
    const [owner, host] = await Promise.all([createMember(), createMember()]);
    const session = await createSession([host.id], { startsAt: new Date(now.getTime() - DAY) });
    const dueTomorrow = await createActionItem(session.id, owner.id, {
      dueOn: new Date(today.getTime() + DAY),
    });
    const overdue = await createActionItem(session.id, owner.id, {
      dueOn: new Date(today.getTime() - DAY),
    });
    await createActionItem(session.id, owner.id, {
      dueOn: new Date(today.getTime() + DAY),
      doneAt: now,
    });
    await createActionItem(session.id, owner.id, { dueOn: new Date(today.getTime() + 5 * DAY) });
    const doneMeanwhile = await createActionItem(session.id, owner.id, {
      dueOn: new Date(today.getTime() + DAY),
    });

    await planMails(await dueActionItemMails(now));
    await planMails(await dueActionItemMails(now));
    const ofOwner = (mail: Mail) => mail.family === "action_item" && mail.userId === owner.id;
    const planned = (await jobsFor(ofOwner)).map((job) => job.data);
    expect(
      planned.map((mail) => mail.family === "action_item" && `${mail.itemId}:${mail.phase}`).sort(),
    ).toEqual(
      [
        `${dueTomorrow.id}:due_tomorrow`,
        `${overdue.id}:overdue`,
        `${doneMeanwhile.id}:due_tomorrow`,
      ].sort(),
    );
    await testDb.sessionActionItem.update({
      where: { id: doneMeanwhile.id },
      data: { doneAt: now },
    });
    await runMailJobs(now, ofOwner);
    const subjects = await testDb.emailMessage.findMany({
      where: { userId: owner.id, kind: "reminder.action_item" },
      select: { subject: true },
    });
    expect(subjects.map((row) => row.subject).sort()).toEqual(
      [`Due tomorrow: ${dueTomorrow.title}`, `Overdue: ${overdue.title}`].sort(),
    );
    // The next day the due-tomorrow item is due today: nothing new until it is overdue.
    await planMails(await dueActionItemMails(new Date(now.getTime() + DAY)));
    expect(await jobsFor(ofOwner)).toHaveLength(0);
    await planMails(await dueActionItemMails(new Date(now.getTime() + 2 * DAY)));
    expect(await jobsFor(ofOwner)).toHaveLength(1);
  });
});

describe("mentorship reminders", () => {
  it("mails both people when a check-in is due, and active admins once about overdue pairings", async () => {
    const now = futureNow();
    const today = utcToday(now);
    const [mentor, mentee, other, admin, formerAdmin] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createAdmin(),
      createAdmin(),
    ]);
    await testDb.user.update({ where: { id: formerAdmin.id }, data: { status: "DEACTIVATED" } });
    const pairing = (menteeId: string, startsOn: Date, extra: object = {}) =>
      testDb.mentorPairing.create({
        data: { mentorId: mentor.id, menteeId, goals: "Grow", startsOn, cadenceDays: 14, ...extra },
      });
    const due = await pairing(mentee.id, new Date(today.getTime() - 14 * DAY));
    await pairing(other.id, new Date(today.getTime() - 14 * DAY), {
      lastCheckInOn: new Date(today.getTime() - 3 * DAY),
    });
    await pairing(other.id, new Date(today.getTime() - 14 * DAY), { status: "PAUSED" });
    const overdue = await pairing(other.id, new Date(today.getTime() - 22 * DAY));

    await planMails(await dueCheckInMails(now));
    await planMails(await dueCheckInMails(now));
    const checkIns = (
      await jobsFor((mail) => mail.family === "mentorship" && mail.userId !== "")
    ).filter(
      (job) =>
        job.data.family === "mentorship" && [due.id, overdue.id].includes(job.data.pairingId),
    );
    expect(checkIns.map((job) => job.data.userId).sort()).toEqual([mentor.id, mentee.id].sort());
    await runMailJobs(now, (mail) => mail.family === "mentorship" && mail.pairingId === due.id);
    expect(await mailCount(mentor.id, "reminder.mentorship")).toBe(1);
    expect(await mailCount(mentee.id, "reminder.mentorship")).toBe(1);
    expect(await mailCount(other.id, "reminder.mentorship")).toBe(0);

    expect(await planOverduePairings(now)).toBe(1);
    expect(await planOverduePairings(now)).toBe(0);
    expect(await planOverduePairings(new Date(now.getTime() + DAY))).toBe(0);
    const toAdmins = await jobsFor(
      (mail) =>
        mail.family === "pairing_overdue" && mail.pairings.some((p) => p.pairingId === overdue.id),
    );
    expect(toAdmins.map((job) => job.data.userId)).toContain(admin.id);
    expect(toAdmins.map((job) => job.data.userId)).not.toContain(formerAdmin.id);
    expect(toAdmins.map((job) => job.data.userId)).not.toContain(mentor.id);
    await runMailJobs(now, (mail) => mail.family === "pairing_overdue" && mail.userId === admin.id);
    await dropWaiting("pairingId", overdue.id);
    const sent = await testDb.emailMessage.findMany({
      where: { userId: admin.id, kind: "reminder.pairing_overdue" },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("A mentoring pairing is overdue for a check-in");
  });
});

describe("post review reminders", () => {
  it("mails the author once when the review date is reached; deleted posts and OFF get none", async () => {
    const now = futureNow();
    const today = utcToday(now);
    const [author, quiet] = await Promise.all([createMember(), createMember()]);
    await turnOff(quiet.id, "reminder.post_review");
    const due = await createPost(author.id, { reviewBy: today });
    await createPost(author.id, { reviewBy: new Date(today.getTime() + 3 * DAY) });
    await createPost(author.id, { reviewBy: today, deletedAt: now });
    await createPost(quiet.id, { reviewBy: today });

    await planMails(await duePostReviewMails(now));
    await planMails(await duePostReviewMails(now));
    const mine = (mail: Mail) =>
      mail.family === "post_review" && [author.id, quiet.id].includes(mail.userId);
    expect(await jobsFor(mine)).toHaveLength(2);
    await runMailJobs(now, mine);
    const sent = await testDb.emailMessage.findMany({
      where: { userId: author.id, kind: "reminder.post_review" },
    });
    expect(sent.map((row) => row.subject)).toEqual([`Time to review: ${due.title}`]);
    expect(await mailCount(quiet.id, "reminder.post_review")).toBe(0);
  });
});

describe("survey reminders", () => {
  it("tells members a survey opened, and only those without a receipt that it closes soon", async () => {
    const now = futureNow();
    const [answered, waiting, answersLater, gone] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createMember({ status: "DEACTIVATED" }),
    ]);
    const mine = [answered.id, waiting.id, answersLater.id, gone.id];
    const opened = await createSurvey(null, {
      opensAt: new Date(now.getTime() - HOUR),
      closesAt: new Date(now.getTime() + 7 * DAY),
    });
    const closing = await createSurvey(null, {
      opensAt: new Date(now.getTime() - 5 * DAY),
      closesAt: new Date(now.getTime() + 12 * HOUR),
    });
    const notYet = await createSurvey(null, {
      opensAt: new Date(now.getTime() - 3 * DAY),
      closesAt: new Date(now.getTime() + 3 * DAY),
    });
    for (const survey of [opened, closing]) {
      await testDb.pulseReceipt.create({ data: { surveyId: survey.id, userId: answered.id } });
    }
    try {
      await planMails(await dueSurveyMails(now));
      await planMails(await dueSurveyMails(now));
      const ofMine = (mail: Mail) => mail.family === "survey" && mine.includes(mail.userId);
      const planned = (await jobsFor(ofMine)).map((job) => job.data);
      const described = planned
        .map((mail) => mail.family === "survey" && `${mail.surveyId}:${mail.phase}:${mail.userId}`)
        .sort();
      expect(described).toEqual(
        [
          `${opened.id}:opened:${waiting.id}`,
          `${opened.id}:opened:${answersLater.id}`,
          `${closing.id}:closing:${waiting.id}`,
          `${closing.id}:closing:${answersLater.id}`,
        ].sort(),
      );
      expect(planned.some((mail) => "surveyId" in mail && mail.surveyId === notYet.id)).toBe(false);

      await testDb.pulseReceipt.create({ data: { surveyId: closing.id, userId: answersLater.id } });
      await runMailJobs(now, ofMine);
      const subjects = async (userId: string) =>
        (await testDb.emailMessage.findMany({ where: { userId, kind: "reminder.survey" } }))
          .map((row) => row.subject)
          .sort();
      expect(await subjects(waiting.id)).toEqual(
        [`Closing soon: ${closing.title}`, `Pulse survey open: ${opened.title}`].sort(),
      );
      expect(await subjects(answersLater.id)).toEqual([`Pulse survey open: ${opened.title}`]);
      expect(await subjects(answered.id)).toEqual([]);
    } finally {
      for (const survey of [opened, closing]) await dropWaiting("surveyId", survey.id);
    }
  });
});

describe("the planner", () => {
  it("runs every five minutes and plans every family at once", async () => {
    expect(jobSchedules.map((schedule) => [schedule.queue.name, schedule.cron])).toEqual([
      ["reminders.plan", "*/5 * * * *"],
    ]);
    const now = futureNow();
    const today = utcToday(now);
    const author = await createMember();
    const session = await createSession([author.id], {
      startsAt: new Date(now.getTime() + 2 * HOUR),
    });
    await createPost(author.id, { reviewBy: today });
    await createActionItem(session.id, author.id, { dueOn: new Date(today.getTime() + DAY) });
    expect(await planReminders(now)).toBe(3);
    expect(await planReminders(now)).toBe(0);
    const families = (await jobsFor((mail) => mail.userId === author.id)).map(
      (job) => job.data.family,
    );
    expect(families.sort()).toEqual(["action_item", "post_review", "session"]);
    await runMailJobs(now, (mail) => mail.userId === author.id);
  });
});

describe("two workers", () => {
  const workers: RunningWorker[] = [];
  afterAll(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });

  it("send each reminder once while two planners run at the same time", async () => {
    const now = futureNow();
    const host = await createMember();
    const members = await Promise.all(Array.from({ length: 6 }, () => createMember()));
    const startsAt = new Date(now.getTime() + 5 * HOUR);
    const first = await createSession([host.id], { startsAt });
    const second = await createSession([host.id], { startsAt });
    for (const [index, member] of members.entries()) {
      await createRsvp(first.id, member.id);
      if (index % 2 === 0) await createRsvp(second.id, member.id);
    }
    const everyone = [host, ...members];
    const expected = new Map(
      everyone.map((member, index) => [member.id, member === host ? 2 : index % 2 === 1 ? 2 : 1]),
    );
    const before = smtp.messages.length;

    for (let i = 0; i < 2; i++) {
      workers.push(
        await startWorker({
          handlers: [mailHandler],
          connectionString: process.env.DATABASE_URL,
          pollingIntervalSeconds: 0.5,
        }),
      );
    }
    const plan = async () => planMails(await dueSessionMails(now));
    const planned = await Promise.all([plan(), plan(), plan(), plan()]);
    const total = [...expected.values()].reduce((sum, count) => sum + count, 0);
    expect(planned.reduce((sum, count) => sum + count, 0)).toBe(total);

    const ids = everyone.map((member) => member.id);
    const sentCount = () =>
      testDb.emailMessage.count({ where: { userId: { in: ids }, kind: "reminder.session" } });
    const deadline = Date.now() + 30_000;
    while ((await sentCount()) < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await planMails(await dueSessionMails(now))).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const member of everyone) {
      expect(await mailCount(member.id, "reminder.session")).toBe(expected.get(member.id));
    }
    const byAddress = new Map(everyone.map((member) => [member.email, member.id]));
    const received = new Map<string, number>();
    for (const mail of smtp.messages.slice(before)) {
      for (const address of mail.envelopeTo) {
        const id = byAddress.get(address);
        if (id) received.set(id, (received.get(id) ?? 0) + 1);
      }
    }
    expect(received).toEqual(expected);
  });
});
