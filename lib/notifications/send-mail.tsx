// The "immediately" mail job of one member: everything they get right away that is still
// unread and not yet mailed goes out as ONE message, after the batching window.
import { db } from "@/lib/core/db/client";
import { formatDateTime } from "@/lib/core/date-format";
import { enqueue } from "@/lib/core/jobs/enqueue";
import type { JobContext } from "@/lib/core/jobs/worker";
import { absoluteUrl } from "@/lib/core/mail/links";
import { sendMail } from "@/lib/core/mail/send";
import { getSetting } from "@/lib/core/settings/queries";
import { NotificationMail } from "./email/notification-mail";
import { NOTIFICATION_KINDS, renderNotification, type NotificationKind } from "./kinds";
import { PREFERENCE_LABELS } from "./labels";
import { notificationMailQueue } from "./mail-queue";
import { stillVisible } from "./mail-access";
import { preferencesOf } from "./preferences";

/** At most this many notification mails per member per hour; the rest wait for the next hour. */
export const NOTIFICATION_MAILS_PER_HOUR = 6;
/** At most this many notifications in one mail; more go in the next one. */
const ITEMS_PER_MAIL = 20;
const HOUR_MS = 60 * 60 * 1000;
/**
 * Only notifications this recent are mailed at once: a member's unread notifications from
 * before they chose "immediately" (or from before mail existed) must not arrive in a heap.
 */
const LOOKBACK_MS = 24 * HOUR_MS;

// Private feedback and a mentorship pair's space are never put in mail: a fixed line and a link.
const PRIVATE_TEXT: Partial<Record<NotificationKind, string>> = {
  "private_feedback.received": "You have new private feedback",
};

type Waiting = Awaited<ReturnType<typeof waitingNotifications>>[number];

async function immediateKinds(memberId: string): Promise<NotificationKind[]> {
  const preferences = await preferencesOf(db, memberId);
  return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).filter(
    (kind) => preferences[kind] === "IMMEDIATE",
  );
}

function waitingNotifications(memberId: string, kinds: NotificationKind[], now: Date) {
  return db.notification.findMany({
    where: {
      recipientId: memberId,
      readAt: null,
      emailedAt: null,
      kind: { in: kinds },
      createdAt: { gte: new Date(now.getTime() - LOOKBACK_MS) },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: ITEMS_PER_MAIL + 1,
    select: {
      id: true,
      kind: true,
      data: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  });
}

/** When the member may get their next notification mail, or null when they may now. */
async function cappedUntil(memberId: string, now: Date): Promise<Date | null> {
  const recent = await db.emailMessage.findMany({
    where: {
      userId: memberId,
      kind: "notification",
      status: { in: ["SENT", "CAPTURED"] },
      createdAt: { gte: new Date(now.getTime() - HOUR_MS) },
    },
    orderBy: { createdAt: "desc" },
    take: NOTIFICATION_MAILS_PER_HOUR,
    select: { createdAt: true },
  });
  if (recent.length < NOTIFICATION_MAILS_PER_HOUR) return null;
  return new Date(recent.at(-1)!.createdAt.getTime() + HOUR_MS + 1000);
}

function enqueueLater(memberId: string, startAfter: Date | number) {
  return db.$transaction((tx) =>
    enqueue(
      tx,
      notificationMailQueue,
      { recipientId: memberId },
      {
        startAfter,
        singletonKey: memberId,
      },
    ),
  );
}

/**
 * The one-click unsubscribe of a batch turns off its dominant kind (most items, the earliest
 * on a tie): a one-click link must name exactly one preference (RFC 8058), and the kind that
 * filled the mail is the one the member most likely wants gone. The footer also links to
 * the preferences page for the rest.
 */
function dominantKind(items: Waiting[]): NotificationKind {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  let best = items[0]!.kind;
  for (const [kind, count] of counts) if (count > counts.get(best)!) best = kind;
  return best as NotificationKind;
}

function itemText(item: Waiting): string {
  return (
    PRIVATE_TEXT[item.kind as NotificationKind] ??
    renderNotification(item.kind, item.data, { actorName: item.actor?.name ?? null }).text
  );
}

/** Marks the items mailed before sending (a retry or a second job will not send them again). */
async function claim(items: Waiting[], now: Date): Promise<Waiting[]> {
  const claimed = await db.notification.updateManyAndReturn({
    where: { id: { in: items.map((item) => item.id) }, emailedAt: null, readAt: null },
    data: { emailedAt: now },
    select: { id: true },
  });
  const ids = new Set(claimed.map((row) => row.id));
  return items.filter((item) => ids.has(item.id));
}

export async function sendNotificationMail(
  { recipientId }: { recipientId: string },
  job: JobContext,
): Promise<void> {
  const now = new Date();
  const member = await db.user.findUnique({
    where: { id: recipientId },
    select: { id: true, email: true, name: true, status: true, timeZone: true },
  });
  if (!member || member.status !== "ACTIVE") return;
  const kinds = await immediateKinds(member.id);
  if (kinds.length === 0) return;
  const waiting = await waitingNotifications(member.id, kinds, now);
  if (waiting.length === 0) return;
  const until = await cappedUntil(member.id, now);
  if (until) return void (await enqueueLater(member.id, until));

  const visible = await stillVisible(db, member.id, waiting.slice(0, ITEMS_PER_MAIL));
  const items = visible.length ? await claim(visible, now) : [];
  if (items.length > 0) await deliver(member, items, job, now);
  if (waiting.length > ITEMS_PER_MAIL) await enqueueLater(member.id, 60);
}

async function deliver(
  member: { id: string; email: string; name: string; timeZone: string },
  items: Waiting[],
  job: JobContext,
  claimedAt: Date,
): Promise<void> {
  const organisation = await getSetting("organisation.name");
  const lines = items.map((item) => ({
    text: itemText(item),
    url: absoluteUrl(`/notifications/${item.id}/open`),
    when: formatDateTime(item.createdAt, member.timeZone),
  }));
  const single = lines.length === 1 ? lines[0]! : null;
  const kind = dominantKind(items);
  const heading = single ? single.text : `${lines.length} new notifications`;
  const kindsInMail = new Set(items.map((item) => item.kind));
  const reason =
    kindsInMail.size === 1
      ? `You get this because you chose to hear about “${PREFERENCE_LABELS[kind]}” by email right away.`
      : "You get this because you chose to hear about these notifications by email right away.";
  try {
    await sendMail(
      {
        to: { address: member.email, name: member.name, userId: member.id },
        kind: "notification",
        subject: single ? single.text : `${lines.length} new notifications in ${organisation}`,
        unsubscribeScope: kind,
        body: ({ unsubscribeUrl, organisation: org }) => (
          <NotificationMail
            organisation={org}
            heading={heading}
            items={lines}
            action={
              single
                ? { label: "Open it", url: single.url }
                : { label: "See your notifications", url: absoluteUrl("/notifications") }
            }
            reason={reason}
            unsubscribeUrl={unsubscribeUrl}
            preferencesUrl={absoluteUrl("/account/notifications")}
          />
        ),
      },
      { finalAttempt: job.retryCount >= notificationMailQueue.retry.retryLimit },
    );
  } catch (error) {
    // Not sent: give the items back (a retry, a later job or the digest takes them).
    await db.notification.updateMany({
      where: { id: { in: items.map((item) => item.id) }, emailedAt: claimedAt },
      data: { emailedAt: null },
    });
    throw error;
  }
}
