// A file's life follows its content, for every kind of content a file can be attached to:
// deleted by its author (stops counting at once, purged after the grace period), hidden by a
// moderator (kept, served to admins only), edited (a removed reference is released, an added
// one bound), deleted outright (purged as an orphan).
import { describe, expect, it } from "vitest";
import { bindAttachments } from "@/lib/attachments/bind";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { deleteDiscussion, editDiscussion } from "@/lib/discussions/edit-discussion";
import { deleteReply, editReply } from "@/lib/discussions/replies";
import type { AttachmentTarget, ReportTarget } from "@/lib/generated/prisma/enums";
import { hideContent, restoreContent } from "@/lib/moderation/moderate";
import { deleteComment, editComment } from "@/lib/posts/comments";
import { deletePost, updatePost } from "@/lib/posts/posts";
import { saveNotes } from "@/lib/sessions/after/notes";
import { updateSession } from "@/lib/sessions/schedule";
import { utcToZonedInput } from "@/lib/core/zoned-time";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createDiscussion, createReply } from "@/test/factories-discussions";
import { createPairing } from "@/test/factories-mentorship";
import { createComment, createPost, postInput } from "@/test/factories-posts";
import { createPrivateFeedback } from "@/test/factories-recognition";
import { createPastSession } from "@/test/factories-sessions";
import { mayReadUpload } from "./access";
import { purgeReleasedUploads } from "./cleanup";
import { prepareAttachment } from "./processing";
import { MEMBER_QUOTA_BYTES } from "./limits";
import { DELETED_CONTENT_KEEP_MS } from "./retention";
import { readUpload } from "./serve";
import { fileStorage } from "./storage";
import { bytesCounted, keysOf, writeUpload } from "./store";

type Member = Awaited<ReturnType<typeof createMember>>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const link = (id: string) => `[notes.txt](/files/${id})`;
const textWith = (...ids: string[]) =>
  `Here is what we found last week, in detail: ${ids.map(link).join(" and ")}.`;

async function sendFile(ownerId: string) {
  const prepared = await prepareAttachment(Buffer.from(`notes ${Math.random()}\n`), "notes.txt");
  const stored = await writeUpload(testDb, ownerId, prepared);
  return testDb.upload.findUniqueOrThrow({ where: { id: stored.id } });
}

function expectOk(result: ActionResult<unknown>) {
  expect(result).toMatchObject({ ok: true });
}

/** A session that has taken place, on whole minutes (as its edit form sends them back). */
function pastSession(host: Member, description: string) {
  const startsAt = new Date(Math.floor((Date.now() - 2 * HOUR) / MINUTE) * MINUTE);
  const endsAt = new Date(startsAt.getTime() + HOUR);
  return createPastSession([host.id], { description, startsAt, endsAt });
}

interface ContentKind {
  type: AttachmentTarget;
  /** Content written by `author` with this text; returns its id. */
  create(author: Member, text: string): Promise<string>;
  /** The author deletes it, as the app does; absent when the app never deletes it. */
  deleteAsAuthor?(author: Member, id: string): Promise<void>;
  /** Undoes the deletion, as an admin would in the database (the app has no undelete). */
  undelete?(id: string): Promise<unknown>;
  /** The author's edit, setting the text; absent when the app has no edit. */
  edit?(author: Member, id: string, text: string): Promise<void>;
  /** What moderation calls it, when a moderator can hide it. */
  moderated?: ReportTarget;
  /** Deletes the row outright (what a cascade does). */
  destroy(id: string): Promise<unknown>;
}

const KINDS: ContentKind[] = [
  {
    type: "DISCUSSION",
    create: async (author, body) => (await createDiscussion(author.id, { body })).id,
    deleteAsAuthor: async (author, id) => expectOk(await deleteDiscussion(author, { id })),
    undelete: (id) => testDb.discussion.update({ where: { id }, data: { deletedAt: null } }),
    edit: async (author, id, body) =>
      expectOk(await editDiscussion(author, { id, title: "What we found", body, tags: "" })),
    moderated: "DISCUSSION",
    destroy: (id) => testDb.discussion.delete({ where: { id } }),
  },
  {
    type: "REPLY",
    create: async (author, body) => {
      const discussion = await createDiscussion((await createMember()).id);
      return (await createReply(discussion.id, author.id, { body })).id;
    },
    deleteAsAuthor: async (author, id) => expectOk(await deleteReply(author, { id })),
    undelete: (id) => testDb.reply.update({ where: { id }, data: { deletedAt: null } }),
    edit: async (author, id, body) => expectOk(await editReply(author, { id, body })),
    moderated: "REPLY",
    destroy: (id) => testDb.reply.delete({ where: { id } }),
  },
  {
    type: "POST",
    create: async (author, body) => (await createPost(author.id, { body })).id,
    deleteAsAuthor: async (author, id) => expectOk(await deletePost(author, { id })),
    undelete: (id) => testDb.knowledgePost.update({ where: { id }, data: { deletedAt: null } }),
    edit: async (author, id, body) =>
      expectOk(await updatePost(author, { ...postInput({ body }), id })),
    moderated: "POST",
    destroy: (id) => testDb.knowledgePost.delete({ where: { id } }),
  },
  {
    type: "POST_COMMENT",
    create: async (author, body) => {
      const post = await createPost((await createMember()).id);
      return (await createComment(post.id, author.id, { body })).id;
    },
    deleteAsAuthor: async (author, id) => expectOk(await deleteComment(author, { id })),
    undelete: (id) => testDb.postComment.update({ where: { id }, data: { deletedAt: null } }),
    edit: async (author, id, body) => expectOk(await editComment(author, { id, body })),
    moderated: "COMMENT",
    destroy: (id) => testDb.postComment.delete({ where: { id } }),
  },
  {
    type: "SESSION",
    create: async (author, description) => (await pastSession(author, description)).id,
    edit: async (author, id, description) => {
      const session = await testDb.learningSession.findUniqueOrThrow({ where: { id } });
      const at = (date: Date) => utcToZonedInput(date, "UTC");
      const input = {
        id,
        title: session.title,
        format: session.format,
        description,
        startsAt: at(session.startsAt),
        endsAt: at(session.endsAt),
        location: "",
        meetingUrl: "",
        capacity: "",
        hostIds: [author.id],
        goals: "",
        scope: "",
        openQuestions: "",
      };
      expectOk(await updateSession({ ...author, timeZone: "UTC" }, input));
    },
    destroy: (id) => testDb.learningSession.delete({ where: { id } }),
  },
  {
    type: "PRIVATE_FEEDBACK",
    create: async (author, message) =>
      (await createPrivateFeedback(author.id, (await createMember()).id, { message })).id,
    destroy: (id) => testDb.privateFeedback.delete({ where: { id } }),
  },
  {
    type: "PAIRING",
    create: async (author) => (await createPairing(author.id, (await createMember()).id)).id,
    destroy: (id) => testDb.mentorPairing.delete({ where: { id } }),
  },
];

/** The author's content, with an upload bound to it as its writer binds one. */
async function attached(kind: ContentKind) {
  const author = await createMember();
  const file = await sendFile(author.id);
  const id = await kind.create(author, textWith(file.id));
  await testDb.$transaction((tx) =>
    bindAttachments(tx, {
      ownerId: author.id,
      markdown: textWith(file.id),
      target: { type: kind.type, id },
    }),
  );
  return { author, file, id };
}

const stillThere = (id: string) => testDb.upload.findUnique({ where: { id } });
const bytesOf = (file: { storageKey: string; kind: string; variants: number[] }) =>
  fileStorage().get(keysOf(file)[0]!);
const served = async (viewer: Member, id: string) =>
  (await readUpload(id, undefined, (upload) => mayReadUpload(viewer, upload))) !== null;

const deletable = KINDS.filter((kind) => kind.deleteAsAuthor);
const editable = KINDS.filter((kind) => kind.edit);
const moderated = KINDS.filter((kind) => kind.moderated);

describe("the kinds of content", () => {
  it("cover every kind a file can be attached to", async () => {
    const enumValues = await testDb.$queryRaw<{ value: string }[]>`
      SELECT unnest(enum_range(NULL::"AttachmentTarget"))::text AS value`;
    expect(KINDS.map((kind) => kind.type).sort()).toEqual(enumValues.map((e) => e.value).sort());
  });
});

describe.each(deletable.map((kind) => [kind.type, kind] as const))(
  "a %s deleted by its author",
  (_type, kind) => {
    it("stops counting at once, shows again if restored in the grace period, and is purged after it", async () => {
      const { author, file, id } = await attached(kind);
      expect(await bytesCounted(testDb, author.id)).toBe(file.byteSize);

      await kind.deleteAsAuthor!(author, id);
      expect(await bytesCounted(testDb, author.id)).toBe(0);
      expect(await served(author, file.id)).toBe(false);

      await kind.undelete!(id);
      expect(await bytesCounted(testDb, author.id)).toBe(file.byteSize);
      expect(await served(author, file.id)).toBe(true);

      await kind.deleteAsAuthor!(author, id);
      const deletedAt = Date.now();
      await purgeReleasedUploads(testDb, new Date(deletedAt + DELETED_CONTENT_KEEP_MS - MINUTE));
      expect(await stillThere(file.id)).not.toBeNull();
      expect(await bytesOf(file)).not.toBeNull();

      await purgeReleasedUploads(testDb, new Date(deletedAt + DELETED_CONTENT_KEEP_MS + MINUTE));
      expect(await stillThere(file.id)).toBeNull();
      expect(await bytesOf(file)).toBeNull();
    });
  },
);

describe.each(moderated.map((kind) => [kind.type, kind] as const))(
  "a %s hidden by a moderator",
  (_type, kind) => {
    it("keeps its file (still counted, never purged), served to admins only until restored", async () => {
      const { author, file, id } = await attached(kind);
      const [member, admin] = [await createMember(), await createAdmin()];
      const target = { targetType: kind.moderated!, targetId: id, reason: "" };
      expectOk(await hideContent(admin, target));

      expect(await served(member, file.id)).toBe(false);
      expect(await served(author, file.id)).toBe(false);
      expect(await served(admin, file.id)).toBe(true);
      expect(await bytesCounted(testDb, author.id)).toBe(file.byteSize);
      await purgeReleasedUploads(testDb, new Date(Date.now() + 10 * DELETED_CONTENT_KEEP_MS));
      expect(await bytesOf(file)).not.toBeNull();

      expectOk(await restoreContent(admin, target));
      expect(await served(member, file.id)).toBe(true);
    });
  },
);

describe.each(editable.map((kind) => [kind.type, kind] as const))(
  "a %s edited by its author",
  (_type, kind) => {
    it("releases a file it no longer mentions and binds the author's pending one it now mentions", async () => {
      const { author, file: kept, id } = await attached(kind);
      const removed = await sendFile(author.id);
      await testDb.upload.update({
        where: { id: removed.id },
        data: { targetType: kind.type, targetId: id },
      });
      const added = await sendFile(author.id);
      const someoneElses = await sendFile((await createMember()).id);

      await kind.edit!(author, id, textWith(kept.id, added.id, someoneElses.id));

      const rows = await testDb.upload.findMany({
        where: { id: { in: [kept.id, removed.id, added.id, someoneElses.id] } },
        select: { id: true, targetId: true, deletedAt: true },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      expect(byId.get(kept.id)).toMatchObject({ targetId: id, deletedAt: null });
      expect(byId.get(added.id)).toMatchObject({ targetId: id, deletedAt: null });
      expect(byId.get(someoneElses.id)).toMatchObject({ targetId: null, deletedAt: null });
      expect(byId.get(removed.id)).toMatchObject({ targetId: null, deletedAt: expect.any(Date) });
      expect(await bytesCounted(testDb, author.id)).toBe(kept.byteSize + added.byteSize);
      expect(await served(author, removed.id)).toBe(false);

      await purgeReleasedUploads(testDb);
      expect(await stillThere(removed.id)).toBeNull();
      expect(await bytesOf(removed)).toBeNull();
      expect(await stillThere(kept.id)).not.toBeNull();
    });
  },
);

describe.each(KINDS.map((kind) => [kind.type, kind] as const))(
  "a %s deleted outright",
  (_type, kind) => {
    it("leaves no upload row or bytes after the next housekeeping", async () => {
      const { author, file, id } = await attached(kind);
      await kind.destroy(id);
      expect(await bytesCounted(testDb, author.id)).toBe(0);
      await purgeReleasedUploads(testDb);
      expect(await stillThere(file.id)).toBeNull();
      expect(await bytesOf(file)).toBeNull();
    });
  },
);

describe("a session's texts", () => {
  it("are one target: notes saved by a host keep the description's file, and bind their own", async () => {
    const host = await createMember();
    const inDescription = await sendFile(host.id);
    const inNotes = await sendFile(host.id);
    const session = await pastSession(host, textWith(inDescription.id));
    const edit = KINDS.find((kind) => kind.type === "SESSION")!.edit!;
    await edit(host, session.id, textWith(inDescription.id));

    const notes = {
      sessionId: session.id,
      summary: textWith(inNotes.id),
      takeaways: "",
      recordingUrl: "",
    };
    expectOk(await saveNotes(host, notes));
    const bound = await testDb.upload.findMany({
      where: { targetType: "SESSION", targetId: session.id, deletedAt: null },
      select: { id: true },
    });
    expect(bound.map((row) => row.id).sort()).toEqual([inDescription.id, inNotes.id].sort());

    expectOk(await saveNotes(host, { ...notes, summary: "Nothing attached any more." }));
    expect(await stillThere(inNotes.id)).toMatchObject({ deletedAt: expect.any(Date) });
    expect(await stillThere(inDescription.id)).toMatchObject({ deletedAt: null });
  });
});

describe("the quota", () => {
  it("frees at once what deleted content held: the next upload fits", async () => {
    const author = await createMember();
    const discussion = await createDiscussion(author.id);
    await testDb.upload.create({
      data: {
        ownerId: author.id,
        kind: "FILE",
        contentType: "text/plain",
        byteSize: MEMBER_QUOTA_BYTES,
        originalName: "big.txt",
        storageKey: `u/big${discussion.id}`,
        targetType: "DISCUSSION",
        targetId: discussion.id,
      },
    });
    await expect(sendFile(author.id)).rejects.toThrow(/more than your/);
    expectOk(await deleteDiscussion(author, { id: discussion.id }));
    expect(await sendFile(author.id)).toMatchObject({ ownerId: author.id });
  });

  it("no longer counts a comment's file once its post is deleted", async () => {
    const kind = KINDS.find((each) => each.type === "POST_COMMENT")!;
    const { author, id } = await attached(kind);
    const { postId } = await testDb.postComment.findUniqueOrThrow({ where: { id } });
    await testDb.knowledgePost.update({ where: { id: postId }, data: { deletedAt: new Date() } });
    expect(await bytesCounted(testDb, author.id)).toBe(0);
  });
});
