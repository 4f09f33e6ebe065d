// Who may read an upload (mayReadUpload) for every kind of target, as the target is now, and
// how uploads get there (bindAttachments, called by the content writers).
import { describe, expect, it } from "vitest";
import type { AttachmentTarget } from "@/lib/generated/prisma/enums";
import { createDiscussion as createDiscussionService } from "@/lib/discussions/create-discussion";
import { sendPrivateFeedback } from "@/lib/private-feedback/feedback";
import { testDb } from "@/test/db";
import { createAdmin, createMember, unique } from "@/test/factories";
import { createDiscussion, createReply, discussionInput } from "@/test/factories-discussions";
import { createPairing } from "@/test/factories-mentorship";
import { createComment, createPost } from "@/test/factories-posts";
import { createPrivateFeedback } from "@/test/factories-recognition";
import { createSession } from "@/test/factories-sessions";
import { mayReadUpload, type UploadAccess } from "./access";
import { bindAttachments, referencedUploadIds } from "@/lib/attachments/bind";

type Member = Awaited<ReturnType<typeof createMember>>;

function uploadRow(
  ownerId: string,
  fields: Partial<{
    kind: "AVATAR" | "IMAGE" | "FILE";
    targetType: AttachmentTarget;
    targetId: string;
    deletedAt: Date;
  }> = {},
) {
  return testDb.upload.create({
    data: {
      ownerId,
      kind: "IMAGE",
      contentType: "image/webp",
      byteSize: 100,
      originalName: "a.png",
      storageKey: `u/${unique("k")}`,
      variants: [100],
      ...fields,
    },
  });
}

const reload = (id: string) => testDb.upload.findUniqueOrThrow({ where: { id } });

// The row as written, not reloaded: the upload rows here never change, only their targets do,
// and the housekeeping another test file runs at the same time may purge a row of deleted content.
async function readers(upload: UploadAccess, viewers: Record<string, Member>) {
  const result: Record<string, boolean> = {};
  for (const [name, viewer] of Object.entries(viewers)) {
    result[name] = await mayReadUpload(viewer, upload);
  }
  return result;
}

describe("mayReadUpload", () => {
  it("a pending upload: its owner only; a profile photo: every member; a deleted one: nobody", async () => {
    const [owner, other, admin] = [await createMember(), await createMember(), await createAdmin()];
    const viewers = { owner, other, admin };
    expect(await readers(await uploadRow(owner.id), viewers)).toEqual({
      owner: true,
      other: false,
      admin: false,
    });
    expect(await readers(await uploadRow(owner.id, { kind: "AVATAR" }), viewers)).toEqual({
      owner: true,
      other: true,
      admin: true,
    });
    const deleted = await uploadRow(owner.id, { deletedAt: new Date() });
    expect(await readers(deleted, viewers)).toEqual({ owner: false, other: false, admin: false });
  });

  it("a discussion's: members while it shows, admins only while hidden, nobody once deleted", async () => {
    const [author, other, admin] = [
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const viewers = { author, other, admin };
    const discussion = await createDiscussion(author.id);
    const file = await uploadRow(author.id, { targetType: "DISCUSSION", targetId: discussion.id });
    expect(await readers(file, viewers)).toEqual({ author: true, other: true, admin: true });
    await testDb.discussion.update({
      where: { id: discussion.id },
      data: { hiddenAt: new Date() },
    });
    expect(await readers(file, viewers)).toEqual({ author: false, other: false, admin: true });
    await testDb.discussion.update({
      where: { id: discussion.id },
      data: { hiddenAt: null, deletedAt: new Date() },
    });
    expect(await readers(file, viewers)).toEqual({ author: false, other: false, admin: false });
  });

  it("a reply's: hidden with the reply or its discussion, gone with the reply", async () => {
    const [author, other, admin] = [
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const viewers = { author, other, admin };
    const discussion = await createDiscussion(author.id);
    const reply = await createReply(discussion.id, author.id);
    const file = await uploadRow(author.id, { targetType: "REPLY", targetId: reply.id });
    expect(await readers(file, viewers)).toEqual({ author: true, other: true, admin: true });
    await testDb.discussion.update({
      where: { id: discussion.id },
      data: { hiddenAt: new Date() },
    });
    expect(await readers(file, viewers)).toEqual({ author: false, other: false, admin: true });
    await testDb.discussion.update({ where: { id: discussion.id }, data: { hiddenAt: null } });
    await testDb.reply.update({ where: { id: reply.id }, data: { hiddenAt: new Date() } });
    expect(await readers(file, viewers)).toEqual({ author: false, other: false, admin: true });
    await testDb.reply.update({ where: { id: reply.id }, data: { deletedAt: new Date() } });
    expect(await readers(file, viewers)).toEqual({ author: false, other: false, admin: false });
  });

  it("a post's: a draft's to its author alone; hidden to admins only; deleted to nobody", async () => {
    const [author, other, admin] = [
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const viewers = { author, other, admin };
    const post = await createPost(author.id, { status: "DRAFT" });
    const file = await uploadRow(author.id, { targetType: "POST", targetId: post.id });
    expect(await readers(file, viewers)).toEqual({ author: true, other: false, admin: false });
    await testDb.knowledgePost.update({
      where: { id: post.id },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    expect(await readers(file, viewers)).toEqual({ author: true, other: true, admin: true });
    await testDb.knowledgePost.update({ where: { id: post.id }, data: { hiddenAt: new Date() } });
    expect(await readers(file, viewers)).toEqual({ author: false, other: false, admin: true });
    await testDb.knowledgePost.update({ where: { id: post.id }, data: { deletedAt: new Date() } });
    expect(await readers(file, viewers)).toEqual({ author: false, other: false, admin: false });
  });

  it("a post comment's: as the comment and its post", async () => {
    const [author, other, admin] = [
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const viewers = { author, other, admin };
    const post = await createPost(other.id);
    const comment = await createComment(post.id, author.id);
    const file = await uploadRow(author.id, { targetType: "POST_COMMENT", targetId: comment.id });
    expect(await readers(file, viewers)).toEqual({ author: true, other: true, admin: true });
    await testDb.postComment.update({ where: { id: comment.id }, data: { hiddenAt: new Date() } });
    expect(await readers(file, viewers)).toEqual({ author: false, other: false, admin: true });
    await testDb.postComment.update({ where: { id: comment.id }, data: { hiddenAt: null } });
    await testDb.knowledgePost.update({ where: { id: post.id }, data: { deletedAt: new Date() } });
    expect(await readers(file, viewers)).toEqual({ author: false, other: false, admin: false });
  });

  it("a session's notes: every member", async () => {
    const [host, other] = [await createMember(), await createMember()];
    const session = await createSession([host.id]);
    const file = await uploadRow(host.id, { targetType: "SESSION", targetId: session.id });
    expect(await readers(file, { host, other })).toEqual({ host: true, other: true });
  });

  it("private feedback's: the giver and the recipient, not a third member, not an admin", async () => {
    const [giver, recipient, third, admin] = [
      await createMember(),
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const feedback = await createPrivateFeedback(giver.id, recipient.id);
    const file = await uploadRow(giver.id, {
      targetType: "PRIVATE_FEEDBACK",
      targetId: feedback.id,
    });
    expect(await readers(file, { giver, recipient, third, admin })).toEqual({
      giver: true,
      recipient: true,
      third: false,
      admin: false,
    });
  });

  it("a pairing's: its mentor and mentee, and admins", async () => {
    const [mentor, mentee, third, admin] = [
      await createMember(),
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const pairing = await createPairing(mentor.id, mentee.id);
    const file = await uploadRow(mentee.id, { targetType: "PAIRING", targetId: pairing.id });
    expect(await readers(file, { mentor, mentee, third, admin })).toEqual({
      mentor: true,
      mentee: true,
      third: false,
      admin: true,
    });
  });

  it("a target that no longer exists: nobody", async () => {
    const owner = await createMember();
    const file = await uploadRow(owner.id, {
      targetType: "DISCUSSION",
      targetId: "cmgone000000000000000000",
    });
    expect(await readers(file, { owner })).toEqual({ owner: false });
  });
});

describe("bindAttachments", () => {
  it("finds each /files/<id> once", () => {
    const id = "cm4abcdefghijklmnopqrstu";
    expect(
      referencedUploadIds(`![a](/files/${id}) [b](/files/${id}?w=800) /files/short /files/${id}x`),
    ).toEqual([id, `${id}x`]);
  });

  it("binds the writer's own pending uploads only", async () => {
    const [writer, other] = [await createMember(), await createMember()];
    const discussion = await createDiscussion(writer.id);
    const elsewhere = await createDiscussion(writer.id);
    const mine = await uploadRow(writer.id);
    const theirs = await uploadRow(other.id);
    const boundElsewhere = await uploadRow(writer.id, {
      targetType: "DISCUSSION",
      targetId: elsewhere.id,
    });
    const photo = await uploadRow(writer.id, { kind: "AVATAR" });
    const deleted = await uploadRow(writer.id, { deletedAt: new Date() });
    const markdown = [mine, theirs, boundElsewhere, photo, deleted]
      .map((u) => `![x](/files/${u.id})`)
      .join("\n");
    const count = await testDb.$transaction((tx) =>
      bindAttachments(tx, {
        ownerId: writer.id,
        markdown,
        target: { type: "DISCUSSION", id: discussion.id },
      }),
    );
    expect(count).toBe(1);
    expect(await reload(mine.id)).toMatchObject({
      targetType: "DISCUSSION",
      targetId: discussion.id,
    });
    expect(await reload(theirs.id)).toMatchObject({ targetType: null, targetId: null });
    expect(await reload(boundElsewhere.id)).toMatchObject({ targetId: elsewhere.id });
    expect(await reload(photo.id)).toMatchObject({ targetType: null });
    // Released uploads may be purged meanwhile by another file's housekeeping run.
    const deletedNow = await testDb.upload.findUnique({ where: { id: deleted.id } });
    expect(deletedNow?.targetType ?? null).toBeNull();
  });

  it("is called by the writers: a new question binds its picture for every member to see", async () => {
    const [writer, reader] = [await createMember(), await createMember()];
    const picture = await uploadRow(writer.id);
    const result = await createDiscussionService(
      writer,
      discussionInput({
        kind: "QUESTION",
        body: `Why this error?\n\n![screenshot](/files/${picture.id})`,
      }),
    );
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data!.id : "";
    expect(await reload(picture.id)).toMatchObject({ targetType: "DISCUSSION", targetId: id });
    expect(await mayReadUpload(reader, await reload(picture.id))).toBe(true);
  });

  it("private feedback binds its attachment for the two of them only", async () => {
    const [giver, recipient, third] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    const file = await uploadRow(giver.id, { kind: "FILE" });
    const sent = await sendPrivateFeedback(giver, {
      recipientId: recipient.id,
      message: `Notes from the review: [notes.pdf](/files/${file.id})`,
    });
    expect(sent.ok).toBe(true);
    const row = await reload(file.id);
    expect(row.targetType).toBe("PRIVATE_FEEDBACK");
    expect(await mayReadUpload(recipient, row)).toBe(true);
    expect(await mayReadUpload(third, row)).toBe(false);
  });
});
