// "Publish as knowledge post": the session's notes become a draft post by the host who asks,
// linked to the session, for them to finish and publish through the usual post editor.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError } from "@/lib/core/forms/errors";
import type { KnowledgePostType, SessionFormat } from "@/lib/generated/prisma/enums";
import { plainExcerpt } from "@/lib/core/markdown/excerpt";
import { formatCalendarDate } from "@/lib/core/dates";
import { nextReviewDate } from "@/lib/posts/review-dates";
import { POST_LIMITS } from "@/lib/posts/limits";
import { sessionForManager, sessionPath } from "@/lib/sessions/access";
import { sessionIdSchema } from "./schemas";

const POST_TYPE_BY_FORMAT: Partial<Record<SessionFormat, KnowledgePostType>> = {
  RETROSPECTIVE: "LESSON_LEARNED",
  BOOK_CLUB: "RESOURCE_NOTES",
  CASE_STUDY: "CASE_STUDY",
};

export function postTypeForFormat(format: SessionFormat): KnowledgePostType {
  return POST_TYPE_BY_FORMAT[format] ?? "HOW_TO";
}

const TITLE_SUFFIX = ": notes";
const SUMMARY_LENGTH = 280;

/** "<session title>: notes", the session's title shortened when the whole would be too long. */
export function notesPostTitle(sessionTitle: string): string {
  const room = POST_LIMITS.titleMax - TITLE_SUFFIX.length;
  const title = sessionTitle.length > room ? `${sessionTitle.slice(0, room - 1)}…` : sessionTitle;
  return `${title}${TITLE_SUFFIX}`;
}

/** The first ~280 characters of the summary as plain text, or a sentence naming the session. */
export function notesPostSummary(summary: string, sessionTitle: string): string {
  const text = plainExcerpt(summary, SUMMARY_LENGTH + 1);
  if (text.length < POST_LIMITS.summaryMin) {
    return `Notes from the session “${sessionTitle}”.`.slice(0, POST_LIMITS.summaryMax);
  }
  return text;
}

/** Plain text (a title, a name) that shows as written inside markdown. */
function escapeInline(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+!|<>~]/g, "\\$&");
}

export interface NotesForPost {
  id: string;
  title: string;
  summary: string;
  takeaways: string | null;
  recordingUrl: string | null;
  actionItems: { title: string; ownerName: string; dueOn: Date | null; done: boolean }[];
}

function actionItemLine(item: NotesForPost["actionItems"][number]): string {
  const due = item.dueOn ? `, due ${formatCalendarDate(item.dueOn)}` : "";
  const done = item.done ? " (done)" : "";
  return `- ${escapeInline(item.title)} — ${escapeInline(item.ownerName)}${due}${done}`;
}

/** The post's body: the notes under headings, then a link back to the session. */
export function notesPostBody(notes: NotesForPost): string {
  const sections = [
    `## Summary\n\n${notes.summary}`,
    notes.takeaways ? `## Key takeaways\n\n${notes.takeaways}` : null,
    notes.actionItems.length
      ? `## Action items\n\n${notes.actionItems.map(actionItemLine).join("\n")}`
      : null,
    notes.recordingUrl ? `## Recording link\n\n<${new URL(notes.recordingUrl).href}>` : null,
    `From the session [${escapeInline(notes.title)}](${sessionPath(notes.id)})`,
  ];
  return sections.filter(Boolean).join("\n\n");
}

/** The session's existing notes post, unless it has been deleted since. */
async function existingNotesPost(tx: TransactionClient, notesPostId: string | null) {
  if (!notesPostId) return null;
  return tx.knowledgePost.findFirst({
    where: { id: notesPostId, deletedAt: null },
    select: { id: true, authorId: true },
  });
}

async function loadNotes(tx: TransactionClient, session: NotesSession): Promise<NotesForPost> {
  const items = await tx.sessionActionItem.findMany({
    where: { sessionId: session.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { title: true, dueOn: true, doneAt: true, owner: { select: { name: true } } },
  });
  return {
    id: session.id,
    title: session.title,
    summary: session.summary ?? "",
    takeaways: session.takeaways,
    recordingUrl: session.recordingUrl,
    actionItems: items.map((item) => ({
      title: item.title,
      ownerName: item.owner.name,
      dueOn: item.dueOn,
      done: Boolean(item.doneAt),
    })),
  };
}

type NotesSession = Awaited<ReturnType<typeof sessionForManager>>;

export interface NotesPostResult {
  id: string;
  /** False when the session already had a notes post: that one is returned. */
  created: boolean;
  /** Whether the actor wrote it, so may edit it. */
  mine: boolean;
}

/**
 * Turns the notes into a draft post by the actor and links it to the session. A session
 * that already has a (not deleted) notes post gets that one back instead of a second.
 */
export async function publishNotesAsPost(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<NotesPostResult>> {
  authorize(actor, "create:post:any");
  const parsed = sessionIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return db.$transaction(async (tx) => {
    const session = await sessionForManager(tx, actor, parsed.data.sessionId);
    const existing = await existingNotesPost(tx, session.notesPostId);
    if (existing) {
      const mine = existing.authorId === actor.id;
      return {
        ok: true,
        message: mine
          ? "These notes already have a knowledge post: here it is."
          : "Another host already made a knowledge post from these notes. Its author finishes and publishes it.",
        data: { id: existing.id, created: false, mine },
      };
    }
    if (!session.summary?.trim()) throw new DomainError("Record a summary first.");
    const notes = await loadNotes(tx, session);
    const post = await tx.knowledgePost.create({
      data: {
        type: postTypeForFormat(session.format),
        title: notesPostTitle(session.title),
        summary: notesPostSummary(notes.summary, session.title),
        body: notesPostBody(notes).slice(0, POST_LIMITS.bodyMax),
        authorId: actor.id,
        // A private community's session keeps its notes among its members.
        communityId: session.communityId,
        // Publishing sets the real review date; a draft needs one for the column only.
        reviewBy: nextReviewDate(),
      },
      select: { id: true },
    });
    await tx.learningSession.update({
      where: { id: session.id },
      data: { notesPostId: post.id },
    });
    return {
      ok: true,
      message: "Draft post created. Finish it and publish it.",
      data: { id: post.id, created: true, mine: true },
    };
  });
}
