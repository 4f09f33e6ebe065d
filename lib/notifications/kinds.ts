// The registry of notification kinds. Each kind says what its stored `data` looks like (a
// zod schema, checked when the notification is written) and how it reads in the
// notification centre. Adding a kind is one entry in NOTIFICATION_KINDS.
import { z } from "zod";
import { ROLE_LABELS, ROLES } from "@/lib/core/auth/permissions";

export interface RenderedNotification {
  text: string;
  /** Where opening the notification goes: always a path on this site. */
  href: string;
}

/** What a kind's renderer may use besides its own data. */
export interface RenderContext {
  /** The member who caused it; null when there was none or they have been deleted. */
  actorName: string | null;
}

interface KindDefinition<Data> {
  data: z.ZodType<Data>;
  render: (data: Data, context: RenderContext) => RenderedNotification;
}

/** Ties a kind's renderer to its schema's type. */
function defineKind<Data>(definition: KindDefinition<Data>): KindDefinition<Data> {
  return definition;
}

const sameSitePath = z
  .string()
  .refine((path) => isSameSitePath(path), "Must be a path on this site");

const sessionData = z.object({ sessionId: z.string(), title: z.string() });

const sessionPath = (id: string) => `/sessions/${id}`;

const pairingData = z.object({ pairingId: z.string() });

const pairingPath = (id: string) => `/mentorship/${id}`;

const PAIRING_STATUS_VERBS = {
  ACTIVE: "resumed",
  PAUSED: "paused",
  COMPLETED: "completed",
  ENDED: "ended",
} as const;

function withArticle(label: string): string {
  return `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}`;
}

const COMMUNITY_EVENTS = {
  requested: (slug: string, name: string, actorName: string | null) => ({
    text: `${actorName ?? "Someone"} asked to join ${name}`,
    href: `/communities/${slug}/manage`,
  }),
  approved: (slug: string, name: string, actorName: string | null) => ({
    text: `${actorName ?? "A lead"} approved your request to join ${name}`,
    href: `/communities/${slug}`,
  }),
  declined: (_slug: string, name: string) => ({
    text: `Your request to join ${name} was declined`,
    href: "/communities",
  }),
  invited: (_slug: string, name: string, actorName: string | null) => ({
    text: `${actorName ?? "A lead"} invited you to join ${name}`,
    href: "/communities#invitations",
  }),
} satisfies Record<string, (...args: never[]) => RenderedNotification>;

export const NOTIFICATION_KINDS = {
  "member.role_changed": defineKind({
    data: z.object({ role: z.enum(ROLES) }),
    render: ({ role }, { actorName }) => {
      const label = ROLE_LABELS[role];
      return {
        text: actorName
          ? `${actorName} made you ${withArticle(label)}`
          : `Your role is now ${label}`,
        href: "/account",
      };
    },
  }),
  "discussion.replied": defineKind({
    data: z.object({ discussionId: z.string(), replyId: z.string(), title: z.string() }),
    render: ({ discussionId, replyId, title }, { actorName }) => ({
      text: `${actorName ?? "Someone"} replied to “${title}”`,
      href: `/discussions/${discussionId}/replies/${replyId}`,
    }),
  }),
  "content.mentioned": defineKind({
    data: z.object({ title: z.string(), path: sameSitePath }),
    render: ({ title, path }, { actorName }) => ({
      text: `${actorName ?? "Someone"} mentioned you in “${title}”`,
      href: path,
    }),
  }),
  "answer.accepted": defineKind({
    data: z.object({ discussionId: z.string(), replyId: z.string(), title: z.string() }),
    render: ({ discussionId, replyId, title }, { actorName }) => ({
      text: `${actorName ?? "The asker"} accepted your answer to “${title}”`,
      href: `/discussions/${discussionId}/replies/${replyId}`,
    }),
  }),
  "post.commented": defineKind({
    data: z.object({ postId: z.string(), commentId: z.string(), title: z.string() }),
    render: ({ postId, commentId, title }, { actorName }) => ({
      text: `${actorName ?? "Someone"} commented on “${title}”`,
      href: `/posts/${postId}#comment-${commentId}`,
    }),
  }),
  "tag.new_content": defineKind({
    data: z.object({ tagName: z.string(), title: z.string(), path: sameSitePath }),
    render: ({ tagName, title, path }, { actorName }) => ({
      text: `${actorName ?? "Someone"} posted “${title}” in #${tagName}`,
      href: path,
    }),
  }),
  "session.host_added": defineKind({
    data: sessionData,
    render: ({ sessionId, title }, { actorName }) => ({
      text: `${actorName ?? "Someone"} made you a host of “${title}”`,
      href: sessionPath(sessionId),
    }),
  }),
  "session.waitlist_promoted": defineKind({
    data: sessionData,
    render: ({ sessionId, title }) => ({
      text: `A seat opened up: you are going to “${title}”`,
      href: sessionPath(sessionId),
    }),
  }),
  "session.rescheduled": defineKind({
    data: sessionData,
    render: ({ sessionId, title }) => ({
      text: `“${title}” has a new time or place`,
      href: sessionPath(sessionId),
    }),
  }),
  "session.cancelled": defineKind({
    data: sessionData,
    render: ({ sessionId, title }) => ({
      text: `“${title}” was cancelled`,
      href: sessionPath(sessionId),
    }),
  }),
  "session.action_item_assigned": defineKind({
    // itemId: to withdraw it when the item is given to someone else or deleted (older rows lack it).
    data: sessionData.extend({ item: z.string(), itemId: z.string().optional() }),
    render: ({ sessionId, title, item }, { actorName }) => ({
      text: `${actorName ?? "A host"} gave you an action item from “${title}”: ${item}`,
      href: sessionPath(sessionId),
    }),
  }),
  "proposal.scheduled": defineKind({
    data: sessionData,
    render: ({ sessionId, title }, { actorName }) => ({
      text: `${actorName ?? "A leader"} scheduled your topic “${title}”`,
      href: sessionPath(sessionId),
    }),
  }),
  "recognition.received": defineKind({
    data: z.object({ recognitionId: z.string(), valueName: z.string() }),
    render: ({ recognitionId, valueName }, { actorName }) => ({
      text: `${actorName ?? "Someone"} recognised you for “${valueName}”`,
      href: `/recognition/${recognitionId}`,
    }),
  }),
  "recognition.featured": defineKind({
    data: z.object({ recognitionId: z.string() }),
    render: ({ recognitionId }, { actorName }) => ({
      text: `${actorName ?? "A leader"} featured a recognition of you on the wall`,
      href: `/recognition/${recognitionId}`,
    }),
  }),
  "private_feedback.received": defineKind({
    data: z.object({ feedbackId: z.string() }),
    render: ({ feedbackId }, { actorName }) => ({
      text: `${actorName ?? "Someone"} sent you private feedback`,
      href: `/feedback/${feedbackId}`,
    }),
  }),
  "mentorship.paired": defineKind({
    data: pairingData.extend({ role: z.enum(["MENTOR", "MENTEE"]), otherName: z.string() }),
    render: ({ pairingId, role, otherName }) => ({
      text:
        role === "MENTOR"
          ? `You are now mentoring ${otherName}`
          : `${otherName} is now your mentor`,
      href: pairingPath(pairingId),
    }),
  }),
  "mentorship.checked_in": defineKind({
    data: pairingData,
    render: ({ pairingId }, { actorName }) => ({
      text: `${actorName ?? "Your mentoring partner"} logged a check-in`,
      href: pairingPath(pairingId),
    }),
  }),
  "mentorship.end_requested": defineKind({
    data: pairingData.extend({ pairName: z.string() }),
    render: ({ pairingId, pairName }, { actorName }) => ({
      text: `${actorName ?? "A member"} asked to end the mentorship ${pairName}`,
      href: pairingPath(pairingId),
    }),
  }),
  "mentorship.status_changed": defineKind({
    data: pairingData.extend({ status: z.enum(["ACTIVE", "PAUSED", "COMPLETED", "ENDED"]) }),
    render: ({ pairingId, status }, { actorName }) => ({
      text: `${actorName ?? "An admin"} ${PAIRING_STATUS_VERBS[status]} your mentorship`,
      href: pairingPath(pairingId),
    }),
  }),
  "community.membership": defineKind({
    data: z.object({
      slug: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string(),
      event: z.enum(["requested", "approved", "declined", "invited"]),
    }),
    render: ({ slug, name, event }, { actorName }) =>
      COMMUNITY_EVENTS[event](slug, name, actorName),
  }),
  "ask.received": defineKind({
    // One of the two ids: a question (discussionId) or a knowledge request (requestId).
    data: z.object({
      discussionId: z.string().optional(),
      requestId: z.string().optional(),
      title: z.string(),
    }),
    render: ({ discussionId, requestId, title }, { actorName }) => ({
      text: `${actorName ?? "Learning Commons"} asked you to help with “${title}”`,
      href: discussionId ? `/discussions/${discussionId}` : `/requests/${requestId ?? ""}`,
    }),
  }),
  "request.fulfilled": defineKind({
    data: z.object({ requestId: z.string(), postId: z.string(), title: z.string() }),
    render: ({ postId, title }, { actorName }) => ({
      text: `${actorName ?? "Someone"} wrote the post you asked for: “${title}”`,
      href: `/posts/${postId}`,
    }),
  }),
} satisfies Record<string, { data: z.ZodType; render: (...args: never[]) => RenderedNotification }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export type NotificationData<K extends NotificationKind> = z.infer<
  (typeof NOTIFICATION_KINDS)[K]["data"]
>;

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, kind);
}

/** A path on this site ("/x"), never another origin ("//evil.example", "https://…", "/\\x"). */
export function isSameSitePath(href: string): boolean {
  return /^\/(?![/\\])/.test(href) && !/[\s\\]/.test(href);
}

const FALLBACK: RenderedNotification = { text: "You have a notification", href: "/notifications" };

/**
 * How a stored notification reads. Rows whose kind was removed or whose data no longer
 * fits the kind's schema still show, as a generic line, rather than breaking the page.
 */
export function renderNotification(
  kind: string,
  data: unknown,
  context: RenderContext,
): RenderedNotification {
  if (!isNotificationKind(kind)) return FALLBACK;
  const definition = NOTIFICATION_KINDS[kind] as KindDefinition<unknown>;
  const parsed = definition.data.safeParse(data);
  if (!parsed.success) return FALLBACK;
  const rendered = definition.render(parsed.data, context);
  return isSameSitePath(rendered.href) ? rendered : { ...rendered, href: FALLBACK.href };
}
