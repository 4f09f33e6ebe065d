// How long an attached upload is needed, read from its content as it is now (so no delete or
// restore path has to remember its files): while the content lives (hidden by a moderator
// included, it can be restored), until the content was deleted, or not at all once the
// content's row is gone. Files of deleted content stop counting against the quota at once and
// are purged a grace period later (./cleanup.ts); docs/decisions/019-uploads.md.
import { Prisma } from "@/lib/generated/prisma/client";
import type { AttachmentTarget } from "@/lib/generated/prisma/enums";

/** How long a deleted text's files are kept, so that restoring the text shows them again. */
export const DELETED_CONTENT_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The upload `u`'s content's deletion time: 'infinity' while it lives, '-infinity' once its
 * row is gone. `deletedAt` is the SQL for when a row `t` of `from` counts as deleted.
 */
const neededUntil = (from: string, deletedAt = `t."deletedAt"`) =>
  `COALESCE((SELECT COALESCE(${deletedAt}, 'infinity'::timestamp) FROM ${from} WHERE t.id = u."targetId"), '-infinity'::timestamp)`;

// A Record, so that a new kind of target cannot be added without saying when it ends.
const NEEDED_UNTIL: Record<AttachmentTarget, string> = {
  DISCUSSION: neededUntil(`"Discussion" t`),
  // A deleted question keeps its replies readable, so only the reply's own deletion counts.
  REPLY: neededUntil(`"Reply" t`),
  POST: neededUntil(`"KnowledgePost" t`),
  // A deleted post takes its comments with it.
  POST_COMMENT: neededUntil(
    `"PostComment" t JOIN "KnowledgePost" p ON p.id = t."postId"`,
    `LEAST(t."deletedAt", p."deletedAt")`,
  ),
  // Sessions (cancelled ones stay readable), feedback and pairings are never soft-deleted.
  SESSION: neededUntil(`"LearningSession" t`, "NULL::timestamp"),
  PRIVATE_FEEDBACK: neededUntil(`"PrivateFeedback" t`, "NULL::timestamp"),
  PAIRING: neededUntil(`"MentorPairing" t`, "NULL::timestamp"),
};

const whenKind = Object.entries(NEEDED_UNTIL).map(
  ([kind, until]) => `WHEN '${kind}' THEN ${until}`,
);

/** When the upload row `u` stops being needed by its content ('infinity' while pending). */
export const CONTENT_NEEDS_UNTIL = Prisma.raw(
  `(CASE u."targetType" ${whenKind.join(" ")} ELSE 'infinity'::timestamp END)`,
);

/** The upload row `u` counts against its owner's quota: not released, and its content lives. */
export const COUNTS_TOWARDS_QUOTA = Prisma.sql`(u."deletedAt" IS NULL AND ${CONTENT_NEEDS_UNTIL} = 'infinity'::timestamp)`;
