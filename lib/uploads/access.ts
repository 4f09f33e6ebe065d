// Who may read an upload: the same people who may read what it is attached to, right now.
// The target is read on every request, so deleting or hiding content hides its files, and a
// file in private feedback or a pair's space is served to those two (and, for a pairing, to
// admins) only; a file of a private community's content, to its active members and admins.
// Every refusal is shown as "not found".
import type { Actor } from "@/lib/core/auth/authorize";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { hasPermission } from "@/lib/core/auth/permissions";
import { db } from "@/lib/core/db/client";
import type { AttachmentTarget, UploadKind } from "@/lib/generated/prisma/enums";
import { canOpenPairing } from "@/lib/mentorship/access";
import { postVisibleTo } from "@/lib/posts/access";
import { readableContentWhere } from "@/lib/communities/visibility";

export interface UploadAccess {
  ownerId: string;
  kind: UploadKind;
  targetType: AttachmentTarget | null;
  targetId: string | null;
  deletedAt: Date | null;
}

interface Moderated {
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

/** Live, and not hidden by moderation unless the viewer is an admin. */
const shown = (viewer: Actor, item: Moderated | null | undefined) =>
  Boolean(item && !item.deletedAt && (!item.hiddenAt || seesHiddenContent(viewer)));

const MODERATED = { deletedAt: true, hiddenAt: true } as const;
const POST_VISIBILITY = { authorId: true, status: true, ...MODERATED } as const;

type TargetRule = (viewer: Actor, id: string) => Promise<boolean>;

/** The community rule, for a `where` on the content itself or through its relation. */
const readable = (viewer: Actor) => ({ AND: [readableContentWhere(viewer)] });

const TARGET_RULES: Record<AttachmentTarget, TargetRule> = {
  DISCUSSION: async (viewer, id) =>
    shown(
      viewer,
      await db.discussion.findFirst({ where: { id, ...readable(viewer) }, select: MODERATED }),
    ),
  REPLY: async (viewer, id) => {
    const reply = await db.reply.findFirst({
      where: { id, discussion: readable(viewer) },
      select: { ...MODERATED, discussion: { select: { hiddenAt: true } } },
    });
    // A deleted question keeps its replies readable; a hidden one hides them.
    return shown(viewer, reply) && shown(viewer, { deletedAt: null, ...reply!.discussion });
  },
  POST: async (viewer, id) => {
    const post = await db.knowledgePost.findFirst({
      where: { id, ...readable(viewer) },
      select: POST_VISIBILITY,
    });
    return Boolean(post && postVisibleTo(post, viewer));
  },
  POST_COMMENT: async (viewer, id) => {
    const comment = await db.postComment.findFirst({
      where: { id, post: readable(viewer) },
      select: { ...MODERATED, post: { select: POST_VISIBILITY } },
    });
    return shown(viewer, comment) && postVisibleTo(comment!.post, viewer);
  },
  SESSION: async (viewer, id) =>
    hasPermission(viewer.role, "read:session:any") &&
    (await db.learningSession.count({ where: { id, ...readable(viewer) } })) > 0,
  PRIVATE_FEEDBACK: async (viewer, id) =>
    (await db.privateFeedback.count({
      where: { id, OR: [{ giverId: viewer.id }, { recipientId: viewer.id }] },
    })) > 0,
  PAIRING: async (viewer, id) => {
    const pairing = await db.mentorPairing.findUnique({
      where: { id },
      select: { mentorId: true, menteeId: true },
    });
    return Boolean(pairing && canOpenPairing(viewer, pairing));
  },
};

/** Whether the signed-in, active viewer may read this upload now. */
export async function mayReadUpload(viewer: Actor, upload: UploadAccess): Promise<boolean> {
  if (upload.deletedAt) return false;
  if (upload.kind === "AVATAR") return true;
  if (!upload.targetType || !upload.targetId) return upload.ownerId === viewer.id;
  return TARGET_RULES[upload.targetType](viewer, upload.targetId);
}
