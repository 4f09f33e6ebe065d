// Building digests runs a fixed number of statements: per batch for the reads, per mail for
// the send and its record, never one per listed item.
import { describe, expect, it } from "vitest";
import { statementCounter } from "@/test/count-statements";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import {
  createDiscussion,
  createQuestion,
  createTag,
  followTag,
} from "@/test/factories-discussions";
import { createPost } from "@/test/factories-posts";
import { createRecognition } from "@/test/factories-recognition";
import { createNotification } from "@/test/factories-notifications";
import { smtpServerForThisFile } from "@/test/smtp";
import { sendDigests } from "./send";

const countStatements = statementCounter();
const smtp = smtpServerForThisFile("digest@test.example");

/** A member following a tag with `items` new discussions, posts, questions, recognitions and notifications. */
async function readerWith(items: number) {
  const member = await createMember();
  const author = await createMember();
  const tag = await createTag(`Busy ${unique()}`);
  await followTag(member.id, tag.id);
  const skill = await testDb.skill.create({ data: { name: tag.name, slug: tag.slug } });
  await testDb.memberSkill.create({
    data: { userId: member.id, skillId: skill.id, kind: "OFFERED" },
  });
  for (let i = 0; i < items; i++) {
    const discussion = await createDiscussion(author.id, { tagIds: [tag.id] });
    await createPost(author.id, { tagIds: [tag.id] });
    await createQuestion(author.id, { tagIds: [tag.id] });
    await createRecognition(author.id, [member.id]);
    await createNotification(member.id, {
      actorId: author.id,
      kind: "tag.new_content",
      data: { tagName: tag.name, title: "New", path: `/discussions/${discussion.id}` },
    });
  }
  return member;
}

const job = (userIds: string[]) => ({
  frequency: "WEEKLY" as const,
  until: new Date(Date.now() + 60_000).toISOString(),
  userIds,
});

describe("digest statements", () => {
  it("are the same for one item or many, and grow per mail, not per item, in a batch", async () => {
    const few = await readerWith(1);
    const many = await readerWith(12);
    const batch = [
      await readerWith(3),
      await readerWith(6),
      await readerWith(9),
      await readerWith(12),
    ];

    const forFew = await countStatements(() => sendDigests(job([few.id])));
    const forMany = await countStatements(() => sendDigests(job([many.id])));
    const forBatch = await countStatements(() => sendDigests(job(batch.map((m) => m.id))));

    expect(forMany).toBe(forFew);
    // Reads once per batch (≤ 13), then the same few statements for each mail sent.
    const perMail = (forBatch - forFew) / (batch.length - 1);
    expect(Number.isInteger(perMail)).toBe(true);
    expect(perMail).toBeLessThanOrEqual(8);
    expect(forFew - perMail).toBeLessThanOrEqual(13);
    expect(smtp.messages).toHaveLength(6);
  });
});
