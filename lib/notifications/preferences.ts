// Email preferences: per kind of notification (and for the digest and each kind of reminder),
// off / immediately / in the daily digest / in the weekly digest. In-app notifications always
// happen. A member's row overrides the default; kinds without a row use the defaults below.
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import type { EmailFrequency } from "@/lib/generated/prisma/client";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

/** Mail that is not a notification row: the digest itself and the reminders. */
export const MAIL_ONLY_KINDS = [
  "digest",
  "reminder.session",
  "reminder.action_item",
  "reminder.mentorship",
  "reminder.post_review",
  "reminder.survey",
  "reminder.pairing_overdue",
] as const;

export type MailOnlyKind = (typeof MAIL_ONLY_KINDS)[number];
export type PreferenceKind = NotificationKind | MailOnlyKind;

export const PREFERENCE_KINDS: readonly PreferenceKind[] = [
  ...(Object.keys(NOTIFICATION_KINDS) as NotificationKind[]),
  ...MAIL_ONLY_KINDS,
];

/** The choices a kind offers (the digest itself is daily, weekly or off; reminders on or off). */
export function choicesFor(kind: PreferenceKind): readonly EmailFrequency[] {
  if (kind === "digest") return ["OFF", "DAILY", "WEEKLY"];
  if (kind.startsWith("reminder.")) return ["OFF", "IMMEDIATE"];
  return ["OFF", "IMMEDIATE", "DAILY", "WEEKLY"];
}

/** What a reasonable person would pick: what is about me at once, the rest weekly. */
export const DEFAULT_EMAIL: Record<PreferenceKind, EmailFrequency> = {
  "member.role_changed": "IMMEDIATE",
  "discussion.replied": "IMMEDIATE",
  "content.mentioned": "IMMEDIATE",
  "answer.accepted": "IMMEDIATE",
  "post.commented": "IMMEDIATE",
  "tag.new_content": "WEEKLY",
  "session.host_added": "IMMEDIATE",
  "session.waitlist_promoted": "IMMEDIATE",
  "session.rescheduled": "IMMEDIATE",
  "session.cancelled": "IMMEDIATE",
  "session.action_item_assigned": "IMMEDIATE",
  "proposal.scheduled": "IMMEDIATE",
  "recognition.received": "IMMEDIATE",
  "recognition.featured": "DAILY",
  "private_feedback.received": "IMMEDIATE",
  "mentorship.paired": "IMMEDIATE",
  "mentorship.checked_in": "IMMEDIATE",
  "mentorship.end_requested": "IMMEDIATE",
  "mentorship.status_changed": "IMMEDIATE",
  "community.membership": "DAILY",
  "ask.received": "IMMEDIATE",
  "request.fulfilled": "IMMEDIATE",
  digest: "WEEKLY",
  "reminder.session": "IMMEDIATE",
  "reminder.action_item": "IMMEDIATE",
  "reminder.mentorship": "IMMEDIATE",
  "reminder.post_review": "IMMEDIATE",
  "reminder.survey": "IMMEDIATE",
  "reminder.pairing_overdue": "IMMEDIATE",
};

export function isPreferenceKind(kind: string): kind is PreferenceKind {
  return Object.hasOwn(DEFAULT_EMAIL, kind);
}

/** Each member's choice for one kind, in one query (default where they made none). */
export async function emailFrequencies(
  client: Database | TransactionClient,
  userIds: readonly string[],
  kind: PreferenceKind,
): Promise<Map<string, EmailFrequency>> {
  const stored = await client.notificationPreference.findMany({
    where: { userId: { in: [...new Set(userIds)] }, kind },
    select: { userId: true, email: true },
  });
  const choices = new Map(userIds.map((id) => [id, DEFAULT_EMAIL[kind]]));
  for (const row of stored) choices.set(row.userId, row.email);
  return choices;
}

/** One member's choices for every kind. */
export async function preferencesOf(
  client: Database | TransactionClient,
  userId: string,
): Promise<Record<PreferenceKind, EmailFrequency>> {
  const stored = await client.notificationPreference.findMany({
    where: { userId },
    select: { kind: true, email: true },
  });
  const choices = { ...DEFAULT_EMAIL };
  for (const row of stored) if (isPreferenceKind(row.kind)) choices[row.kind] = row.email;
  return choices;
}
