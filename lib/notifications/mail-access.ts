// Privacy at send time: which of a member's notifications they may still be told about by
// mail. A notification names what it is about (ids in its data, or a site path); each thing
// is looked up once per batch (one query per kind of thing, never one per notification),
// and a notification is dropped when anything it names is gone, hidden, deleted or no longer
// the member's to see.
import type { Database } from "@/lib/core/db/create-client";

interface References {
  discussionId?: string;
  replyId?: string;
  postId?: string;
  commentId?: string;
  recognitionId?: string;
  feedbackId?: string;
  pairingId?: string;
  sessionId?: string;
}

type Field = keyof References;
const FIELDS: Field[] = [
  "discussionId",
  "replyId",
  "postId",
  "commentId",
  "recognitionId",
  "feedbackId",
  "pairingId",
  "sessionId",
];

const DISCUSSION_PATH = /^\/discussions\/([^/?#]+)(?:\/replies\/([^/?#]+))?/;
const POST_PATH = /^\/posts\/([^/?#]+)(?:#comment-(.+))?$/;

/** What a notification's data names, from its id fields and its path (mentions, tags). */
export function referencesOf(data: unknown): References {
  const record = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const refs: References = {};
  for (const field of FIELDS) {
    if (typeof record[field] === "string") refs[field] = record[field];
  }
  if (typeof record.path === "string") {
    const discussion = DISCUSSION_PATH.exec(record.path);
    if (discussion) {
      refs.discussionId ??= discussion[1];
      if (discussion[2]) refs.replyId ??= discussion[2];
    }
    const post = POST_PATH.exec(record.path);
    if (post) {
      refs.postId ??= post[1];
      if (post[2]) refs.commentId ??= post[2];
    }
  }
  return refs;
}

function collect(all: References[], field: Field): string[] {
  return [...new Set(all.map((refs) => refs[field]).filter((id): id is string => !!id))];
}

/** The ids, per field, that this member may still be mailed about. */
async function visibleIds(
  client: Database,
  memberId: string,
  all: References[],
): Promise<Record<Field, Set<string>>> {
  const ids = (field: Field) => collect(all, field);
  const live = { deletedAt: null, hiddenAt: null };
  const none = Promise.resolve([] as { id: string }[]);
  const when = (field: Field, query: (ids: string[]) => Promise<{ id: string }[]>) =>
    ids(field).length ? query(ids(field)) : none;
  const results = await Promise.all([
    when("discussionId", (id) =>
      client.discussion.findMany({ where: { id: { in: id }, ...live }, select: { id: true } }),
    ),
    when("replyId", (id) =>
      client.reply.findMany({
        where: { id: { in: id }, ...live, discussion: live },
        select: { id: true },
      }),
    ),
    when("postId", (id) =>
      client.knowledgePost.findMany({
        where: { id: { in: id }, ...live, status: "PUBLISHED" },
        select: { id: true },
      }),
    ),
    when("commentId", (id) =>
      client.postComment.findMany({
        where: { id: { in: id }, ...live, post: { ...live, status: "PUBLISHED" } },
        select: { id: true },
      }),
    ),
    when("recognitionId", (id) =>
      client.recognition.findMany({ where: { id: { in: id }, ...live }, select: { id: true } }),
    ),
    when("feedbackId", (id) =>
      client.privateFeedback.findMany({
        where: { id: { in: id }, recipientId: memberId },
        select: { id: true },
      }),
    ),
    when("pairingId", (id) =>
      client.mentorPairing.findMany({
        where: { id: { in: id }, OR: [{ mentorId: memberId }, { menteeId: memberId }] },
        select: { id: true },
      }),
    ),
    when("sessionId", (id) =>
      client.learningSession.findMany({ where: { id: { in: id } }, select: { id: true } }),
    ),
  ]);
  return Object.fromEntries(
    FIELDS.map((field, index) => [field, new Set(results[index]!.map((row) => row.id))]),
  ) as Record<Field, Set<string>>;
}

/** The notifications (of one member) that may still go out by mail. */
export async function stillVisible<T extends { data: unknown }>(
  client: Database,
  memberId: string,
  notifications: readonly T[],
): Promise<T[]> {
  const refs = notifications.map((notification) => referencesOf(notification.data));
  const visible = await visibleIds(client, memberId, refs);
  return notifications.filter((_, index) =>
    FIELDS.every((field) => {
      const id = refs[index]![field];
      return id === undefined || visible[field].has(id);
    }),
  );
}
