// The planner: what is due at `now`, family by family. Each finder reads a bounded window
// (items due now, or due within a short look-back so that a stopped worker catches up) and
// returns one mail per (item, time, recipient) with its once-only key; plan-store writes them.
import { db } from "@/lib/core/db/client";
import { utcToday } from "@/lib/core/dates";
import { nextCheckInDue, pairingHealth } from "@/lib/mentorship/health";
import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";
import { claimKeys, enqueueMails, PLAN_TRANSACTION, planMails } from "./plan-store";
import type { ReminderMail } from "./queues";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How far back a missed reminder is still sent (a worker that was down catches up). */
export const LOOK_BACK_DAYS = 7;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysFrom = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
const ACTIVE_USER = { status: "ACTIVE" } as const;

/**
 * Sessions starting within 24 hours: the "24h" reminder until an hour before, the "1h" one
 * in the last hour; to the hosts and those going (not the waitlist).
 */
export async function dueSessionMails(now: Date): Promise<ReminderMail[]> {
  const sessions = await db.learningSession.findMany({
    where: {
      status: "SCHEDULED",
      startsAt: { gt: now, lte: new Date(now.getTime() + DAY) },
    },
    select: {
      id: true,
      startsAt: true,
      hosts: { where: { user: ACTIVE_USER }, select: { userId: true } },
      rsvps: { where: { status: "GOING", user: ACTIVE_USER }, select: { userId: true } },
    },
  });
  return sessions.flatMap((session) => {
    const offset = session.startsAt.getTime() - now.getTime() <= HOUR ? "1h" : "24h";
    const startsAt = session.startsAt.toISOString();
    const seated = new Set([...session.hosts, ...session.rsvps].map((seat) => seat.userId));
    return [...seated].map((userId) => ({
      family: "session" as const,
      key: `reminder:session:${session.id}:${offset}:${session.startsAt.getTime()}:${userId}`,
      userId,
      sessionId: session.id,
      offset,
      startsAt,
    }));
  });
}

/** Open action items due tomorrow, and those that became overdue (within the look-back). */
export async function dueActionItemMails(now: Date): Promise<ReminderMail[]> {
  const today = utcToday(now);
  const tomorrow = daysFrom(today, 1);
  const items = await db.sessionActionItem.findMany({
    where: {
      doneAt: null,
      dueOn: { gte: daysFrom(today, -LOOK_BACK_DAYS), lte: tomorrow },
      owner: ACTIVE_USER,
    },
    select: { id: true, ownerId: true, dueOn: true },
  });
  return items.flatMap((item) => {
    if (!item.dueOn || item.dueOn.getTime() === today.getTime()) return [];
    const phase = item.dueOn.getTime() === tomorrow.getTime() ? "due_tomorrow" : "overdue";
    const dueOn = isoDay(item.dueOn);
    return [
      {
        family: "action_item" as const,
        key: `reminder:action_item:${item.id}:${phase}:${dueOn}:${item.ownerId}`,
        userId: item.ownerId,
        itemId: item.id,
        phase,
        dueOn,
      },
    ];
  });
}

interface ActivePairing {
  id: string;
  mentorId: string;
  menteeId: string;
  dueOn: Date;
  health: ReturnType<typeof pairingHealth>;
}

/** Active pairings with their next check-in day and health (lib/mentorship/health.ts). */
async function activePairings(now: Date): Promise<ActivePairing[]> {
  const rows = await db.mentorPairing.findMany({
    where: { status: "ACTIVE" },
    select: {
      id: true,
      status: true,
      startsOn: true,
      lastCheckInOn: true,
      cadenceDays: true,
      mentorId: true,
      menteeId: true,
      mentor: { select: { status: true } },
      mentee: { select: { status: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    mentorId: row.mentor.status === "ACTIVE" ? row.mentorId : "",
    menteeId: row.mentee.status === "ACTIVE" ? row.menteeId : "",
    dueOn: nextCheckInDue(row),
    health: pairingHealth(row, now),
  }));
}

/** Pairings whose check-in day has come (and not yet overdue): to both people. */
export async function dueCheckInMails(now: Date): Promise<ReminderMail[]> {
  const today = utcToday(now).getTime();
  return (await activePairings(now)).flatMap((pairing) => {
    if (pairing.dueOn.getTime() > today || pairing.health === "overdue") return [];
    const dueOn = isoDay(pairing.dueOn);
    return [pairing.mentorId, pairing.menteeId].filter(Boolean).map((userId) => ({
      family: "mentorship" as const,
      key: `reminder:mentorship:${pairing.id}:${dueOn}:${userId}`,
      userId,
      pairingId: pairing.id,
      dueOn,
    }));
  });
}

/** Overdue pairings whose overdue period began within the look-back. */
export async function overduePairings(now: Date): Promise<{ pairingId: string; dueOn: string }[]> {
  const today = utcToday(now).getTime();
  const overdueSince = (dueOn: Date) => dueOn.getTime() + (MENTORSHIP_LIMITS.graceDays + 1) * DAY;
  return (await activePairings(now))
    .filter(
      (pairing) =>
        pairing.health === "overdue" && today - overdueSince(pairing.dueOn) <= LOOK_BACK_DAYS * DAY,
    )
    .map((pairing) => ({ pairingId: pairing.id, dueOn: isoDay(pairing.dueOn) }))
    .sort((a, b) => a.pairingId.localeCompare(b.pairingId));
}

/**
 * Newly overdue pairings, one mail per active admin listing them. The key is per pairing and
 * overdue period (its missed check-in day), so a pairing is reported once per period.
 */
export async function planOverduePairings(now: Date): Promise<number> {
  const overdue = await overduePairings(now);
  if (overdue.length === 0) return 0;
  const keyOf = (item: { pairingId: string; dueOn: string }) =>
    `reminder:pairing_overdue:${item.pairingId}:${item.dueOn}`;
  return db.$transaction(async (tx) => {
    const claimed = await claimKeys(tx, overdue.map(keyOf));
    const fresh = overdue.filter((item) => claimed.has(keyOf(item)));
    if (fresh.length === 0) return 0;
    const admins = await tx.user.findMany({
      where: { role: "ADMIN", status: "ACTIVE" },
      select: { id: true },
    });
    const mails: ReminderMail[] = [];
    for (let start = 0; start < fresh.length; start += 500) {
      const pairings = fresh.slice(start, start + 500);
      for (const admin of admins) {
        mails.push({
          family: "pairing_overdue",
          key: `${keyOf(pairings[0]!)}:${admin.id}`,
          userId: admin.id,
          pairings,
        });
      }
    }
    await enqueueMails(tx, mails);
    return fresh.length;
  }, PLAN_TRANSACTION);
}

/** Published posts whose review date has come (within the look-back): to the author. */
export async function duePostReviewMails(now: Date): Promise<ReminderMail[]> {
  const today = utcToday(now);
  const posts = await db.knowledgePost.findMany({
    where: {
      status: "PUBLISHED",
      deletedAt: null,
      reviewBy: { gte: daysFrom(today, -LOOK_BACK_DAYS), lte: today },
      author: ACTIVE_USER,
    },
    select: { id: true, authorId: true, reviewBy: true },
  });
  return posts.map((post) => {
    const reviewBy = isoDay(post.reviewBy);
    return {
      family: "post_review" as const,
      key: `reminder:post_review:${post.id}:${reviewBy}:${post.authorId}`,
      userId: post.authorId,
      postId: post.id,
      reviewBy,
    };
  });
}

/** Active members who hold no receipt for the survey (every active member may answer). */
async function membersWithoutReceipt(surveyId: string): Promise<string[]> {
  const members = await db.user.findMany({
    where: { ...ACTIVE_USER, surveyReceipts: { none: { surveyId } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return members.map((member) => member.id);
}

/**
 * Surveys that opened within the last day ("opened"), and those closing within a day that
 * ran longer than a day ("closing"): to active members who have not answered. Who has
 * answered is read from the receipts only; nothing new is written about it.
 */
export async function dueSurveyMails(now: Date): Promise<ReminderMail[]> {
  const surveys = await db.pulseSurvey.findMany({
    where: {
      closedAt: null,
      opensAt: { lte: now },
      closesAt: { gt: now },
      OR: [
        { opensAt: { gt: new Date(now.getTime() - DAY) } },
        { closesAt: { lte: new Date(now.getTime() + DAY) } },
      ],
    },
    select: { id: true, opensAt: true, closesAt: true },
  });
  const mails: ReminderMail[] = [];
  for (const survey of surveys) {
    const phases: ("opened" | "closing")[] = [];
    if (survey.opensAt.getTime() > now.getTime() - DAY) phases.push("opened");
    const closingSoon = survey.closesAt.getTime() <= now.getTime() + DAY;
    const longerThanADay = survey.closesAt.getTime() - survey.opensAt.getTime() > DAY;
    if (closingSoon && longerThanADay && !phases.includes("opened")) phases.push("closing");
    if (phases.length === 0) continue;
    const members = await membersWithoutReceipt(survey.id);
    for (const phase of phases) {
      for (const userId of members) {
        mails.push({
          family: "survey",
          key: `reminder:survey:${survey.id}:${phase}:${userId}`,
          userId,
          surveyId: survey.id,
          phase,
        });
      }
    }
  }
  return mails;
}

export const FAMILY_FINDERS = {
  session: dueSessionMails,
  action_item: dueActionItemMails,
  mentorship: dueCheckInMails,
  post_review: duePostReviewMails,
  survey: dueSurveyMails,
} as const;

/** Plans every family's due reminders at `now`; returns how many mails were newly planned. */
export async function planReminders(now = new Date()): Promise<number> {
  let planned = 0;
  for (const find of Object.values(FAMILY_FINDERS)) planned += await planMails(await find(now));
  planned += await planOverduePairings(now);
  return planned;
}
