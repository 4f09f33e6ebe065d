// A pending notification as a line of the digest: what happened and where to look, built
// from the notification's stored data. Only titles and ids are used, never a message body, so
// private feedback reads "sent you private feedback" and a pairing only "logged a check-in".
// (The in-app wording lives in lib/notifications/kinds, which other domains may not import;
// once the notifications domain offers its renderer as an entry point, use it here instead.)
import type { MailOnlyKind, PreferenceKind } from "@/lib/notifications/preferences";

type NotificationKindName = Exclude<PreferenceKind, MailOnlyKind>;

interface Data {
  [field: string]: unknown;
}

const text = (value: unknown) => (typeof value === "string" && value ? value : null);
const quoted = (data: Data) => (text(data.title) ? ` “${text(data.title)}”` : "");
const session = (data: Data) => `/sessions/${text(data.sessionId)}`;
const pairing = (data: Data) => `/mentorship/${text(data.pairingId)}`;
const reply = (data: Data) =>
  `/discussions/${text(data.discussionId)}/replies/${text(data.replyId)}`;

/** What each kind says after the actor's name, and where it links. */
const LINES: Record<
  NotificationKindName,
  { says: (d: Data) => string; href: (d: Data) => string }
> = {
  "member.role_changed": { says: () => "changed your role", href: () => "/account" },
  "discussion.replied": { says: (d) => `replied to${quoted(d)}`, href: reply },
  "content.mentioned": {
    says: (d) => `mentioned you in${quoted(d)}`,
    href: (d) => text(d.path) ?? "/",
  },
  "answer.accepted": { says: (d) => `accepted your answer to${quoted(d)}`, href: reply },
  "post.commented": {
    says: (d) => `commented on${quoted(d)}`,
    href: (d) => `/posts/${text(d.postId)}#comment-${text(d.commentId)}`,
  },
  "tag.new_content": {
    says: (d) => `posted${quoted(d)}${text(d.tagName) ? ` in #${text(d.tagName)}` : ""}`,
    href: (d) => text(d.path) ?? "/",
  },
  "session.host_added": { says: (d) => `made you a host of${quoted(d)}`, href: session },
  "session.waitlist_promoted": { says: (d) => `gave you a seat at${quoted(d)}`, href: session },
  "session.rescheduled": { says: (d) => `changed the time or place of${quoted(d)}`, href: session },
  "session.cancelled": { says: (d) => `cancelled${quoted(d)}`, href: session },
  "session.action_item_assigned": {
    says: (d) => `gave you an action item from${quoted(d)}`,
    href: session,
  },
  "proposal.scheduled": { says: (d) => `scheduled your topic${quoted(d)}`, href: session },
  "recognition.received": {
    says: (d) => `recognised you${text(d.valueName) ? ` for “${text(d.valueName)}”` : ""}`,
    href: (d) => `/recognition/${text(d.recognitionId)}`,
  },
  "recognition.featured": {
    says: () => "featured a recognition of you",
    href: (d) => `/recognition/${text(d.recognitionId)}`,
  },
  "private_feedback.received": {
    says: () => "sent you private feedback",
    href: (d) => `/feedback/${text(d.feedbackId)}`,
  },
  "mentorship.paired": { says: () => "started a mentorship with you", href: pairing },
  "mentorship.checked_in": { says: () => "logged a check-in", href: pairing },
  "mentorship.end_requested": { says: () => "asked to end your mentorship", href: pairing },
  "mentorship.status_changed": {
    says: () => "changed the status of your mentorship",
    href: pairing,
  },
};

/** A same-site path, never another origin (the stored `path` is checked when written too). */
function sameSite(path: string): string {
  return /^\/(?![/\\])/.test(path) && !/[\s\\]/.test(path) && !path.includes("/null")
    ? path
    : "/notifications";
}

export function notificationLine(
  kind: string,
  data: unknown,
  actorName: string | null,
): { text: string; href: string } {
  const line = Object.hasOwn(LINES, kind) ? LINES[kind as NotificationKindName] : null;
  const fields = data && typeof data === "object" ? (data as Data) : {};
  if (!line) return { text: "You have a notification", href: "/notifications" };
  return {
    text: `${actorName ?? "Someone"} ${line.says(fields)}`,
    href: sameSite(line.href(fields)),
  };
}
