// Generated mentoring programme: members open to mentoring (1–4 places each), pairings in
// every status (never more open pairings than a mentor's places, never two open pairings of
// the same two people, at most one open mentor per mentee), goals with progress, check-ins
// at each pairing's cadence (some pairings have lapsed, so some are overdue), the requests
// that led to pairings and requests still waiting. lastCheckInOn is the latest check-in.
import {
  DAY,
  distinctActive,
  HISTORY_DAYS,
  HOUR,
  later,
  latest,
  pickActive,
  startOfDay,
  type SeedContext,
} from "./context";
import type { Random } from "./random";
import type { Writers } from "./tables";
import { fillTemplate, sentence } from "./text";
import { date, timestamp } from "./writer";

export interface MentorshipTargets {
  mentors: number;
  pairings: number;
  waitingRequests: number;
}

export interface MentorshipOptions {
  /** Members left out (those the demo seed already gave a profile, pairing or request). */
  exclude?: ReadonlySet<string>;
}

export interface MentorshipCounts {
  profiles: number;
  pairings: number;
  openPairings: number;
  checkIns: number;
  goals: number;
  requests: number;
}

type PairingStatus = "ACTIVE" | "PAUSED" | "COMPLETED" | "ENDED";
const OPEN: ReadonlySet<PairingStatus> = new Set(["ACTIVE", "PAUSED"]);

/** Shares of each status among the pairings (the rest are ACTIVE). */
const STATUS_SHARES: [PairingStatus, number][] = [
  ["PAUSED", 0.07],
  ["COMPLETED", 0.2],
  ["ENDED", 0.08],
];

/** Statuses in a random order: exact shares, at least one of each when there are 4+. */
export function planPairingStatuses(random: Random, count: number): PairingStatus[] {
  const plan: PairingStatus[] = [];
  for (const [status, share] of STATUS_SHARES) {
    const n = Math.max(count >= 4 ? 1 : 0, Math.round(count * share));
    for (let i = 0; i < n && plan.length < count; i++) plan.push(status);
  }
  while (plan.length < count) plan.push("ACTIVE");
  return random.shuffle(plan);
}

const CADENCES = [7, 14, 14, 14, 21, 28, 28, 42];
const PLACES = [1, 1, 2, 2, 2, 3, 3, 4];
const LENGTHS = [180, 270, 365];

const GOAL_TITLES = [
  "Get comfortable with {topic}",
  "Run {practice} for the {team} team",
  "Write a how-to on {topic}",
  "Present {topic} to {role}",
  "Build a habit of {practice}",
  "Understand how we measure {metric}",
];

const END_REASONS = [
  "We both changed roles and agreed to stop.",
  "The mentee moved to another team with its own mentor.",
  "Not enough time on either side this quarter.",
];

interface Profile {
  openToMentor: boolean;
  maxMentees: number;
  wantsMentor: boolean;
  goals: string;
}

/** Queues the whole programme (it has organisation-wide rules, so it is made in one pass). */
export function addMentorship(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  targets: MentorshipTargets,
  options: MentorshipOptions = {},
): MentorshipCounts {
  const exclude = options.exclude ?? new Set<string>();
  const today = startOfDay(ctx.now);
  const profiles = new Map<string, Profile>();
  const mentors = distinctActive(
    ctx,
    random,
    Math.min(targets.mentors, Math.floor(ctx.people.active.length / 2)),
    exclude,
    1.2,
  );
  for (const userId of mentors) {
    profiles.set(userId, {
      openToMentor: true,
      maxMentees: random.pick(PLACES),
      wantsMentor: random.chance(0.05),
      goals: "",
    });
  }
  const wantsMentor = (userId: string, goals: string) => {
    const profile = profiles.get(userId);
    if (profile) profile.wantsMentor = true;
    else profiles.set(userId, { openToMentor: false, maxMentees: 1, wantsMentor: true, goals });
  };

  const openAsMentor = new Map<string, number>();
  const openMentees = new Set<string>();
  const counts = { pairings: 0, openPairings: 0, checkIns: 0, goals: 0, requests: 0 };
  for (const status of planPairingStatuses(random, targets.pairings)) {
    const open = OPEN.has(status);
    const mentorId = chooseMentor(random, mentors, profiles, open ? openAsMentor : null);
    if (!mentorId) continue;
    const menteeId = chooseMentee(ctx, random, mentorId, exclude, open ? openMentees : null);
    if (!menteeId) continue;
    if (open) {
      openAsMentor.set(mentorId, (openAsMentor.get(mentorId) ?? 0) + 1);
      openMentees.add(menteeId);
      counts.openPairings += 1;
    }
    wantsMentor(menteeId, random.chance(0.5) ? sentence(random) : "");
    const written = addPairing(writers, ctx, random, { status, mentorId, menteeId, today });
    counts.pairings += 1;
    counts.checkIns += written.checkIns;
    counts.goals += written.goals;
    counts.requests += written.request ? 1 : 0;
  }

  // Requests still waiting (and a few withdrawn), from members without an open mentor.
  const waiting = distinctActive(
    ctx,
    random,
    targets.waitingRequests,
    new Set([...exclude, ...openMentees]),
    1.1,
  );
  const withdrawn = distinctActive(
    ctx,
    random,
    Math.round(targets.waitingRequests / 10),
    new Set([...exclude, ...openMentees, ...waiting]),
  );
  for (const [menteeId, status] of [
    ...waiting.map((id) => [id, "WAITING"] as const),
    ...withdrawn.map((id) => [id, "WITHDRAWN"] as const),
  ]) {
    const note = random.chance(0.6) ? sentence(random) : "";
    const createdAt = ctx.now - random.int(1, 120) * DAY - random.int(0, 23) * HOUR;
    writers.mentorRequest.add({
      id: ctx.newId(),
      menteeId,
      note,
      status,
      createdAt: timestamp(createdAt),
      resolvedAt:
        status === "WITHDRAWN" ? timestamp(later(ctx, createdAt, random.int(1, 30) * DAY)) : null,
    });
    if (status === "WAITING") wantsMentor(menteeId, note);
    counts.requests += 1;
  }

  for (const [userId, profile] of profiles) {
    writers.mentorProfile.add({
      userId,
      ...profile,
      updatedAt: timestamp(ctx.now - random.int(1, HISTORY_DAYS) * DAY),
    });
  }
  return { profiles: profiles.size, ...counts };
}

/** A mentor; for an open pairing, one with a free place (null when nobody has one). */
function chooseMentor(
  random: Random,
  mentors: readonly string[],
  profiles: ReadonlyMap<string, Profile>,
  openAsMentor: ReadonlyMap<string, number> | null,
): string | null {
  if (!mentors.length) return null;
  const hasPlace = (id: string) =>
    !openAsMentor || (openAsMentor.get(id) ?? 0) < profiles.get(id)!.maxMentees;
  for (let attempt = 0; attempt < 50; attempt++) {
    const id = mentors[random.skewedIndex(mentors.length, 1.3)]!;
    if (hasPlace(id)) return id;
  }
  return mentors.find(hasPlace) ?? null;
}

/** A mentee other than the mentor; for an open pairing, one without an open mentor yet. */
function chooseMentee(
  ctx: SeedContext,
  random: Random,
  mentorId: string,
  exclude: ReadonlySet<string>,
  openMentees: ReadonlySet<string> | null,
): string | null {
  const fits = (id: string) => id !== mentorId && !exclude.has(id) && !openMentees?.has(id);
  for (let attempt = 0; attempt < 50; attempt++) {
    const id = pickActive(ctx, random, 1.1);
    if (fits(id)) return id;
  }
  return ctx.people.active.find(fits) ?? null;
}

function addPairing(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  input: { status: PairingStatus; mentorId: string; menteeId: string; today: number },
) {
  const { status, today } = input;
  const id = ctx.newId();
  const cadenceDays = random.pick(CADENCES);
  const closed = !OPEN.has(status);
  const startsOn = closed
    ? today - random.int(120, HISTORY_DAYS) * DAY
    : today - random.int(status === "PAUSED" ? 60 : 14, 400) * DAY;
  const createdAt = Math.min(
    ctx.now - HOUR,
    startsOn - random.int(0, 3) * DAY + random.int(9, 17) * HOUR,
  );
  // An open pairing's expected end is still ahead (rarely more than two years after its start).
  const length = random.pick(LENGTHS);
  const sinceStart = Math.round((today - startsOn) / DAY);
  const expectedEndOn = random.chance(0.9)
    ? startsOn + (closed ? length : Math.max(length, sinceStart + random.int(14, 120))) * DAY
    : null;
  const endAt = closed
    ? Math.min(ctx.now - DAY, startsOn + random.int(60, 300) * DAY) + random.int(9, 17) * HOUR
    : null;
  const pausedAt =
    status === "PAUSED"
      ? later(ctx, startsOn + 14 * DAY, Math.floor(random.next() * (ctx.now - startsOn - 14 * DAY)))
      : null;

  // Check-ins at the cadence, give or take, until the pairing stopped; a fifth of the active
  // ones lapsed a while ago, so they are overdue.
  const lapsed = status === "ACTIVE" && random.chance(0.2);
  const until =
    endAt ??
    pausedAt ??
    (lapsed ? ctx.now - random.int(cadenceDays + 8, cadenceDays + 60) * DAY : ctx.now);
  let lastCheckIn: number | null = null;
  let checkIns = 0;
  for (
    let t = startsOn + Math.round(cadenceDays * (0.7 + random.next() * 0.6)) * DAY;
    t < until;
    t += Math.round(cadenceDays * (0.7 + random.next() * 0.6)) * DAY
  ) {
    if (!random.chance(0.9)) continue;
    const heldOn = startOfDay(t);
    writers.checkIn.add({
      id: ctx.newId(),
      pairingId: id,
      authorId: random.chance(0.5) ? input.mentorId : input.menteeId,
      heldOn: date(heldOn),
      notes: `${sentence(random)} ${random.chance(0.5) ? sentence(random) : ""}`.trim(),
      nextSteps: random.chance(0.6) ? sentence(random) : "",
      createdAt: timestamp(later(ctx, heldOn, random.int(9, 20) * HOUR)),
    });
    lastCheckIn = heldOn;
    checkIns += 1;
  }

  const titles = Array.from({ length: random.int(1, 4) }, () =>
    fillTemplate(random.pick(GOAL_TITLES), random),
  );
  const elapsed = Math.min(1, ((endAt ?? pausedAt ?? ctx.now) - startsOn) / (270 * DAY));
  titles.forEach((title, position) => {
    const progress =
      status === "COMPLETED"
        ? random.pick([100, 100, 100, 80, 60])
        : Math.min(100, Math.round((elapsed * 80 + random.next() * 30) / 10) * 10);
    writers.pairingGoal.add({
      id: ctx.newId(),
      pairingId: id,
      title,
      progress,
      position,
      createdAt: timestamp(createdAt),
      updatedAt: timestamp(latest(createdAt, lastCheckIn)),
    });
  });

  const request = random.chance(0.5);
  if (request) {
    writers.mentorRequest.add({
      id: ctx.newId(),
      menteeId: input.menteeId,
      note: random.chance(0.6) ? sentence(random) : "",
      status: "MATCHED",
      createdAt: timestamp(createdAt - random.int(1, 30) * DAY),
      resolvedAt: timestamp(createdAt),
      pairingId: id,
    });
  }

  writers.pairing.add({
    id,
    mentorId: input.mentorId,
    menteeId: input.menteeId,
    status,
    goals: titles.join("\n"),
    startsOn: date(startsOn),
    expectedEndOn: expectedEndOn === null ? null : date(expectedEndOn),
    cadenceDays,
    lastCheckInOn: lastCheckIn === null ? null : date(lastCheckIn),
    createdById: ctx.people.adminId,
    pausedAt: timestamp(pausedAt),
    completedAt: status === "COMPLETED" ? timestamp(endAt) : null,
    endedAt: status === "ENDED" ? timestamp(endAt) : null,
    endReason: status === "ENDED" ? random.pick(END_REASONS) : null,
    createdAt: timestamp(createdAt),
    updatedAt: timestamp(latest(createdAt, pausedAt, endAt, lastCheckIn)),
  });
  return { checkIns, goals: titles.length, request };
}
