// Asking colleagues, against the real database: who is suggested and why, the fair-spread
// rules, privacy of passes, redirects, answers and the automatic job.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember, unique } from "@/test/factories";
import { createQuestion, createReply, createTag } from "@/test/factories-discussions";
import { createCommunity, createPrivateCommunity } from "@/test/factories-communities";
import { createSkill } from "@/test/factories-members";
import { createPost } from "@/test/factories-posts";
import { createSession } from "@/test/factories-sessions";
import { createRecognition } from "@/test/factories-recognition";
import { loadAskPanel } from "./panel";
import { rankHelpers, type HelperFacts } from "./ranking";
import { findHelpers, passAsk, suggestOther } from "./respond";
import { routeTopic } from "./route";
import { routeUnanswered } from "./unanswered";

const YEARS_AGO = new Date(Date.now() - 2 * 365 * 24 * 60 * 60 * 1000);

/** A member who has been here for years and replied a lot: not a "fresh voice". */
async function veteran(name?: string) {
  const member = await createMember({ name: name ?? `Veteran ${unique()}` });
  await testDb.user.update({ where: { id: member.id }, data: { createdAt: YEARS_AGO } });
  const asker = await createMember();
  const chatter = await createQuestion(asker.id);
  await testDb.reply.createMany({
    data: Array.from({ length: 10 }, (_, i) => ({
      discussionId: chatter.id,
      authorId: member.id,
      body: `Reply ${i}`,
    })),
  });
  return member;
}

async function teaches(memberId: string, skillName: string) {
  const skill = await createSkill(skillName);
  await testDb.memberSkill.create({
    data: { userId: memberId, skillId: skill.id, kind: "OFFERED" },
  });
}

/** An accepted answer by `memberId` in a question tagged `tagId`. */
async function acceptedAnswer(memberId: string, tagId: string) {
  const asker = await createMember();
  const question = await createQuestion(asker.id, { tagIds: [tagId] });
  const reply = await createReply(question.id, memberId);
  await testDb.discussion.update({
    where: { id: question.id },
    data: { acceptedReplyId: reply.id },
  });
  return reply;
}

/** A fresh topic: a tag (and the skill of the same name) and an unanswered question in it. */
async function topic(options: { communityId?: string; authorId?: string } = {}) {
  const name = `Topic${unique()}`;
  const tag = await createTag(name);
  const asker = options.authorId ? { id: options.authorId } : await createMember();
  const question = await createQuestion(asker.id, {
    tagIds: [tag.id],
    title: `How do we do ${name} well?`,
    communityId: options.communityId ?? null,
  });
  return { name, tag, asker, question };
}

const asksOn = (discussionId: string) =>
  testDb.ask.findMany({ where: { discussionId }, orderBy: { score: "desc" } });

describe("who is asked, and why", () => {
  it("explains each reason: teaching, accepted answers, posts, sessions, recognition", async () => {
    const { name, tag, question } = await topic();
    const expert = await veteran();
    await teaches(expert.id, name);
    const reply = await acceptedAnswer(expert.id, tag.id);
    await createPost(expert.id, { tagIds: [tag.id] });
    await createSession([expert.id], { title: `All about ${name}` });
    const giver = await createMember();
    await createRecognition(giver.id, [expert.id], { replyId: reply.id });

    const outcome = await routeTopic({ kind: "question", id: question.id }, { askedById: null });
    const asked = outcome.asked.find((member) => member.memberId === expert.id)!;
    const texts = Object.fromEntries(asked.reasons.map((reason) => [reason.kind, reason.text]));
    expect(texts).toEqual({
      teaches: `Says they can teach ${name}`,
      answers: `Wrote 1 accepted answer on ${name}`,
      posts: `Published 1 knowledge post on ${name}`,
      sessions: `Hosted 1 session on ${name}`,
      recognition: `Was recognised 1 time for help on ${name}`,
    });
    expect(asked.score).toBe(10 + 3 + 4 + 5 + 2);
    const [row] = await asksOn(question.id);
    expect(row).toMatchObject({ askedMemberId: expert.id, status: "ASKED", askedById: null });
    expect(row!.reasons).toEqual(asked.reasons);
    const notes = await testDb.notification.findMany({ where: { recipientId: expert.id } });
    expect(notes.map((n) => [n.kind, n.data])).toEqual([
      ["ask.received", { discussionId: question.id, title: question.title }],
    ]);
  });

  it("falls back to the title's words when the question has no tags", async () => {
    const name = `Word${unique()}`;
    await createTag(name);
    const expert = await veteran();
    await teaches(expert.id, name);
    const asker = await createMember();
    const question = await createQuestion(asker.id, { title: `Who knows ${name} here?` });
    const outcome = await routeTopic({ kind: "question", id: question.id }, { askedById: null });
    expect(outcome.asked.map((m) => m.memberId)).toEqual([expert.id]);
  });

  it("never asks the asker, a deactivated member, or someone who already replied", async () => {
    const asker = await veteran();
    const { name, question } = await topic({ authorId: asker.id });
    const gone = await veteran();
    await testDb.user.update({ where: { id: gone.id }, data: { status: "DEACTIVATED" } });
    const replied = await veteran();
    await createReply(question.id, replied.id);
    const expert = await veteran();
    for (const member of [asker, gone, replied, expert]) await teaches(member.id, name);

    const outcome = await routeTopic({ kind: "question", id: question.id }, { askedById: null });
    expect(outcome.asked.map((m) => m.memberId)).toEqual([expert.id]);
  });

  it("routes a private community's question only to its members", async () => {
    const insider = await veteran();
    const outsider = await veteran();
    const admin = await createAdmin();
    const community = await createPrivateCommunity({ memberIds: [insider.id] });
    const { name, question } = await topic({ communityId: community.id });
    for (const member of [insider, outsider, admin]) await teaches(member.id, name);

    const outcome = await routeTopic({ kind: "question", id: question.id }, { askedById: null });
    expect(outcome.asked.map((m) => m.memberId)).toEqual([insider.id]);
  });

  it("routes an open community's question to anyone", async () => {
    const outsider = await veteran();
    const community = await createCommunity({ access: "OPEN" });
    const { name, question } = await topic({ communityId: community.id });
    await teaches(outsider.id, name);
    const outcome = await routeTopic({ kind: "question", id: question.id }, { askedById: null });
    expect(outcome.asked.map((m) => m.memberId)).toEqual([outsider.id]);
  });
});

describe("fair spread", () => {
  it("holds the weekly cap: a member asked N times this week is not asked again", async () => {
    const { name, question } = await topic();
    const busy = await veteran();
    await teaches(busy.id, name);
    for (let i = 0; i < 2; i++) {
      const other = await topic();
      await testDb.ask.create({
        data: {
          discussionId: other.question.id,
          askedMemberId: busy.id,
          reasons: [],
          score: 1,
          status: "ANSWERED",
        },
      });
    }
    const capped = await routeTopic(
      { kind: "question", id: question.id },
      { askedById: null, weeklyCap: 2 },
    );
    expect(capped.asked).toEqual([]);
    const uncapped = await routeTopic(
      { kind: "question", id: question.id },
      { askedById: null, weeklyCap: 3 },
    );
    expect(uncapped.asked.map((m) => m.memberId)).toEqual([busy.id]);
  });

  it("ranks members with recent and open asks lower, and says so", async () => {
    const { name, tag, question } = await topic();
    const [busy, free] = [await veteran("A busy"), await veteran("B free")];
    for (const member of [busy, free]) {
      await teaches(member.id, name);
      await acceptedAnswer(member.id, tag.id);
    }
    await acceptedAnswer(busy.id, tag.id); // the better expert on paper
    const other = await topic();
    await testDb.ask.create({
      data: { discussionId: other.question.id, askedMemberId: busy.id, reasons: [], score: 1 },
    });

    const outcome = await routeTopic(
      { kind: "question", id: question.id },
      { askedById: null, weeklyCap: 5 },
    );
    expect(outcome.asked.map((m) => m.memberId)).toEqual([free.id, busy.id]);
    const kinds = outcome.asked[1]!.reasons.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(["recent", "open"]));

    const plain = rankHelpers(
      [busy, free].map((m, i) =>
        facts(m.id, { acceptedAnswers: 2 - i, weekAsks: 1 - i, openAsks: 1 - i }),
      ),
      { fair: false, now: new Date() },
    );
    expect(plain.map((s) => s.memberId)).toEqual([busy.id, free.id]);
  });

  it("includes a newer member with the skill when the experts would fill every place", async () => {
    const { name, tag, question } = await topic();
    const experts = [await veteran(), await veteran(), await veteran(), await veteran()];
    for (const expert of experts) {
      await teaches(expert.id, name);
      await acceptedAnswer(expert.id, tag.id);
    }
    const newcomer = await createMember();
    await teaches(newcomer.id, name);

    const outcome = await routeTopic({ kind: "question", id: question.id }, { askedById: null });
    expect(outcome.asked).toHaveLength(3);
    expect(outcome.asked[2]).toMatchObject({ memberId: newcomer.id });
    expect(outcome.asked[2]!.reasons.at(-1)).toMatchObject({ kind: "fresh" });
    expect(outcome.asked[2]!.reasons.at(-1)!.text).toMatch(/^Newer here \(joined 0 days ago\)/);
  });
});

function facts(memberId: string, overrides: Partial<HelperFacts>): HelperFacts {
  return {
    memberId,
    name: memberId,
    joinedAt: YEARS_AGO,
    teaches: [],
    acceptedAnswers: 0,
    posts: 0,
    sessions: 0,
    recognitions: 0,
    evidenceTags: [],
    weekAsks: 0,
    openAsks: 0,
    replies: 50,
    ...overrides,
  };
}

describe("answering, passing and suggesting", () => {
  async function askedQuestion() {
    const t = await topic();
    const helper = await veteran();
    await teaches(helper.id, t.name);
    const outcome = await routeTopic(
      { kind: "question", id: t.question.id },
      { askedById: t.asker.id },
    );
    return { ...t, helper, askId: outcome.asked[0]!.askId };
  }

  it("keeps a pass private: the asker and an admin see only who was asked", async () => {
    const { question, asker, helper, askId } = await askedQuestion();
    const result = await passAsk({ id: helper.id, role: "MEMBER" }, { askId });
    expect(result.ok).toBe(true);

    const mine = await loadAskPanel(helper.id, question.id);
    expect(mine!.myAsk).toMatchObject({ id: askId, status: "PASSED" });
    const askers = await loadAskPanel(asker.id, question.id);
    expect(askers).toMatchObject({ isAsker: true, myAsk: null, askedNames: [helper.name] });
    expect(JSON.stringify(askers)).not.toMatch(/PASSED/);
    const admin = await createAdmin();
    const admins = await loadAskPanel(admin.id, question.id);
    expect(admins).toMatchObject({ myAsk: null, askedNames: [] });
  });

  it("refuses a pass by anyone but the asked member, and a second answer", async () => {
    const { asker, helper, askId } = await askedQuestion();
    await expect(passAsk({ id: asker.id, role: "ADMIN" }, { askId })).rejects.toThrow(/not found/i);
    expect(await testDb.ask.findUnique({ where: { id: askId } })).toMatchObject({
      status: "ASKED",
    });
    await passAsk({ id: helper.id, role: "MEMBER" }, { askId });
    expect(await passAsk({ id: helper.id, role: "MEMBER" }, { askId })).toMatchObject({
      ok: false,
    });
  });

  it("redirects to a suggested colleague, who is asked in turn, within the caps", async () => {
    const { question, helper, askId, asker } = await askedQuestion();
    const colleague = await createMember();
    const self = await suggestOther(
      { id: helper.id, role: "MEMBER" },
      { askId, memberId: asker.id },
    );
    expect(self).toMatchObject({
      ok: false,
      fieldErrors: { memberId: [expect.stringMatching(/asked it/)] },
    });

    const result = await suggestOther(
      { id: helper.id, role: "MEMBER" },
      { askId, memberId: colleague.id },
    );
    expect(result).toMatchObject({ ok: true });
    const rows = await testDb.ask.findMany({
      where: { discussionId: question.id },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [r.askedMemberId, r.status])).toEqual([
      [helper.id, "REDIRECTED"],
      [colleague.id, "ASKED"],
    ]);
    expect(rows[0]!.suggestedMemberId).toBe(colleague.id);
    expect(rows[1]!.askedById).toBe(helper.id);
  });

  it("marks the ask answered when the asked member replies", async () => {
    const { question, helper, askId } = await askedQuestion();
    await createReply(question.id, helper.id);
    expect(await testDb.ask.findUnique({ where: { id: askId } })).toMatchObject({
      status: "ANSWERED",
    });
  });

  it("lets anyone who reads the question find helpers, but not an outsider of a private community", async () => {
    const insider = await veteran();
    const outsider = await createMember();
    const community = await createPrivateCommunity({ memberIds: [insider.id] });
    const { name, question } = await topic({ communityId: community.id });
    const helper = await veteran();
    await testDb.communityMembership.create({
      data: { communityId: community.id, memberId: helper.id },
    });
    await teaches(helper.id, name);

    await expect(
      findHelpers({ id: outsider.id, role: "MEMBER" }, { discussionId: question.id }),
    ).rejects.toThrow(/not found/i);
    expect(await asksOn(question.id)).toEqual([]);
    const result = await findHelpers(
      { id: insider.id, role: "MEMBER" },
      { discussionId: question.id },
    );
    expect(result).toMatchObject({ ok: true, data: { names: [helper.name] } });
  });
});

describe("the automatic routing", () => {
  it("routes a question unanswered for a day once, however often it runs", async () => {
    const { name, question } = await topic();
    const helper = await veteran();
    await teaches(helper.id, name);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await testDb.discussion.update({ where: { id: question.id }, data: { createdAt: twoDaysAgo } });

    await routeUnanswered();
    await routeUnanswered();
    const rows = await asksOn(question.id);
    expect(rows.map((r) => r.askedMemberId)).toEqual([helper.id]);
  });

  it("leaves a question with a reply, and a recent one, alone", async () => {
    const a = await topic();
    const b = await topic();
    const helper = await veteran();
    await teaches(helper.id, a.name);
    await teaches(helper.id, b.name);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await testDb.discussion.update({
      where: { id: a.question.id },
      data: { createdAt: twoDaysAgo },
    });
    await createReply(a.question.id, (await createMember()).id);
    await routeUnanswered();
    expect(await asksOn(a.question.id)).toEqual([]);
    expect(await asksOn(b.question.id)).toEqual([]);
  });
});
