// Generated learning sessions: 1–2 hosts, RSVPs up to the capacity (then a waitlist),
// attendance on past sessions, anonymous-or-named ratings with their receipts, and action
// items. goingCount is computed from the RSVPs written.
import {
  DAY,
  distinctActive,
  HISTORY_DAYS,
  HOUR,
  later,
  latest,
  MINUTE,
  momentsBetween,
  pickActive,
  startOfDay,
  uuid,
  type SeedContext,
} from "./context";
import type { Random } from "./random";
import type { Writers } from "./tables";
import { fillTemplate, paragraphs, sentence } from "./text";
import { date, timestamp } from "./writer";

/** What happens to a session: held (in the past), still to come, or cancelled. */
export type SessionPlan = "past" | "upcoming" | "cancelled";

/** Shares of the sessions that are still to come and that were cancelled. */
const SHARES = { upcoming: 0.06, cancelled: 0.04 };

/** The plan of each session, in a random order: exact shares, at least one of each kind. */
export function planSessions(random: Random, count: number): SessionPlan[] {
  const upcoming = Math.max(1, Math.round(count * SHARES.upcoming));
  const cancelled = Math.max(1, Math.round(count * SHARES.cancelled));
  const plans: SessionPlan[] = Array.from({ length: count }, (_, i) =>
    i < upcoming ? "upcoming" : i < upcoming + cancelled ? "cancelled" : "past",
  );
  return random.shuffle(plans);
}

type Format =
  | "LUNCH_AND_LEARN"
  | "WORKSHOP"
  | "GUEST_SPEAKER"
  | "BOOK_CLUB"
  | "CASE_STUDY"
  | "RETROSPECTIVE"
  | "TOWN_HALL";

const FORMATS: Format[] = [
  "LUNCH_AND_LEARN",
  "LUNCH_AND_LEARN",
  "LUNCH_AND_LEARN",
  "LUNCH_AND_LEARN",
  "WORKSHOP",
  "WORKSHOP",
  "WORKSHOP",
  "BOOK_CLUB",
  "BOOK_CLUB",
  "CASE_STUDY",
  "CASE_STUDY",
  "RETROSPECTIVE",
  "RETROSPECTIVE",
  "GUEST_SPEAKER",
  "TOWN_HALL",
];

const TITLES: Record<Format, string[]> = {
  LUNCH_AND_LEARN: ["Lunch and learn: {topic}", "{topic} over lunch", "{topic} for {role}"],
  WORKSHOP: ["Hands-on workshop: {topic}", "Workshop: getting started with {topic}"],
  GUEST_SPEAKER: ["Guest talk: {topic} in practice", "Guest speaker on {topic}"],
  BOOK_CLUB: ["Book club: {resource}", "Reading group: {resource}"],
  CASE_STUDY: ["Case study: {topic} in the {team} team"],
  RETROSPECTIVE: ["Retrospective: {topic} {time}", "Looking back at {topic} {time}"],
  TOWN_HALL: ["Learning town hall: {topic}"],
};

/** Minutes each format usually runs. */
const DURATIONS: Record<Format, number[]> = {
  LUNCH_AND_LEARN: [45, 60],
  WORKSHOP: [90, 120, 180],
  GUEST_SPEAKER: [60, 90],
  BOOK_CLUB: [60],
  CASE_STUDY: [60],
  RETROSPECTIVE: [60, 90],
  TOWN_HALL: [60],
};

const ROOMS = [
  "Ada room, 3rd floor",
  "Hopper room, 2nd floor",
  "Library corner",
  "Kitchen, level 1",
  "Auditorium",
  "Lovelace room",
];

const CANCEL_REASONS = [
  "The speaker is ill; we will find a new date.",
  "It clashes with the all-hands, so we are moving it.",
  "Too few people could make it this week.",
  "The room is no longer available and the video link is down.",
];

const ACTION_TITLES = [
  "Share {artifact} with the {team} team",
  "Write up notes on {topic} for {role}",
  "Schedule a follow-up on {topic}",
  "Try {practice} on {topic} next sprint",
  "Draft a how-to on {topic}",
  "Ask {role} what they need on {topic}",
];

const CAPACITIES = [8, 10, 12, 15, 20, 25, 30, 40, 50, 80];
const RATINGS_NOISE = 2.2;

export interface SessionCounts {
  rsvps: number;
  ratings: number;
}

/** Queues one session and everything under it. */
export function addSession(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  plan: SessionPlan,
): SessionCounts {
  const id = ctx.newId();
  const format = random.pick(FORMATS);
  const happened = plan === "past" || (plan === "cancelled" && random.chance(0.8));
  const day = happened
    ? ctx.now - (1 + Math.floor(random.next() ** 1.15 * (HISTORY_DAYS - 1))) * DAY
    : ctx.now + random.int(1, 60) * DAY;
  const startsAt = startOfDay(day) + random.int(8, 16) * HOUR + random.pick([0, 30]) * MINUTE;
  const endsAt = startsAt + random.pick(DURATIONS[format]) * MINUTE;
  const createdAt = Math.min(ctx.now - HOUR, startsAt - random.int(5, 45) * DAY);

  const hosts = [pickActive(ctx, random, 1.6)];
  if (random.chance(0.3)) hosts.push(...distinctActive(ctx, random, 1, new Set(hosts)));
  hosts.forEach((userId, position) => writers.sessionHost.add({ sessionId: id, userId, position }));
  const leaders = ctx.people.leaders;
  const scheduledById = leaders.length && random.chance(0.3) ? random.pick(leaders) : hosts[0];

  const capacity = random.chance(0.45) ? null : random.pick(CAPACITIES);
  const online = random.chance(0.5);
  const cancelledAt =
    plan === "cancelled"
      ? Math.min(ctx.now - MINUTE, createdAt + Math.floor(random.next() * (startsAt - createdAt)))
      : null;
  const held = plan === "past";
  const rsvps = addRsvps(writers, ctx, random, {
    sessionId: id,
    hosts,
    capacity,
    from: createdAt,
    to: Math.min(cancelledAt ?? startsAt, startsAt, ctx.now - MINUTE),
    startsAt: held ? startsAt : null,
  });

  const completed = held && random.chance(0.85);
  const completedAt = completed ? later(ctx, endsAt, random.int(0, 36) * HOUR) : null;
  const notesUpdatedAt =
    completedAt !== null && random.chance(0.6)
      ? later(ctx, completedAt, random.int(1, 72) * HOUR)
      : null;
  const ratings =
    held && random.chance(0.4) ? addFeedback(writers, ctx, random, id, endsAt, rsvps.going) : 0;
  if (completedAt !== null && random.chance(0.5)) {
    addActionItems(writers, ctx, random, id, completedAt, [...hosts, ...rsvps.going]);
  }

  writers.session.add({
    id,
    title: fillTemplate(random.pick(TITLES[format]), random),
    format,
    description: paragraphs(random, random.int(30, 120)),
    startsAt: timestamp(startsAt),
    endsAt: timestamp(endsAt),
    location: online && random.chance(0.8) ? null : random.pick(ROOMS),
    meetingUrl: online ? `https://meet.example.com/${id.slice(-10)}` : null,
    capacity,
    goingCount: rsvps.going.length,
    goals: random.chance(0.5) ? sentence(random) : "",
    scope: "",
    openQuestions: random.chance(0.2) ? sentence(random) : "",
    status: plan === "cancelled" ? "CANCELLED" : completed ? "COMPLETED" : "SCHEDULED",
    cancelledAt: timestamp(cancelledAt),
    cancelReason: cancelledAt === null ? null : random.pick(CANCEL_REASONS),
    completedAt: timestamp(completedAt),
    scheduledById,
    summary: notesUpdatedAt === null ? null : paragraphs(random, random.int(30, 90)),
    takeaways:
      notesUpdatedAt === null
        ? null
        : Array.from({ length: random.int(2, 4) }, () => `- ${sentence(random)}`).join("\n"),
    notesUpdatedAt: timestamp(notesUpdatedAt),
    createdAt: timestamp(createdAt),
    updatedAt: timestamp(latest(createdAt, cancelledAt, completedAt, notesUpdatedAt)),
  });
  return { rsvps: rsvps.count, ratings };
}

/**
 * RSVPs in the order they were given: GOING until the capacity is reached, then
 * WAITLISTED; some NOT_GOING. On a held session most of those going were checked in.
 */
function addRsvps(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  input: {
    sessionId: string;
    hosts: string[];
    capacity: number | null;
    from: number;
    to: number;
    /** Set when the session was held: attendance is recorded. */
    startsAt: number | null;
  },
) {
  const demand = 2 + Math.floor(random.next() ** 1.6 * 70);
  const people = distinctActive(ctx, random, demand, new Set(input.hosts), 1.3);
  const moments = momentsBetween(random, people.length, input.from, input.to);
  const going: string[] = [];
  people.forEach((userId, i) => {
    const createdAt = moments[i]!;
    const status = random.chance(0.12)
      ? "NOT_GOING"
      : input.capacity === null || going.length < input.capacity
        ? "GOING"
        : "WAITLISTED";
    if (status === "GOING") going.push(userId);
    const attendedAt =
      status === "GOING" && input.startsAt !== null && random.chance(0.82)
        ? input.startsAt + random.int(-10, 15) * MINUTE
        : null;
    writers.rsvp.add({
      sessionId: input.sessionId,
      userId,
      status,
      waitlistedAt: status === "WAITLISTED" ? timestamp(createdAt) : null,
      attendedAt: timestamp(attendedAt),
      createdAt: timestamp(createdAt),
      updatedAt: timestamp(latest(createdAt, attendedAt)),
    });
  });
  return { going, count: people.length };
}

/** Ratings from some of the members who went: a receipt each, ~30 % anonymous. */
function addFeedback(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  sessionId: string,
  endsAt: number,
  attendees: readonly string[],
): number {
  if (!attendees.length) return 0;
  const count = Math.max(1, Math.round(attendees.length * (0.2 + random.next() * 0.5)));
  const raters = random.distinctIndices(attendees.length, count).map((i) => attendees[i]!);
  const quality = 3.4 + random.next() * 1.4;
  for (const userId of raters) {
    const rating = Math.min(
      5,
      Math.max(1, Math.round(quality + (random.next() - 0.5) * RATINGS_NOISE)),
    );
    writers.feedbackReceipt.add({ sessionId, userId });
    writers.feedback.add({
      id: uuid(random),
      sessionId,
      authorId: random.chance(0.3) ? null : userId,
      rating,
      comment: random.chance(0.4) ? sentence(random) : null,
      createdOn: date(later(ctx, endsAt, random.int(0, 5 * 24) * HOUR)),
    });
  }
  return raters.length;
}

/** 1–4 action items owned by hosts or attendees; most done, some late, some open. */
function addActionItems(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  sessionId: string,
  completedAt: number,
  people: readonly string[],
) {
  for (let i = random.int(1, 4); i > 0; i--) {
    const createdAt = later(ctx, completedAt, random.int(5, 180) * MINUTE);
    const dueOn = startOfDay(createdAt) + random.int(7, 45) * DAY;
    const due = dueOn < ctx.now;
    let doneAt: number | null = null;
    if (due && random.chance(0.7)) {
      const endOfDue = Math.min(ctx.now, dueOn + DAY) - MINUTE;
      doneAt = random.chance(0.75)
        ? createdAt + Math.floor(random.next() * (endOfDue - createdAt))
        : later(ctx, dueOn + DAY, random.int(1, 20 * 24) * HOUR);
    } else if (!due && random.chance(0.3)) {
      doneAt = createdAt + Math.floor(random.next() * (ctx.now - MINUTE - createdAt));
    }
    writers.actionItem.add({
      id: ctx.newId(),
      sessionId,
      title: fillTemplate(random.pick(ACTION_TITLES), random),
      ownerId: random.pick(people),
      dueOn: date(dueOn),
      doneAt: timestamp(doneAt),
      createdAt: timestamp(createdAt),
      updatedAt: timestamp(latest(createdAt, doneAt)),
    });
  }
}
