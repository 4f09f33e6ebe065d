// Giving recognitions against the real database: who may be thanked, for which value, linked
// to what, how often per day; what is written alongside (recipients, notifications, the chat
// webhook's queue).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getSetting } from "@/lib/core/settings/queries";
import { runAction } from "@/lib/core/forms/run-action";
import { testDb } from "@/test/db";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { updateRecognitionSettings } from "@/lib/admin/settings/update";
import { createAdmin, createLeader, createMember, unique } from "@/test/factories";
import { createDiscussion, createReply } from "@/test/factories-discussions";
import { createTeam } from "@/test/factories-members";
import { notificationsFor } from "@/test/factories-notifications";
import { createPost } from "@/test/factories-posts";
import { createRecognition, createValue } from "@/test/factories-recognition";
import { createPairing } from "@/test/factories-mentorship";
import { createSession } from "@/test/factories-sessions";
import { enqueueRecognitionDelivery } from "./webhook";
import { giveRecognition } from "./give";
import { appOrigin } from "@/lib/core/mail/links";

vi.mock("@/lib/recognition/webhook", () => ({
  enqueueRecognitionDelivery: vi.fn(async () => {}),
}));

beforeEach(() => vi.clearAllMocks());

type Member = Awaited<ReturnType<typeof createMember>>;

/** The outcome a member sees: refusals (thrown DomainErrors) as failed results. */
function give(actor: Member, input: Record<string, string | string[]>) {
  return runAction(() => giveRecognition(actor, { message: `Thank you ${unique()}`, ...input }));
}

const recipientsOf = async (id: string) =>
  (await testDb.recognitionRecipient.findMany({ where: { recognitionId: id } }))
    .map((row) => row.userId)
    .sort();

const givenBy = (giverId: string) => testDb.recognition.count({ where: { giverId } });

describe("giving a recognition", () => {
  it("thanks members for a value, tells them, and queues it for chat", async () => {
    const [giver, a, b] = await Promise.all([createMember(), createMember(), createMember()]);
    const value = await createValue({ name: `Lifts others ${unique()}` });
    const result = await give(giver, {
      recipientIds: [a.id, b.id, a.id],
      valueId: value.id,
      message: "Thanks for **pairing** with me.",
    });
    expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const id = result.ok ? result.data!.id : "";
    const saved = await testDb.recognition.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({
      kind: "SHOUT_OUT",
      giverId: giver.id,
      valueId: value.id,
      message: "Thanks for **pairing** with me.",
      teamId: null,
      featuredAt: null,
    });
    expect(await recipientsOf(id)).toEqual([a.id, b.id].sort());
    for (const recipient of [a, b]) {
      expect(await notificationsFor(recipient.id)).toEqual([
        expect.objectContaining({
          kind: "recognition.received",
          actorId: giver.id,
          data: { recognitionId: id, valueName: value.name },
        }),
      ]);
    }
    expect(enqueueRecognitionDelivery).toHaveBeenCalledWith(expect.anything(), id);
  });

  it("refuses self-recognition and saves nothing", async () => {
    const [giver, other] = await Promise.all([createMember(), createMember()]);
    const value = await createValue();
    const result = await give(giver, { recipientIds: [other.id, giver.id], valueId: value.id });
    expect(result).toMatchObject({
      ok: false,
      message: "You can't recognise yourself.",
      fieldErrors: { recipientIds: ["You can't recognise yourself."] },
    });
    expect(await givenBy(giver.id)).toBe(0);
    expect(await notificationsFor(other.id)).toEqual([]);
    expect(enqueueRecognitionDelivery).not.toHaveBeenCalled();
  });

  it("refuses a deactivated member by name", async () => {
    const giver = await createMember();
    const gone = await createMember({ name: `Gone ${unique()}`, status: "DEACTIVATED" });
    const value = await createValue();
    const result = await give(giver, { recipientIds: gone.id, valueId: value.id });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { recipientIds: [`${gone.name} is deactivated and can't be recognised.`] },
    });
    expect(await givenBy(giver.id)).toBe(0);
  });

  it("needs someone to thank, a message and a value, with messages beside the fields", async () => {
    const giver = await createMember();
    const result = await giveRecognition(giver, { message: "", valueId: "" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        recipientIds: [expect.any(String)],
        message: [expect.any(String)],
        valueId: [expect.any(String)],
      },
    });
    const tooLong = await give(await createMember(), {
      recipientIds: (await createMember()).id,
      valueId: (await createValue()).id,
      message: "x".repeat(1001),
    });
    expect(tooLong).toMatchObject({ ok: false, fieldErrors: { message: [expect.any(String)] } });
  });

  it("refuses an archived or unknown value", async () => {
    const [giver, other] = await Promise.all([createMember(), createMember()]);
    const archived = await createValue({ archivedAt: new Date() });
    for (const valueId of [archived.id, "no-such-value"]) {
      expect(await give(giver, { recipientIds: other.id, valueId })).toMatchObject({
        ok: false,
        fieldErrors: { valueId: ["Choose one of the company values."] },
      });
    }
    expect(await givenBy(giver.id)).toBe(0);
  });

  it("copies a team's active members, leaving out the giver and deactivated members", async () => {
    const team = await createTeam();
    const giver = await createMember({ teamId: team.id });
    const [a, b] = await Promise.all([
      createMember({ teamId: team.id }),
      createMember({ teamId: team.id }),
    ]);
    const gone = await createMember({ teamId: team.id, status: "DEACTIVATED" });
    const outsider = await createMember();
    const value = await createValue();
    const result = await give(giver, {
      teamId: team.id,
      recipientIds: outsider.id,
      valueId: value.id,
    });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data!.id : "";
    expect((await testDb.recognition.findUniqueOrThrow({ where: { id } })).teamId).toBe(team.id);
    expect(await recipientsOf(id)).toEqual([a.id, b.id, outsider.id].sort());
    expect(await notificationsFor(gone.id)).toEqual([]);
    expect(await notificationsFor(giver.id)).toEqual([]);
    // Someone who joins the team later was not thanked.
    const later = await createMember({ teamId: team.id });
    expect(await recipientsOf(id)).not.toContain(later.id);
  });

  it("refuses a team where nobody but the giver is active", async () => {
    const team = await createTeam();
    const giver = await createMember({ teamId: team.id });
    await createMember({ teamId: team.id, status: "DEACTIVATED" });
    const value = await createValue();
    expect(await give(giver, { teamId: team.id, valueId: value.id })).toMatchObject({
      ok: false,
      fieldErrors: { teamId: ["You can't recognise yourself."] },
    });
    const empty = await createTeam();
    expect(await give(giver, { teamId: empty.id, valueId: value.id })).toMatchObject({
      ok: false,
      fieldErrors: { teamId: [expect.any(String)] },
    });
    expect(await givenBy(giver.id)).toBe(0);
  });

  it("links to a discussion, an answer, a post or a session", async () => {
    const [giver, author] = await Promise.all([createMember(), createMember()]);
    const value = await createValue();
    const discussion = await createDiscussion(author.id);
    const reply = await createReply(discussion.id, author.id);
    const post = await createPost(author.id);
    const session = await createSession([author.id]);
    const cases: [string, object][] = [
      [`/discussions/${discussion.id}`, { discussionId: discussion.id, replyId: null }],
      [
        `/discussions/${discussion.id}/replies/${reply.id}`,
        { discussionId: discussion.id, replyId: reply.id },
      ],
      [`/discussions/${discussion.id}#reply-${reply.id}`, { replyId: reply.id }],
      [`/posts/${post.id}?from=feed`, { postId: post.id, discussionId: null }],
      [`/sessions/${session.id}/`, { sessionId: session.id }],
      // A full address on this site, as pasted from the address bar.
      [`${appOrigin()}/discussions/${discussion.id}#reply-${reply.id}`, { replyId: reply.id }],
    ];
    for (const [link, columns] of cases) {
      const result = await give(giver, { recipientIds: author.id, valueId: value.id, link });
      expect(result.ok, link).toBe(true);
      const saved = await testDb.recognition.findUniqueOrThrow({
        where: { id: result.ok ? result.data!.id : "" },
      });
      expect(saved).toMatchObject(columns);
    }
  });

  it("links a mentorship only for its mentor or mentee", async () => {
    const [mentor, mentee, outsider] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
    ]);
    const value = await createValue();
    const pairing = await createPairing(mentor.id, mentee.id);
    const link = `/mentorship/${pairing.id}`;
    const thanked = await give(mentee, { recipientIds: mentor.id, valueId: value.id, link });
    expect(thanked.ok).toBe(true);
    const saved = await testDb.recognition.findUniqueOrThrow({
      where: { id: thanked.ok ? thanked.data!.id : "" },
    });
    expect(saved.pairingId).toBe(pairing.id);

    const refused = await give(outsider, { recipientIds: mentor.id, valueId: value.id, link });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { link: ["You can only link to a mentorship you are part of."] },
    });
    expect(await givenBy(outsider.id)).toBe(0);
  });

  it("refuses a link that is off-site, unknown or not visible to everyone", async () => {
    const [giver, author] = await Promise.all([createMember(), createMember()]);
    const value = await createValue();
    const hidden = await createDiscussion(author.id, { hiddenAt: new Date() });
    const draft = await createPost(author.id, { status: "DRAFT" });
    const deleted = await createPost(author.id, { deletedAt: new Date() });
    const other = await createDiscussion(author.id);
    const reply = await createReply((await createDiscussion(author.id)).id, author.id);
    const links = [
      "https://evil.example/posts/abc",
      `https://evil.example/posts/${draft.id}`,
      `${appOrigin()}/posts/${draft.id}`,
      "//evil.example/posts/abc",
      "/members/abc",
      `/discussions/${hidden.id}`,
      `/posts/${draft.id}`,
      `/posts/${deleted.id}`,
      `/sessions/no-such-session`,
      // A reply under the wrong discussion.
      `/discussions/${other.id}/replies/${reply.id}`,
    ];
    for (const link of links) {
      const result = await give(giver, { recipientIds: author.id, valueId: value.id, link });
      expect(result, link).toMatchObject({
        ok: false,
        fieldErrors: { link: [expect.any(String)] },
      });
    }
    expect(await givenBy(giver.id)).toBe(0);
  });

  it("lets leaders give featured recognition, and members not", async () => {
    const [leader, member, other] = await Promise.all([
      createLeader(),
      createMember(),
      createMember(),
    ]);
    const value = await createValue();
    const input = { recipientIds: other.id, valueId: value.id, kind: "LEADER" };
    expect(await give(member, input)).toMatchObject({
      ok: false,
      message: "You don't have permission to do that.",
    });
    expect(await givenBy(member.id)).toBe(0);
    const result = await give(leader, input);
    const saved = await testDb.recognition.findUniqueOrThrow({
      where: { id: result.ok ? result.data!.id : "" },
    });
    expect(saved).toMatchObject({ kind: "LEADER", featuredById: leader.id });
    expect(saved.featuredAt).toBeInstanceOf(Date);
  });
});

describe("the daily limit", () => {
  const today = () => new Date(Date.now() - 1000);

  it("refuses one more than the limit, counting only today's, undeleted ones", async () => {
    const limit = await getSetting("recognition.dailyLimit");
    const [giver, other] = await Promise.all([createMember(), createMember()]);
    const value = await createValue();
    const yesterday = new Date(Date.now() - 26 * 3_600_000);
    await createRecognition(giver.id, [other.id], { valueId: value.id, createdAt: yesterday });
    await createRecognition(giver.id, [other.id], { valueId: value.id, deletedAt: new Date() });
    for (let i = 0; i < limit - 1; i += 1) {
      await createRecognition(giver.id, [other.id], { valueId: value.id, createdAt: today() });
    }
    const input = { recipientIds: other.id, valueId: value.id };
    expect((await give(giver, input)).ok).toBe(true);
    expect(await give(giver, input)).toMatchObject({
      ok: false,
      message: `You've reached today's limit of ${limit} recognitions. Thank you for being generous — try again tomorrow.`,
    });
    // The limit is per giver.
    expect((await give(other, { recipientIds: giver.id, valueId: value.id })).ok).toBe(true);
  });

  it("lets exactly one of several concurrent gives through at limit − 1", async () => {
    const limit = await getSetting("recognition.dailyLimit");
    const [giver, other] = await Promise.all([createMember(), createMember()]);
    const value = await createValue();
    for (let i = 0; i < limit - 1; i += 1) {
      await createRecognition(giver.id, [other.id], { valueId: value.id, createdAt: today() });
    }
    const input = { recipientIds: other.id, valueId: value.id };
    // PGlite serves one transaction at a time; on PostgreSQL (CI) this fails without the lock.
    const results = await Promise.all(Array.from({ length: 4 }, () => give(giver, input)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await testDb.recognition.count({ where: { giverId: giver.id, deletedAt: null } })).toBe(
      limit,
    );
  });

  // The limit is one organisation-wide setting, so changing it lives here, next to the tests
  // that read it (tests in a file run one after another).
  it("follows the limit an admin sets, which is audited and refused to others", async () => {
    const admin = await createAdmin();
    const [giver, other] = await Promise.all([createMember(), createMember()]);
    const value = await createValue();
    const input = { recipientIds: other.id, valueId: value.id };
    expect(await updateRecognitionSettings(admin, { dailyLimit: "0" })).toMatchObject({
      ok: false,
      fieldErrors: { dailyLimit: ["Allow at least 1 recognition a day."] },
    });
    await expect(updateRecognitionSettings(giver, { dailyLimit: "50" })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    const before = await getSetting("recognition.dailyLimit");
    try {
      expect(await updateRecognitionSettings(admin, { dailyLimit: "2" })).toMatchObject({
        ok: true,
      });
      expect(await getSetting("recognition.dailyLimit")).toBe(2);
      expect((await give(giver, input)).ok).toBe(true);
      expect((await give(giver, input)).ok).toBe(true);
      expect(await give(giver, input)).toMatchObject({
        ok: false,
        message: expect.stringContaining("today's limit of 2 recognitions"),
      });
      const audit = await testDb.auditLog.findFirst({
        where: { actorId: admin.id, entityId: "recognition.dailyLimit" },
      });
      expect(audit).toMatchObject({ before: { dailyLimit: before }, after: { dailyLimit: 2 } });
    } finally {
      await updateRecognitionSettings(admin, { dailyLimit: String(before) });
    }
  });
});
