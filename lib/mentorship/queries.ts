// Page loaders for the pair's space and the member's own mentorships. A space is private to
// its mentor, its mentee and admins: anyone else (leaders included) is told it was not found,
// so that not even its existence shows.
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import { db } from "@/lib/core/db/client";
import { NotFound } from "@/lib/core/forms/errors";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import { parseDateInput, toDateInput } from "@/lib/core/dates";
import { canOpenPairing, isPairMember, THE_PAIRING } from "./access";
import { nextCheckInDue, pairingHealth, type HealthInput, type PairingHealth } from "./health";

export interface PersonRef {
  id: string;
  name: string;
}

export interface PairingLinkItem {
  id: string;
  type: "post" | "session";
  href: string;
  title: string;
  note: string;
  /** Null when the member who added it has since been removed. */
  addedByName: string | null;
}

export interface PairingSpace {
  id: string;
  status: PairingStatus;
  goals: string;
  startsOn: Date;
  expectedEndOn: Date | null;
  cadenceDays: number;
  lastCheckInOn: Date | null;
  health: PairingHealth;
  /** When the next check-in is due; null unless the pairing is active. */
  nextCheckInDue: Date | null;
  pausedAt: Date | null;
  completedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
  /** A member's request to end it, until an admin acts on it. */
  endRequest: { at: Date; byName: string | null; reason: string | null } | null;
  mentor: PersonRef;
  mentee: PersonRef;
  goalItems: { id: string; title: string; progress: number }[];
  links: PairingLinkItem[];
  reflections: { userId: string; name: string; learned: string; nextSteps: string }[];
  viewer: {
    isMember: boolean;
    isAdmin: boolean;
    /** The other member of the pair, for a member looking; `active` for recognition's rule. */
    otherMember: (PersonRef & { active: boolean }) | null;
  };
}

/** The next check-in's day for an active pairing; paused and closed ones have none. */
export function dueDateOf(pairing: HealthInput): Date | null {
  return pairing.status === "ACTIVE" ? nextCheckInDue(pairing) : null;
}

const person = { select: { id: true, name: true } } as const;
const personWithStatus = { select: { id: true, name: true, status: true } } as const;

const withActive = (member: { id: string; name: string; status: string }) => ({
  id: member.id,
  name: member.name,
  active: member.status === "ACTIVE",
});

/** The pairing's members, or "not found" for someone who may not open it. */
async function visiblePairing(actor: Actor, id: string) {
  const pairing = await db.mentorPairing.findUnique({
    where: { id },
    select: { id: true, mentorId: true, menteeId: true },
  });
  if (!pairing || !canOpenPairing(actor, pairing)) throw new NotFound(THE_PAIRING);
  return pairing;
}

const isPublicPost = (post: { status: string; deletedAt: Date | null; hiddenAt: Date | null }) =>
  post.status === "PUBLISHED" && !post.deletedAt && !post.hiddenAt;

/** The pair's space: the pairing, its goals, links and reflections, and who is looking. */
export async function getPairingSpace(actor: Actor, id: string): Promise<PairingSpace> {
  if (!idSchema.safeParse(id).success) throw new NotFound(THE_PAIRING);
  const row = await db.mentorPairing.findUnique({
    where: { id },
    include: {
      mentor: personWithStatus,
      mentee: personWithStatus,
      goalItems: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: { id: true, title: true, progress: true },
      },
      links: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          note: true,
          addedBy: { select: { name: true } },
          post: {
            select: {
              id: true,
              title: true,
              status: true,
              deletedAt: true,
              hiddenAt: true,
              authorId: true,
            },
          },
          session: { select: { id: true, title: true } },
        },
      },
      reflections: {
        orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
        select: { userId: true, learned: true, nextSteps: true, user: { select: { name: true } } },
      },
    },
  });
  if (!row || !canOpenPairing(actor, row)) throw new NotFound(THE_PAIRING);

  const endRequester = row.endRequestedById
    ? await db.user.findUnique({ where: { id: row.endRequestedById }, select: { name: true } })
    : null;

  const links: PairingLinkItem[] = [];
  for (const link of row.links) {
    const common = { id: link.id, note: link.note, addedByName: link.addedBy?.name ?? null };
    if (link.post) {
      // A post that was hidden, deleted or unpublished since stays visible to its author only.
      if (!isPublicPost(link.post) && link.post.authorId !== actor.id) continue;
      links.push({
        ...common,
        type: "post",
        href: `/posts/${link.post.id}`,
        title: link.post.title,
      });
    } else if (link.session) {
      links.push({
        ...common,
        type: "session",
        href: `/sessions/${link.session.id}`,
        title: link.session.title,
      });
    }
  }

  const isMember = isPairMember(actor, row);
  return {
    id: row.id,
    status: row.status,
    goals: row.goals,
    startsOn: row.startsOn,
    expectedEndOn: row.expectedEndOn,
    cadenceDays: row.cadenceDays,
    lastCheckInOn: row.lastCheckInOn,
    health: pairingHealth(row),
    nextCheckInDue: dueDateOf(row),
    pausedAt: row.pausedAt,
    completedAt: row.completedAt,
    endedAt: row.endedAt,
    endReason: row.endReason,
    endRequest: row.endRequestedAt
      ? {
          at: row.endRequestedAt,
          byName: endRequester?.name ?? null,
          reason: row.endRequestReason,
        }
      : null,
    mentor: { id: row.mentor.id, name: row.mentor.name },
    mentee: { id: row.mentee.id, name: row.mentee.name },
    goalItems: row.goalItems,
    links,
    reflections: row.reflections.map(({ user, ...reflection }) => ({
      ...reflection,
      name: user.name,
    })),
    viewer: {
      isMember,
      isAdmin: hasPermission(actor.role, "read:pairing:any"),
      otherMember: !isMember
        ? null
        : withActive(actor.id === row.mentorId ? row.mentee : row.mentor),
    },
  };
}

export interface CheckInItem {
  id: string;
  heldOn: Date;
  notes: string;
  nextSteps: string;
  /** Null when the member who logged it has since been removed. */
  authorName: string | null;
}

export const CHECK_INS_PAGE_SIZE = DEFAULT_PAGE_SIZE;

const checkInKey = z.tuple([
  z.string().refine((value) => parseDateInput(value) !== null),
  idSchema,
]);

/** The pairing's check-ins, newest first, keyset paginated on (heldOn, id). */
export async function listCheckIns(
  actor: Actor,
  pairingId: string,
  cursor?: string | null,
): Promise<Page<CheckInItem>> {
  if (!idSchema.safeParse(pairingId).success) throw new NotFound(THE_PAIRING);
  await visiblePairing(actor, pairingId);
  const after = cursor ? decodeCursorOrThrow(cursor, checkInKey) : null;
  const afterDay = after ? parseDateInput(after[0])! : null;
  const rows = await db.pairingCheckIn.findMany({
    where: {
      pairingId,
      ...(after && afterDay
        ? { OR: [{ heldOn: { lt: afterDay } }, { heldOn: afterDay, id: { lt: after[1] } }] }
        : {}),
    },
    orderBy: [{ heldOn: "desc" }, { id: "desc" }],
    take: CHECK_INS_PAGE_SIZE + 1,
    select: {
      id: true,
      heldOn: true,
      notes: true,
      nextSteps: true,
      author: { select: { name: true } },
    },
  });
  const page = toPage(rows, CHECK_INS_PAGE_SIZE, (row) => [toDateInput(row.heldOn), row.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ author, ...row }) => ({ ...row, authorName: author?.name ?? null })),
  };
}

export interface PairingSummary {
  id: string;
  status: PairingStatus;
  health: PairingHealth;
  otherMember: PersonRef;
  startsOn: Date;
  /** Null unless the pairing is active. */
  nextCheckInDue: Date | null;
  lastCheckInOn: Date | null;
}

export interface MyMentorships {
  asMentor: PairingSummary[];
  asMentee: PairingSummary[];
  /** The member's own request for a mentor while it waits in the admins' queue. */
  waitingRequest: { id: string; note: string; createdAt: Date } | null;
}

const OPEN_FIRST: Record<PairingStatus, number> = { ACTIVE: 0, PAUSED: 0, COMPLETED: 1, ENDED: 1 };

/** The member's pairings as mentor and as mentee (open ones first, then newest start). */
export async function myMentorships(actor: Actor): Promise<MyMentorships> {
  authorize(actor, "read:pairing:own");
  const [rows, waitingRequest] = await Promise.all([
    db.mentorPairing.findMany({
      where: { OR: [{ mentorId: actor.id }, { menteeId: actor.id }] },
      orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      include: { mentor: person, mentee: person },
    }),
    db.mentorRequest.findFirst({
      where: { menteeId: actor.id, status: "WAITING" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, note: true, createdAt: true },
    }),
  ]);
  // A stable sort keeps the newest-start order inside each group.
  rows.sort((a, b) => OPEN_FIRST[a.status] - OPEN_FIRST[b.status]);
  const summary = (row: (typeof rows)[number], other: PersonRef): PairingSummary => ({
    id: row.id,
    status: row.status,
    health: pairingHealth(row),
    otherMember: other,
    startsOn: row.startsOn,
    nextCheckInDue: dueDateOf(row),
    lastCheckInOn: row.lastCheckInOn,
  });
  return {
    asMentor: rows.filter((row) => row.mentorId === actor.id).map((r) => summary(r, r.mentee)),
    asMentee: rows.filter((row) => row.menteeId === actor.id).map((r) => summary(r, r.mentor)),
    waitingRequest,
  };
}
