// Words a member understands for notification kinds and email choices, grouped as the
// preferences page shows them.
import type { EmailFrequency } from "@/lib/generated/prisma/client";
import type { PreferenceKind } from "./preferences";

export const FREQUENCY_LABELS: Record<EmailFrequency, string> = {
  OFF: "Off",
  IMMEDIATE: "Right away",
  DAILY: "Daily digest",
  WEEKLY: "Weekly digest",
};

/** The digest itself is "daily" or "weekly", not "in the daily digest". */
export const DIGEST_FREQUENCY_LABELS: Record<EmailFrequency, string> = {
  OFF: "Off",
  IMMEDIATE: "Right away",
  DAILY: "Every day",
  WEEKLY: "Every week",
};

/** Reminders are simply on or off. */
export const REMINDER_FREQUENCY_LABELS: Record<EmailFrequency, string> = {
  OFF: "Off",
  IMMEDIATE: "On",
  DAILY: "On",
  WEEKLY: "On",
};

export const PREFERENCE_LABELS: Record<PreferenceKind, string> = {
  "content.mentioned": "Someone mentions me",
  "discussion.replied": "Replies to my discussions and answers (and discussions I watch)",
  "answer.accepted": "My answer is accepted",
  "post.commented": "Comments on my posts",
  "tag.new_content": "New discussions and posts in tags I follow",
  "session.host_added": "I am made a host of a session",
  "session.waitlist_promoted": "I get a seat from the waitlist",
  "session.rescheduled": "A session I am going to changes time or place",
  "session.cancelled": "A session I am going to is cancelled",
  "session.action_item_assigned": "I am given an action item",
  "proposal.scheduled": "A topic I proposed is scheduled",
  "recognition.received": "Someone recognises me",
  "recognition.featured": "A recognition of me is featured",
  "private_feedback.received": "I receive private feedback",
  "mentorship.paired": "I am paired with a mentor or mentee",
  "mentorship.checked_in": "My mentoring partner logs a check-in",
  "mentorship.end_requested": "Someone asks to end my mentorship",
  "mentorship.status_changed": "My mentorship is paused, resumed, completed or ended",
  "member.role_changed": "My role changes",
  "ask.received": "I am asked to help with a question or a requested post",
  "request.fulfilled": "A post I asked or voted for is published",
  "community.membership": "Invitations and requests to join communities, and their answers",
  digest: "What I missed: a summary of activity",
  "reminder.session": "Before a session I am going to (a day and an hour before)",
  "reminder.action_item": "Action items due tomorrow or overdue",
  "reminder.mentorship": "A mentorship check-in is due",
  "reminder.post_review": "A post of mine is due for review",
  "reminder.survey": "Pulse surveys open or close soon",
  "reminder.pairing_overdue": "Mentorships that are overdue (admins)",
};

export interface PreferenceGroup {
  id: string;
  title: string;
  kinds: readonly PreferenceKind[];
}

export const PREFERENCE_GROUPS: readonly PreferenceGroup[] = [
  {
    id: "conversations",
    title: "Conversations",
    kinds: ["content.mentioned", "discussion.replied", "answer.accepted", "post.commented"],
  },
  { id: "tags", title: "Tags I follow", kinds: ["tag.new_content"] },
  {
    id: "sessions",
    title: "Sessions",
    kinds: [
      "session.host_added",
      "session.waitlist_promoted",
      "session.rescheduled",
      "session.cancelled",
      "session.action_item_assigned",
      "proposal.scheduled",
    ],
  },
  {
    id: "recognition",
    title: "Recognition and feedback",
    kinds: ["recognition.received", "recognition.featured", "private_feedback.received"],
  },
  {
    id: "mentorship",
    title: "Mentorship",
    kinds: [
      "mentorship.paired",
      "mentorship.checked_in",
      "mentorship.end_requested",
      "mentorship.status_changed",
    ],
  },
  { id: "communities", title: "Communities", kinds: ["community.membership"] },
  { id: "asks", title: "Asking colleagues", kinds: ["ask.received", "request.fulfilled"] },
  { id: "account", title: "My account", kinds: ["member.role_changed"] },
  { id: "digest", title: "Digest", kinds: ["digest"] },
  {
    id: "reminders",
    title: "Reminders",
    kinds: [
      "reminder.session",
      "reminder.action_item",
      "reminder.mentorship",
      "reminder.post_review",
      "reminder.survey",
      "reminder.pairing_overdue",
    ],
  },
];

export function frequencyLabel(kind: PreferenceKind, frequency: EmailFrequency): string {
  if (kind === "digest") return DIGEST_FREQUENCY_LABELS[frequency];
  if (kind.startsWith("reminder.")) return REMINDER_FREQUENCY_LABELS[frequency];
  return FREQUENCY_LABELS[frequency];
}

/** A discussion's watch levels as the discussion page names them (Discourse's words, "Normal" for tracking). */
export const WATCH_LEVEL_LABELS = {
  WATCHING: "Watching",
  TRACKING: "Normal",
  MUTED: "Muted",
} as const;
