// Demo mentoring programme for a first run: who is open to mentoring, two mentees waiting
// for a mentor, an active pairing with goals, check-ins and a link worth studying, one
// pairing whose check-ins have lapsed (overdue), and a completed one with reflections.
// Written for the demo members of ./seed-data.ts. Idempotent: profiles are upserted, and a
// pairing or request that exists for the same people is left alone. It writes no
// notifications.
import type { Database } from "@/lib/core/db/create-client";
import type { Who } from "./seed-content";
import { findDemoMembers } from "./seed-sessions";

const DAY = 86_400_000;

/** The UTC date `days` from `now`, as a @db.Date value. */
function dateIn(now: number, days: number): Date {
  const date = new Date(now + days * DAY);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

const PROFILES: { who: Who; openToMentor?: number; wantsMentor?: boolean; goals?: string }[] = [
  { who: "ada", openToMentor: 3 },
  { who: "priya", openToMentor: 2 },
  { who: "grace", openToMentor: 2 },
  { who: "tomas", openToMentor: 1 },
  { who: "sam", openToMentor: 1 },
  {
    who: "mia",
    wantsMentor: true,
    goals: "Write accessible forms without looking everything up, and read query plans.",
  },
  {
    who: "jonas",
    wantsMentor: true,
    goals: "Learn to coach: I'm becoming a team lead and want to grow people well.",
  },
  {
    who: "lucia",
    wantsMentor: true,
    goals: "Get confident with data analysis for customer health reports.",
  },
];

const WAITING: { who: Who; note: string; daysAgo: number }[] = [
  { who: "jonas", note: "Someone who has coached new leads would be ideal.", daysAgo: 9 },
  { who: "lucia", note: "Happy to meet online; mornings work best for me.", daysAgo: 3 },
];

interface DemoPairing {
  mentor: Who;
  mentee: Who;
  goals: string[];
  startedDaysAgo: number;
  cadenceDays: number;
  status: "ACTIVE" | "COMPLETED";
  checkIns: { daysAgo: number; author: Who; notes: string; nextSteps: string }[];
  progress: number[];
  reflections?: { who: Who; learned: string; nextSteps: string }[];
  studyPostTitle?: string;
}

const PAIRINGS: DemoPairing[] = [
  {
    mentor: "priya",
    mentee: "mia",
    goals: ["Read an EXPLAIN plan and spot a missing index", "Ship one accessible form end to end"],
    startedDaysAgo: 30,
    cadenceDays: 14,
    status: "ACTIVE",
    checkIns: [
      {
        daysAgo: 28,
        author: "priya",
        notes: "Kick-off: agreed goals and a fortnightly half hour on Thursdays.",
        nextSteps: "Mia picks a slow query from the dashboard to look at together.",
      },
      {
        daysAgo: 6,
        author: "mia",
        notes: "Walked through the plan of the dashboard query; found the sequential scan.",
        nextSteps: "Try a composite index on a copy and measure it.",
      },
    ],
    progress: [50, 25],
    studyPostTitle: "How to pair on a database migration without stepping on each other",
  },
  {
    mentor: "grace",
    mentee: "sam",
    goals: ["Give a five-minute talk at the next town hall"],
    startedDaysAgo: 60,
    cadenceDays: 14,
    status: "ACTIVE",
    checkIns: [
      {
        daysAgo: 40,
        author: "grace",
        notes: "Outlined the talk; Sam will rehearse with the team first.",
        nextSteps: "Rehearse and send me the slides.",
      },
    ],
    progress: [30],
  },
  {
    mentor: "tomas",
    mentee: "aiko",
    goals: ["Run a usability test on my own"],
    startedDaysAgo: 120,
    cadenceDays: 21,
    status: "COMPLETED",
    checkIns: [
      {
        daysAgo: 100,
        author: "tomas",
        notes: "Planned the test script together.",
        nextSteps: "Aiko recruits five participants.",
      },
      {
        daysAgo: 35,
        author: "aiko",
        notes: "Ran the test alone; shared the findings with the squad.",
        nextSteps: "Write it up as a knowledge post.",
      },
    ],
    progress: [100],
    reflections: [
      {
        who: "aiko",
        learned: "Silence is fine in a test: people fill it with what they really think.",
        nextSteps: "Run one test a month and invite a developer each time.",
      },
      {
        who: "tomas",
        learned: "Letting Aiko lead from the second session was the right call.",
        nextSteps: "Offer a place to someone from another team next.",
      },
    ],
  },
];

async function seedPairing(db: Database, demo: DemoPairing, ids: Record<Who, string>, now: number) {
  const [mentorId, menteeId] = [ids[demo.mentor], ids[demo.mentee]];
  if (await db.mentorPairing.findFirst({ where: { mentorId, menteeId } })) return false;
  const lastCheckIn = Math.min(...demo.checkIns.map((checkIn) => checkIn.daysAgo));
  const post = demo.studyPostTitle
    ? await db.knowledgePost.findFirst({ where: { title: demo.studyPostTitle } })
    : null;
  await db.$transaction(async (tx) => {
    const pairing = await tx.mentorPairing.create({
      data: {
        mentorId,
        menteeId,
        status: demo.status,
        goals: demo.goals.join("\n"),
        startsOn: dateIn(now, -demo.startedDaysAgo),
        expectedEndOn: dateIn(now, 90 - demo.startedDaysAgo),
        cadenceDays: demo.cadenceDays,
        lastCheckInOn: dateIn(now, -lastCheckIn),
        createdById: ids.ada,
        completedAt: demo.status === "COMPLETED" ? new Date(now - 30 * DAY) : null,
        createdAt: new Date(now - demo.startedDaysAgo * DAY),
        goalItems: {
          create: demo.goals.map((title, position) => ({
            title,
            position,
            progress: demo.progress[position] ?? 0,
          })),
        },
        checkIns: {
          create: demo.checkIns.map((checkIn) => ({
            authorId: ids[checkIn.author],
            heldOn: dateIn(now, -checkIn.daysAgo),
            notes: checkIn.notes,
            nextSteps: checkIn.nextSteps,
          })),
        },
        reflections: {
          create: (demo.reflections ?? []).map((reflection) => ({
            userId: ids[reflection.who],
            learned: reflection.learned,
            nextSteps: reflection.nextSteps,
          })),
        },
      },
    });
    if (post) {
      await tx.pairingLink.create({
        data: { pairingId: pairing.id, postId: post.id, addedById: mentorId, note: "Read first" },
      });
    }
    await tx.mentorRequest.create({
      data: {
        menteeId,
        status: "MATCHED",
        pairingId: pairing.id,
        createdAt: new Date(now - (demo.startedDaysAgo + 5) * DAY),
        resolvedAt: new Date(now - demo.startedDaysAgo * DAY),
      },
    });
  });
  return true;
}

/** Adds the demo mentoring programme; does nothing without the demo members. */
export async function seedDemoMentorship(
  db: Database,
  options: { log?: (line: string) => void; now?: Date } = {},
) {
  const ids = await findDemoMembers(db);
  if (!ids) {
    options.log?.("Demo mentoring skipped: the demo members are missing.");
    return;
  }
  const now = (options.now ?? new Date()).getTime();
  for (const profile of PROFILES) {
    const data = {
      openToMentor: profile.openToMentor !== undefined,
      maxMentees: profile.openToMentor ?? 1,
      wantsMentor: profile.wantsMentor ?? false,
      goals: profile.goals ?? "",
    };
    const userId = ids[profile.who];
    await db.mentorshipProfile.upsert({
      where: { userId },
      update: {},
      create: { userId, ...data },
    });
  }
  let created = 0;
  for (const demo of PAIRINGS) if (await seedPairing(db, demo, ids, now)) created += 1;
  for (const waiting of WAITING) {
    const menteeId = ids[waiting.who];
    if (await db.mentorRequest.findFirst({ where: { menteeId } })) continue;
    await db.mentorRequest.create({
      data: { menteeId, note: waiting.note, createdAt: new Date(now - waiting.daysAgo * DAY) },
    });
    created += 1;
  }
  options.log?.(
    created
      ? `Demo mentoring ready: ${created} pairings and requests added.`
      : "Demo mentoring already present: nothing added.",
  );
}
