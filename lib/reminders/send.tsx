// The mail job: re-checks at send time that the reminder still applies (the item, the seat,
// the member, their preference), then sends it. A key ending in ":sent" marks a reminder
// delivered, so a retry after a send that succeeded does not send it twice.
import { readableContentWhere } from "@/lib/communities/visibility";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ReactElement } from "react";
import { db } from "@/lib/core/db/client";
import { formatDateTime } from "@/lib/core/date-format";
import { formatCalendarDate, parseDateInput, utcToday } from "@/lib/core/dates";
import type { JobContext } from "@/lib/core/jobs/worker";
import { absoluteUrl, appOrigin } from "@/lib/core/mail/links";
import { sendMail, type MailAttachment } from "@/lib/core/mail/send";
import { fileSlug, sessionsCalendar } from "@/lib/calendar/ics";
import { calendarSession } from "@/lib/calendar/queries";
import { nextCheckInDue, pairingHealth } from "@/lib/mentorship/health";
import { pairingPath } from "@/lib/mentorship/access";
import { emailFrequencies, type PreferenceKind } from "@/lib/notifications/preferences";
import { sessionPath } from "@/lib/sessions/access";
import { ActionItemReminderEmail } from "./email/action-item-reminder";
import { CheckInReminderEmail } from "./email/check-in-reminder";
import { PairingsOverdueEmail } from "./email/pairings-overdue";
import { PostReviewReminderEmail } from "./email/post-review-reminder";
import { SessionReminderEmail } from "./email/session-reminder";
import { SurveyReminderEmail } from "./email/survey-reminder";
import { reminderMailQueue, type ReminderFamily, type ReminderMail } from "./queues";

export const REMINDER_KINDS: Record<ReminderFamily, PreferenceKind> = {
  session: "reminder.session",
  action_item: "reminder.action_item",
  mentorship: "reminder.mentorship",
  pairing_overdue: "reminder.pairing_overdue",
  post_review: "reminder.post_review",
  survey: "reminder.survey",
};

interface Recipient {
  id: string;
  email: string;
  name: string;
  role: string;
  timeZone: string;
}

/** The recipient as the community rule sees them: a private community's session is for its members. */
const reader = (to: Recipient) => ({ id: to.id, role: to.role as Role });

type Links = { unsubscribeUrl?: string; organisation: string; preferencesUrl: string };

/** What to send, or null when the reminder no longer applies. */
interface Composed {
  subject: string;
  body: (links: Links) => ReactElement;
  attachments?: MailAttachment[];
}

type Of<F extends ReminderFamily> = Extract<ReminderMail, { family: F }>;

const dated = (date: Date, timeZone: string) => `${formatDateTime(date, timeZone)} (${timeZone})`;
const calendarDay = (day: string) => formatCalendarDate(parseDateInput(day)!);
const sameDay = (date: Date | null, day: string) => date?.toISOString().slice(0, 10) === day;

async function composeSession(
  mail: Of<"session">,
  to: Recipient,
  now: Date,
): Promise<Composed | null> {
  const session = await db.learningSession.findFirst({
    where: { id: mail.sessionId, AND: [readableContentWhere(reader(to))] },
    select: {
      status: true,
      startsAt: true,
      hosts: { where: { userId: to.id }, select: { userId: true } },
      rsvps: { where: { userId: to.id, status: "GOING" }, select: { userId: true } },
    },
  });
  if (!session || session.status !== "SCHEDULED") return null;
  if (session.startsAt.toISOString() !== new Date(mail.startsAt).toISOString()) return null;
  if (session.startsAt.getTime() <= now.getTime()) return null;
  const hosting = session.hosts.length > 0;
  if (!hosting && session.rsvps.length === 0) return null;
  const calendar = await calendarSession(mail.sessionId, to.id);
  if (!calendar) return null;
  const ics = sessionsCalendar([calendar], {
    name: calendar.title,
    timeZone: to.timeZone,
    origin: appOrigin(),
  });
  const when = mail.offset === "1h" ? "Starting soon" : "Coming up";
  const startsAt = dated(calendar.startsAt, to.timeZone);
  return {
    subject: `${when}: ${calendar.title}, ${startsAt}`,
    attachments: [
      {
        filename: `${fileSlug(calendar.title)}.ics`,
        content: ics,
        contentType: "text/calendar; charset=utf-8",
      },
    ],
    body: (links) => (
      <SessionReminderEmail
        {...links}
        title={calendar.title}
        when={when}
        startsAt={startsAt}
        place={calendar.location ?? calendar.meetingUrl}
        hosting={hosting}
        url={absoluteUrl(sessionPath(encodeURIComponent(mail.sessionId)))}
      />
    ),
  };
}

async function composeActionItem(
  mail: Of<"action_item">,
  to: Recipient,
  now: Date,
): Promise<Composed | null> {
  const item = await db.sessionActionItem.findFirst({
    where: { id: mail.itemId, session: { AND: [readableContentWhere(reader(to))] } },
    select: {
      title: true,
      ownerId: true,
      dueOn: true,
      doneAt: true,
      session: { select: { id: true, title: true } },
    },
  });
  if (!item || item.doneAt || item.ownerId !== to.id || !sameDay(item.dueOn, mail.dueOn)) {
    return null;
  }
  const overdue = mail.phase === "overdue";
  // A "due tomorrow" mail that could not go out before the day is no longer true.
  if (!overdue && parseDateInput(mail.dueOn)!.getTime() <= utcToday(now).getTime()) return null;
  const dueOn = calendarDay(mail.dueOn);
  return {
    subject: overdue ? `Overdue: ${item.title}` : `Due tomorrow: ${item.title}`,
    body: (links) => (
      <ActionItemReminderEmail
        {...links}
        item={item.title}
        session={item.session.title}
        overdue={overdue}
        dueOn={dueOn}
        url={absoluteUrl(sessionPath(encodeURIComponent(item.session.id)))}
      />
    ),
  };
}

const pairingSelect = {
  id: true,
  status: true,
  startsOn: true,
  lastCheckInOn: true,
  cadenceDays: true,
  mentorId: true,
  menteeId: true,
  mentor: { select: { name: true } },
  mentee: { select: { name: true } },
} as const;

async function composeCheckIn(
  mail: Of<"mentorship">,
  to: Recipient,
  now: Date,
): Promise<Composed | null> {
  const pairing = await db.mentorPairing.findUnique({
    where: { id: mail.pairingId },
    select: pairingSelect,
  });
  if (!pairing || pairing.status !== "ACTIVE") return null;
  if (to.id !== pairing.mentorId && to.id !== pairing.menteeId) return null;
  if (!sameDay(nextCheckInDue(pairing), mail.dueOn)) return null;
  // Once overdue, the admins hear of it (composeOverdue); the pair got their reminder before.
  if (pairingHealth(pairing, now) === "overdue") return null;
  const partner = to.id === pairing.mentorId ? pairing.mentee.name : pairing.mentor.name;
  const dueOn = calendarDay(mail.dueOn);
  return {
    subject: `Check-in due with ${partner}`,
    body: (links) => (
      <CheckInReminderEmail
        {...links}
        partner={partner}
        dueOn={dueOn}
        cadenceDays={pairing.cadenceDays}
        url={absoluteUrl(pairingPath(encodeURIComponent(pairing.id)))}
      />
    ),
  };
}

async function composeOverdue(
  mail: Of<"pairing_overdue">,
  to: Recipient,
  now: Date,
): Promise<Composed | null> {
  if (to.role !== "ADMIN") return null;
  const rows = await db.mentorPairing.findMany({
    where: { id: { in: mail.pairings.map((item) => item.pairingId) } },
    select: pairingSelect,
    orderBy: { id: "asc" },
  });
  const dueOf = new Map(mail.pairings.map((item) => [item.pairingId, item.dueOn]));
  const still = rows.filter(
    (pairing) =>
      pairingHealth(pairing, now) === "overdue" &&
      sameDay(nextCheckInDue(pairing), dueOf.get(pairing.id) ?? ""),
  );
  if (still.length === 0) return null;
  const pairings = still.map((pairing) => ({
    names: `${pairing.mentor.name} and ${pairing.mentee.name}`,
    url: absoluteUrl(pairingPath(encodeURIComponent(pairing.id))),
    dueOn: calendarDay(dueOf.get(pairing.id)!),
  }));
  return {
    subject:
      pairings.length === 1
        ? "A mentoring pairing is overdue for a check-in"
        : `${pairings.length} mentoring pairings are overdue for a check-in`,
    body: (links) => (
      <PairingsOverdueEmail {...links} pairings={pairings} url={absoluteUrl("/admin/mentorship")} />
    ),
  };
}

async function composePostReview(
  mail: Of<"post_review">,
  to: Recipient,
  _now: Date,
): Promise<Composed | null> {
  const post = await db.knowledgePost.findUnique({
    where: { id: mail.postId },
    select: { title: true, authorId: true, status: true, deletedAt: true, reviewBy: true },
  });
  if (!post || post.deletedAt || post.status !== "PUBLISHED" || post.authorId !== to.id) {
    return null;
  }
  if (!sameDay(post.reviewBy, mail.reviewBy)) return null;
  const reviewBy = calendarDay(mail.reviewBy);
  return {
    subject: `Time to review: ${post.title}`,
    body: (links) => (
      <PostReviewReminderEmail
        {...links}
        title={post.title}
        reviewBy={reviewBy}
        url={absoluteUrl(`/posts/${encodeURIComponent(mail.postId)}`)}
      />
    ),
  };
}

async function composeSurvey(
  mail: Of<"survey">,
  to: Recipient,
  now: Date,
): Promise<Composed | null> {
  const survey = await db.pulseSurvey.findUnique({
    where: { id: mail.surveyId },
    select: { title: true, opensAt: true, closesAt: true, closedAt: true },
  });
  if (!survey || !openNow(survey, now)) return null;
  const receipt = await db.pulseReceipt.findUnique({
    where: { surveyId_userId: { surveyId: mail.surveyId, userId: to.id } },
    select: { surveyId: true },
  });
  if (receipt) return null;
  const closing = mail.phase === "closing";
  const closesAt = dated(survey.closesAt, to.timeZone);
  return {
    subject: closing ? `Closing soon: ${survey.title}` : `Pulse survey open: ${survey.title}`,
    body: (links) => (
      <SurveyReminderEmail
        {...links}
        title={survey.title}
        closing={closing}
        closesAt={closesAt}
        url={absoluteUrl(`/surveys/${encodeURIComponent(mail.surveyId)}`)}
      />
    ),
  };
}

function compose(mail: ReminderMail, to: Recipient, now: Date): Promise<Composed | null> {
  switch (mail.family) {
    case "session":
      return composeSession(mail, to, now);
    case "action_item":
      return composeActionItem(mail, to, now);
    case "mentorship":
      return composeCheckIn(mail, to, now);
    case "pairing_overdue":
      return composeOverdue(mail, to, now);
    case "post_review":
      return composePostReview(mail, to, now);
    case "survey":
      return composeSurvey(mail, to, now);
  }
}

/** Open now: opened, not closed early, not past its closing time (as lib/surveys/status.ts). */
function openNow(
  survey: { opensAt: Date; closesAt: Date; closedAt: Date | null },
  now: Date,
): boolean {
  return (
    !survey.closedAt &&
    survey.opensAt.getTime() <= now.getTime() &&
    survey.closesAt.getTime() > now.getTime()
  );
}

const sentKey = (key: string) => `${key}:sent`;

/** The active member the reminder is for, when they still want this kind of mail. */
async function willingRecipient(mail: ReminderMail): Promise<Recipient | null> {
  const user = await db.user.findUnique({
    where: { id: mail.userId },
    select: { id: true, email: true, name: true, role: true, timeZone: true, status: true },
  });
  if (!user || user.status !== "ACTIVE") return null;
  const kind = REMINDER_KINDS[mail.family];
  const choice = (await emailFrequencies(db, [user.id], kind)).get(user.id);
  return choice === "OFF" ? null : user;
}

export type ReminderOutcome = "sent" | "skipped" | "already-sent";

/** `now` is the clock the re-checks use (tests give one; the worker uses the real time). */
export async function sendReminder(
  mail: ReminderMail,
  job: JobContext,
  now = new Date(),
): Promise<ReminderOutcome> {
  if (await db.scheduledMailKey.findUnique({ where: { key: sentKey(mail.key) } })) {
    return "already-sent";
  }
  const to = await willingRecipient(mail);
  const composed = to && (await compose(mail, to, now));
  if (!to || !composed) return "skipped";
  const kind = REMINDER_KINDS[mail.family];
  const preferencesUrl = absoluteUrl("/account/notifications");
  await sendMail(
    {
      to: { address: to.email, name: to.name, userId: to.id },
      kind,
      subject: composed.subject,
      body: (links) => composed.body({ ...links, preferencesUrl }),
      unsubscribeScope: kind,
      attachments: composed.attachments,
    },
    { finalAttempt: job.retryCount >= reminderMailQueue.retry.retryLimit },
  );
  await db.scheduledMailKey.createMany({
    data: [{ key: sentKey(mail.key) }],
    skipDuplicates: true,
  });
  return "sent";
}

/**
 * A mail job's reminders, each on its own: one failing does not hold back the others; the
 * job then fails and its retry sends only those not yet sent.
 */
export async function sendReminders(
  mails: ReminderMail[],
  job: JobContext,
  now = new Date(),
): Promise<ReminderOutcome[]> {
  const outcomes: ReminderOutcome[] = [];
  let failure: unknown;
  for (const mail of mails) {
    try {
      outcomes.push(await sendReminder(mail, job, now));
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
  return outcomes;
}
