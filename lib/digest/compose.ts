// Turns the rows read for a batch (./load.ts) into each member's digest: formatted, linked
// items per section, in the member's time zone, and the subject. Pure: no database.
import { formatDateTime } from "@/lib/core/date-format";
import { plural } from "@/lib/core/format";
import { absoluteUrl } from "@/lib/core/mail/links";
import { formatSessionTime } from "@/lib/core/zoned-time";
import type {
  FollowedRow,
  NotificationRow,
  QuestionRow,
  RecognitionRow,
  Recipient,
  SessionRow,
} from "./load";
import { ITEMS_PER_SECTION } from "./load";
import type { DigestFrequency } from "./period";

export interface DigestLine {
  text: string;
  url: string;
  detail?: string;
}

export interface Digest {
  recipient: Recipient;
  frequency: DigestFrequency;
  subject: string;
  preview: string;
  /** "1 Dec 2026, 08:05 – 8 Dec 2026, 08:05 (Europe/Paris)". */
  periodLabel: string;
  followed: { lines: DigestLine[]; total: number };
  questions: { lines: DigestLine[]; total: number };
  sessions: { lines: DigestLine[] };
  recognitions: { lines: DigestLine[] };
  notifications: { lines: DigestLine[]; ids: string[] };
}

/** A rendered pending notification (text and site path), with what it points at. */
export interface PendingNotification {
  id: string;
  text: string;
  href: string;
  createdAt: Date;
}

export interface MemberRows {
  followed: FollowedRow[];
  questions: QuestionRow[];
  /** The member's own sessions (userId set) and the open ones new in the period (userId null). */
  sessions: SessionRow[];
  recognitions: RecognitionRow[];
  notifications: PendingNotification[];
}

const discussionUrl = (id: string) => absoluteUrl(`/discussions/${id}`);
const postUrl = (id: string) => absoluteUrl(`/posts/${id}`);

function followedLine(row: FollowedRow, since: Date): DigestLine {
  if (row.kind === "post") {
    return { text: row.title, url: postUrl(row.id), detail: `new post in ${row.via}` };
  }
  const what = row.question ? "question" : "discussion";
  const isNew = row.createdAt.getTime() >= since.getTime();
  const replies = plural(row.replyCount, "reply", "replies");
  return {
    text: row.title,
    url: discussionUrl(row.id),
    detail: isNew
      ? `new ${what} in ${row.via}${row.replyCount ? `, ${replies}` : ""}`
      : `active ${what} in ${row.via}, ${replies}`,
  };
}

const SESSION_ROLES: Record<string, string | undefined> = {
  HOST: "you are hosting",
  GOING: "you are going",
  WAITLISTED: "you are on the waitlist",
  OPEN: "new, seats available",
};

function sessionLines(rows: SessionRow[], timeZone: string): DigestLine[] {
  const seen = new Set<string>();
  // The member's own sessions first (hosting, going, waitlisted), then open ones.
  const ordered = [...rows.filter((r) => r.userId), ...rows.filter((r) => !r.userId)];
  const lines: DigestLine[] = [];
  for (const row of ordered) {
    if (seen.has(row.id)) continue;
    const role = SESSION_ROLES[row.role];
    if (!role) continue; // NOT_GOING
    seen.add(row.id);
    lines.push({
      text: row.title,
      url: absoluteUrl(`/sessions/${row.id}`),
      detail: `${formatSessionTime(row.startsAt, row.endsAt, timeZone)} · ${role}`,
    });
  }
  return lines.slice(0, ITEMS_PER_SECTION);
}

/** The tag or community most of the followed items came through. */
function topSource(rows: FollowedRow[]): { name: string; count: number } | null {
  let best: { name: string; count: number } | null = null;
  for (const row of rows) {
    if (!best || row.viaCount > best.count) best = { name: row.via, count: row.viaCount };
  }
  return best;
}

function subjectOf(
  frequency: DigestFrequency,
  rows: MemberRows,
  digest: Omit<Digest, "subject" | "preview">,
) {
  const parts: string[] = [];
  const source = topSource(rows.followed);
  if (source) parts.push(`${source.count} new in ${source.name}`);
  if (digest.questions.total) {
    parts.push(`${plural(digest.questions.total, "question", "questions")} you could answer`);
  }
  if (digest.recognitions.lines.length) {
    parts.push(plural(digest.recognitions.lines.length, "recognition", "recognitions"));
  }
  if (digest.notifications.ids.length) {
    parts.push(plural(digest.notifications.ids.length, "notification", "notifications"));
  }
  const newSessions = rows.sessions.filter((r) => r.role === "OPEN").length;
  if (newSessions) parts.push(`${plural(newSessions, "new session", "new sessions")}`);
  const label = frequency === "WEEKLY" ? "weekly" : "daily";
  return `Your ${label} digest: ${parts.slice(0, 2).join(", ")}`;
}

/** The member's digest, or null when nothing is new (no mail then). */
export function composeDigest(
  recipient: Recipient,
  frequency: DigestFrequency,
  period: { since: Date; until: Date },
  rows: MemberRows,
): Digest | null {
  const followedIds = new Set(rows.followed.map((row) => row.id));
  // A question already listed under the followed tags is not listed twice.
  const questions = rows.questions.filter((row) => !followedIds.has(row.id));
  const newSessions = rows.sessions.some((row) => row.role === "OPEN");
  const news =
    rows.followed.length + questions.length + rows.recognitions.length + rows.notifications.length;
  if (news === 0 && !newSessions) return null;
  const zone = recipient.timeZone;
  const body = {
    recipient,
    frequency,
    periodLabel: `${formatDateTime(period.since, zone)} – ${formatDateTime(period.until, zone)} (${zone})`,
    followed: {
      lines: rows.followed.map((row) => followedLine(row, period.since)),
      total: rows.followed[0]?.total ?? 0,
    },
    questions: {
      lines: questions.map((row) => ({
        text: row.title,
        url: discussionUrl(row.id),
        detail: `you can teach ${row.skillName} · ${row.replyCount ? plural(row.replyCount, "reply", "replies") : "no replies yet"}`,
      })),
      total: Math.max(
        0,
        (rows.questions[0]?.total ?? 0) - (rows.questions.length - questions.length),
      ),
    },
    sessions: { lines: sessionLines(rows.sessions, zone) },
    recognitions: {
      lines: rows.recognitions.slice(0, ITEMS_PER_SECTION).map((row) => ({
        text: `${row.giverName} recognised you for “${row.valueName}”`,
        url: absoluteUrl(`/recognition/${row.id}`),
        detail: formatDateTime(row.createdAt, zone),
      })),
    },
    notifications: {
      lines: rows.notifications.slice(0, ITEMS_PER_SECTION).map((n) => ({
        text: n.text,
        url: absoluteUrl(n.href),
        detail: formatDateTime(n.createdAt, zone),
      })),
      ids: rows.notifications.map((n) => n.id),
    },
  };
  const subject = subjectOf(frequency, rows, body);
  return { ...body, subject, preview: subject.replace(/^Your (weekly|daily) digest: /, "") };
}

/** Rows of a batch grouped by member. */
export function byMember<Row>(rows: readonly Row[], userOf: (row: Row) => string | null) {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) {
    const userId = userOf(row);
    if (userId === null) continue;
    const list = grouped.get(userId) ?? [];
    list.push(row);
    grouped.set(userId, list);
  }
  return grouped;
}

export type { NotificationRow };
