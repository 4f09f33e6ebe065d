// Sending one job's batch of digests: everything is read again now (./load.ts re-applies the
// privacy rules at send time), each member's digest is composed and mailed, and what went out
// is marked (the period's "sent" key and the pending notifications' emailedAt), so a retry
// of the job skips those already sent.
import { db } from "@/lib/core/db/client";
import { sql, sqlb } from "@/lib/core/db/typed-sql";
import { absoluteUrl } from "@/lib/core/mail/links";
import { sendMail } from "@/lib/core/mail/send";
import type { EmailFrequency } from "@/lib/generated/prisma/client";
import {
  DEFAULT_EMAIL,
  MAIL_ONLY_KINDS,
  PREFERENCE_KINDS,
  isPreferenceKind,
  type PreferenceKind,
} from "@/lib/notifications/preferences";
import { byMember, composeDigest, type Digest, type PendingNotification } from "./compose";
import { DigestMail } from "./email/digest";
import { renderNotification } from "@/lib/notifications/kinds";
import {
  activeRecipients,
  alreadySent,
  followedContent,
  pendingNotifications,
  questionsToAnswer,
  recognitionsOf,
  storedPreferences,
  upcomingSessions,
  type NotificationRow,
  type Recipient,
} from "./load";
import { digestKey, localClock, periodStart, sentKey, type DigestFrequency } from "./period";
import type { SendDigestsJob } from "./queues";

const NOTIFICATION_KINDS = PREFERENCE_KINDS.filter(
  (kind) => !(MAIL_ONLY_KINDS as readonly string[]).includes(kind),
);
const IN_DIGEST: readonly EmailFrequency[] = ["DAILY", "WEEKLY"];

interface MemberChoices {
  digest: EmailFrequency;
  /** Notification kinds the member gets by digest. */
  digestKinds: Set<string>;
}

function choicesOf(
  userIds: readonly string[],
  stored: { userId: string; kind: string; email: EmailFrequency }[],
): Map<string, MemberChoices> {
  const overrides = byMember(stored, (row) => row.userId);
  return new Map(
    userIds.map((userId) => {
      const choice: Record<string, EmailFrequency> = { ...DEFAULT_EMAIL };
      for (const row of overrides.get(userId) ?? []) {
        if (isPreferenceKind(row.kind)) choice[row.kind] = row.email;
      }
      const digestKinds = new Set(
        NOTIFICATION_KINDS.filter((kind: PreferenceKind) => IN_DIGEST.includes(choice[kind]!)),
      );
      return [userId, { digest: choice.digest!, digestKinds }];
    }),
  );
}

/**
 * Pending notifications as digest lines: only kinds the member gets by digest (the rows are
 * already only those whose content the member may still see: ./load.ts).
 */
function renderPending(
  rows: NotificationRow[],
  choices: Map<string, MemberChoices>,
): Map<string, PendingNotification[]> {
  const wanted = rows.filter((row) => choices.get(row.recipientId)?.digestKinds.has(row.kind));
  const shown = wanted.map((row) => {
    const { text, href } = renderNotification(row.kind, row.data, { actorName: row.actorName });
    return { recipientId: row.recipientId, id: row.id, text, href, createdAt: row.createdAt };
  });
  return byMember(shown, (row) => row.recipientId);
}

function mailOf(digest: Digest) {
  const weekly = digest.frequency === "WEEKLY";
  return {
    to: {
      address: digest.recipient.email,
      name: digest.recipient.name,
      userId: digest.recipient.id,
    },
    kind: weekly ? "digest.weekly" : "digest.daily",
    subject: digest.subject,
    unsubscribeScope: "digest",
    body: ({ unsubscribeUrl, organisation }: { unsubscribeUrl?: string; organisation: string }) => (
      <DigestMail
        organisation={organisation}
        heading={weekly ? "Your week in the community" : "Your day in the community"}
        preview={digest.preview}
        periodLabel={digest.periodLabel}
        homeUrl={absoluteUrl("/")}
        preferencesUrl={absoluteUrl("/account")}
        unsubscribeUrl={unsubscribeUrl}
        reason={`You get this ${weekly ? "weekly" : "daily"} digest because of your email preferences: it lists what is new in the tags you follow and what you could help with.`}
        sections={[
          {
            title: "New in the tags you follow",
            lines: digest.followed.lines,
            more: digest.followed.total - digest.followed.lines.length,
          },
          {
            title: "Questions you could answer",
            lines: digest.questions.lines,
            more: digest.questions.total - digest.questions.lines.length,
          },
          { title: "Recognition", lines: digest.recognitions.lines },
          { title: "Coming up", lines: digest.sessions.lines },
          {
            title: "Your notifications",
            lines: digest.notifications.lines,
            more: digest.notifications.ids.length - digest.notifications.lines.length,
          },
        ]}
      />
    ),
  };
}

/** Records the digest as sent and its notifications as mailed (one statement). */
async function markSent(key: string, notificationIds: string[]): Promise<void> {
  const now = sql<Date>`(${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const insertKey = sqlb
    .insertInto("ScheduledMailKey")
    .values({ key })
    .onConflict((conflict) => conflict.column("key").doNothing());
  const query = notificationIds.length
    ? sqlb
        .with("sent", () => insertKey)
        .updateTable("Notification")
        .set({ emailedAt: now })
        .where("id", "in", notificationIds)
        .where("emailedAt", "is", null)
    : insertKey;
  const compiled = query.compile();
  await db.$executeRawUnsafe(compiled.sql, ...compiled.parameters);
}

export interface SendResult {
  sent: number;
  empty: number;
  skipped: number;
  failed: number;
}

interface Due {
  recipient: Recipient;
  key: string;
}

/** Members still due this digest: active, still choosing this frequency, not yet sent. */
async function dueRecipients(
  job: SendDigestsJob,
  until: Date,
): Promise<{ due: Due[]; choices: Map<string, MemberChoices> }> {
  const [recipients, stored] = await Promise.all([
    activeRecipients(job.userIds),
    storedPreferences(job.userIds),
  ]);
  const choices = choicesOf(job.userIds, stored);
  const wanting = recipients
    .filter((r) => choices.get(r.id)?.digest === job.frequency)
    .map((recipient) => ({
      recipient,
      key: digestKey(job.frequency, recipient.id, localClock(until, recipient.timeZone).date),
    }));
  if (wanting.length === 0) return { due: [], choices };
  const sent = await alreadySent(wanting.map((w) => sentKey(w.key)));
  return { due: wanting.filter((w) => !sent.has(sentKey(w.key))), choices };
}

/** Builds and sends one job's digests; throws (to retry) when a mail could not be sent. */
export async function sendDigests(
  job: SendDigestsJob,
  context: { finalAttempt: boolean } = { finalAttempt: false },
): Promise<SendResult> {
  const frequency: DigestFrequency = job.frequency;
  const until = new Date(job.until);
  const period = { since: periodStart(frequency, until), until };
  const { due, choices } = await dueRecipients(job, until);
  const result: SendResult = {
    sent: 0,
    empty: 0,
    skipped: job.userIds.length - due.length,
    failed: 0,
  };
  if (due.length === 0) return result;
  const ids = due.map((d) => d.recipient.id);
  const kinds = [...new Set(ids.flatMap((id) => [...choices.get(id)!.digestKinds]))];
  const [followed, questions, sessions, recognitions, notifications] = await Promise.all([
    followedContent(ids, period),
    questionsToAnswer(ids, period),
    upcomingSessions(ids, period),
    recognitionsOf(ids, period),
    pendingNotifications(ids, kinds, until),
  ]);
  const pending = renderPending(notifications, choices);
  const grouped = {
    followed: byMember(followed, (r) => r.userId),
    questions: byMember(questions, (r) => r.userId),
    sessions: byMember(sessions, (r) => r.userId),
    recognitions: byMember(recognitions, (r) => r.userId),
  };
  const openSessions = sessions.filter((row) => row.userId === null);
  for (const { recipient, key } of due) {
    const digest = composeDigest(recipient, frequency, period, {
      followed: grouped.followed.get(recipient.id) ?? [],
      questions: grouped.questions.get(recipient.id) ?? [],
      sessions: [...(grouped.sessions.get(recipient.id) ?? []), ...openSessions],
      recognitions: grouped.recognitions.get(recipient.id) ?? [],
      notifications: pending.get(recipient.id) ?? [],
    });
    if (!digest) {
      result.empty++;
      continue;
    }
    try {
      await sendMail(mailOf(digest), context);
      await markSent(sentKey(key), digest.notifications.ids);
      result.sent++;
    } catch (error) {
      result.failed++;
      if (process.env.NODE_ENV !== "test") {
        console.error(`[digest] ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (result.failed > 0) {
    throw new Error(`${result.failed} of ${due.length} digests could not be sent; retrying them.`);
  }
  return result;
}
