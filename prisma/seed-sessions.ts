// Demo sessions for a first run: two upcoming sessions (one full, with a waitlist), a past
// retrospective with notes, action items, attendance and feedback (one rating anonymous), and
// two topic proposals with votes. Written by the demo members of ./seed-data.ts. Idempotent:
// a session or proposal whose title exists is left alone. It writes no notifications.
import { randomUUID } from "node:crypto";
import { shuffled } from "@/lib/core/anonymity/shuffle";
import type { Database } from "@/lib/core/db/create-client";
import type { SessionFormat } from "@/lib/generated/prisma/enums";
import { DEMO_MEMBER_EMAILS, type Who } from "./seed-content";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Noon UTC, `days` from `now`'s date. */
function noonIn(now: number, days: number): Date {
  const date = new Date(now + days * DAY);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12));
}

interface DemoSession {
  title: string;
  format: SessionFormat;
  description: string;
  days: number;
  capacity: number | null;
  location: string;
  hosts: Who[];
  going: Who[];
  waitlisted?: Who[];
  goals?: string;
  openQuestions?: string;
  notes?: { summary: string; takeaways: string; attended: Who[] };
  actionItems?: { title: string; owner: Who; dueInDays: number; done?: boolean }[];
  feedback?: { who: Who; rating: number; comment: string; anonymous: boolean }[];
}

const DEMO_SESSIONS: DemoSession[] = [
  {
    title: "Lunch-and-learn: feature flags without fear",
    format: "LUNCH_AND_LEARN",
    description:
      "How we ship unfinished work safely behind flags, and how we clean the flags up again.",
    days: 3,
    capacity: 12,
    location: "Room 4 and online",
    hosts: ["priya"],
    going: ["sam", "lucia"],
    goals: "- Everyone can add a flag\n- Everyone knows when to remove one",
    openQuestions: "When is a flag too old? Who owns its removal?",
  },
  {
    title: "Book club: Inclusive Design Patterns, chapters 1 and 2",
    format: "BOOK_CLUB",
    description: "We read the first two chapters and bring one idea we want to try.",
    days: 10,
    capacity: 3,
    location: "Library corner",
    hosts: ["grace"],
    going: ["aiko", "sam", "tomas"],
    waitlisted: ["jonas"],
  },
  {
    title: "Retrospective: what our last incident taught us",
    format: "RETROSPECTIVE",
    description:
      "A blameless look at the payment outage: what happened, what helped, what we change.",
    days: -6,
    capacity: null,
    location: "Room 2",
    hosts: ["leo"],
    going: ["mia", "priya", "tomas", "jonas", "sam"],
    notes: {
      summary:
        "We walked through the timeline and agreed on three changes to how we page and hand over.",
      takeaways:
        "- Runbooks beat memory\n- Say out loud when you are stuck\n- Hand over in writing",
      attended: ["mia", "priya", "tomas", "jonas", "sam"],
    },
    actionItems: [
      { title: "Write the runbook for payment retries", owner: "mia", dueInDays: 7 },
      {
        title: "Add the hand-over template to the wiki",
        owner: "tomas",
        dueInDays: -2,
        done: true,
      },
    ],
    feedback: [
      { who: "priya", rating: 5, comment: "It felt safe to say what went wrong.", anonymous: true },
      { who: "jonas", rating: 3, comment: "Good talk; the timeline ran long.", anonymous: true },
      { who: "sam", rating: 4, comment: "I'd like the runbook drafts shared.", anonymous: true },
      {
        who: "tomas",
        rating: 4,
        comment: "Useful; let's do this after every incident.",
        anonymous: false,
      },
    ],
  },
];

const DEMO_PROPOSALS = [
  {
    title: "Writing architecture decision records that people read",
    why: "We make big decisions in meetings and forget why six months later.",
    proposer: "tomas" as Who,
    willHost: true,
    voters: ["mia", "priya", "aiko"] as Who[],
  },
  {
    title: "Property-based testing in an afternoon",
    why: "It found two bugs in my side project that example tests missed.",
    proposer: "aiko" as Who,
    willHost: false,
    voters: ["sam"] as Who[],
  },
];

export async function findDemoMembers(db: Database): Promise<Record<Who, string> | null> {
  const rows = await db.user.findMany({
    where: { email: { in: Object.values(DEMO_MEMBER_EMAILS) } },
    select: { id: true, email: true },
  });
  if (rows.length < Object.keys(DEMO_MEMBER_EMAILS).length) return null;
  const idOf = new Map(rows.map((row) => [row.email, row.id]));
  return Object.fromEntries(
    Object.entries(DEMO_MEMBER_EMAILS).map(([who, email]) => [who, idOf.get(email)!]),
  ) as Record<Who, string>;
}

async function seedSession(db: Database, demo: DemoSession, ids: Record<Who, string>, now: number) {
  if (await db.learningSession.findFirst({ where: { title: demo.title } })) return false;
  const startsAt = noonIn(now, demo.days);
  const past = demo.days < 0;
  await db.$transaction(async (tx) => {
    const session = await tx.learningSession.create({
      data: {
        title: demo.title,
        format: demo.format,
        description: demo.description,
        startsAt,
        endsAt: new Date(startsAt.getTime() + HOUR),
        location: demo.location,
        capacity: demo.capacity,
        goingCount: demo.going.length,
        goals: demo.goals ?? "",
        openQuestions: demo.openQuestions ?? "",
        status: past ? "COMPLETED" : "SCHEDULED",
        completedAt: past ? new Date(startsAt.getTime() + HOUR) : null,
        scheduledById: ids.leo,
        summary: demo.notes?.summary ?? null,
        takeaways: demo.notes?.takeaways ?? null,
        notesUpdatedAt: demo.notes ? new Date(startsAt.getTime() + 2 * HOUR) : null,
        hosts: { create: demo.hosts.map((who, position) => ({ userId: ids[who], position })) },
      },
    });
    const attended = new Set(demo.notes?.attended ?? []);
    await tx.sessionRsvp.createMany({
      data: [
        ...demo.going.map((who) => ({
          sessionId: session.id,
          userId: ids[who],
          status: "GOING" as const,
          attendedAt: attended.has(who) ? startsAt : null,
        })),
        ...(demo.waitlisted ?? []).map((who, index) => ({
          sessionId: session.id,
          userId: ids[who],
          status: "WAITLISTED" as const,
          waitlistedAt: new Date(now - DAY + index * 1000),
        })),
      ],
    });
    await tx.sessionActionItem.createMany({
      data: (demo.actionItems ?? []).map((item) => ({
        sessionId: session.id,
        ownerId: ids[item.owner],
        title: item.title,
        dueOn: noonIn(now, item.dueInDays),
        doneAt: item.done ? new Date(now - DAY) : null,
      })),
    });
    // As the app writes them: the receipts, then the ratings, the anonymous ones as one
    // released group in random order (lib/sessions/after/anonymous-feedback.ts).
    const feedback = demo.feedback ?? [];
    await tx.sessionFeedbackReceipt.createMany({
      data: feedback.map((rating) => ({ sessionId: session.id, userId: ids[rating.who] })),
    });
    const named = feedback.filter((rating) => !rating.anonymous);
    const anonymous = shuffled(feedback.filter((rating) => rating.anonymous));
    await tx.sessionFeedback.createMany({
      data: [...named, ...anonymous].map((rating) => ({
        id: randomUUID(),
        sessionId: session.id,
        authorId: rating.anonymous ? null : ids[rating.who],
        rating: rating.rating,
        comment: rating.comment,
        createdOn: noonIn(now, demo.days),
      })),
    });
  });
  return true;
}

async function seedProposal(
  db: Database,
  demo: (typeof DEMO_PROPOSALS)[number],
  ids: Record<Who, string>,
) {
  if (await db.topicProposal.findFirst({ where: { title: demo.title } })) return false;
  await db.topicProposal.create({
    data: {
      title: demo.title,
      why: demo.why,
      proposerId: ids[demo.proposer],
      willHost: demo.willHost,
      voteCount: demo.voters.length,
      votes: { create: demo.voters.map((who) => ({ userId: ids[who] })) },
    },
  });
  return true;
}

/** Adds the demo sessions and proposals; does nothing without the demo members. */
export async function seedDemoSessions(
  db: Database,
  options: { log?: (line: string) => void; now?: Date } = {},
) {
  const ids = await findDemoMembers(db);
  if (!ids) {
    options.log?.("Demo sessions skipped: the demo members are missing.");
    return;
  }
  const now = (options.now ?? new Date()).getTime();
  let created = 0;
  for (const demo of DEMO_SESSIONS) if (await seedSession(db, demo, ids, now)) created += 1;
  for (const demo of DEMO_PROPOSALS) if (await seedProposal(db, demo, ids)) created += 1;
  options.log?.(
    created
      ? `Demo sessions ready: ${created} sessions and topic proposals added.`
      : "Demo sessions already present: nothing added.",
  );
}
