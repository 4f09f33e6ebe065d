import { describe, expect, it } from "vitest";
import { InvalidCursor } from "@/lib/core/pagination/cursor";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createDiscussion, createReply } from "@/test/factories-discussions";
import { createTeam } from "@/test/factories-members";
import { createPost } from "@/test/factories-posts";
import {
  createPrivateFeedback,
  createRecognition,
  createValue,
} from "@/test/factories-recognition";
import { createPairing } from "@/test/factories-mentorship";
import { createSession } from "@/test/factories-sessions";
import {
  featuredForHome,
  getRecognition,
  listWall,
  profileRecognition,
  type RecognitionCard,
} from "./queries";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("listWall", () => {
  it("lists public recognitions newest first, with keyset pages", async () => {
    const [giver, recipient, value] = [
      await createMember(),
      await createMember(),
      await createValue(),
    ];
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await createRecognition(giver.id, [recipient.id], {
          valueId: value.id,
          createdAt: minutesAgo(50 - i),
        }),
      );
    }
    const newestFirst = ids(made).reverse();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listWall(giver, { valueSlug: value.slug, cursor }, 2);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.items));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(newestFirst);
  });

  it("leaves out hidden and deleted recognitions", async () => {
    const [giver, recipient, value] = [
      await createMember(),
      await createMember(),
      await createValue(),
    ];
    const shown = await createRecognition(giver.id, [recipient.id], { valueId: value.id });
    await createRecognition(giver.id, [recipient.id], { valueId: value.id, hiddenAt: new Date() });
    await createRecognition(giver.id, [recipient.id], { valueId: value.id, deletedAt: new Date() });
    const admin = await createAdmin();
    expect(ids((await listWall(admin, { valueSlug: value.slug })).items)).toEqual([shown.id]);
  });

  it("filters by value, team, member (received, given or either) and featured", async () => {
    const team = await createTeam();
    const [giver, teamMate, outsider] = [
      await createMember(),
      await createMember({ teamId: team.id }),
      await createMember(),
    ];
    const [value, otherValue] = [await createValue(), await createValue()];
    const toTeamMate = await createRecognition(giver.id, [teamMate.id], { valueId: value.id });
    const toTeam = await createRecognition(giver.id, [], { valueId: value.id, teamId: team.id });
    const featured = await createRecognition(giver.id, [outsider.id], {
      valueId: value.id,
      featuredAt: new Date(),
    });
    const byOutsider = await createRecognition(outsider.id, [giver.id], { valueId: otherValue.id });
    const viewer = await createMember();
    const wall = async (filters: Parameters<typeof listWall>[1]) =>
      ids((await listWall(viewer, filters)).items).sort();

    expect(await wall({ valueSlug: value.slug })).toEqual(
      [toTeamMate.id, toTeam.id, featured.id].sort(),
    );
    expect(await wall({ teamSlug: team.slug })).toEqual([toTeamMate.id, toTeam.id].sort());
    expect(await wall({ memberId: outsider.id })).toEqual([featured.id, byOutsider.id].sort());
    expect(await wall({ memberId: outsider.id, memberAs: "received" })).toEqual([featured.id]);
    expect(await wall({ memberId: outsider.id, memberAs: "given" })).toEqual([byOutsider.id]);
    expect(await wall({ memberId: giver.id, featured: true })).toEqual([featured.id]);
    expect(await wall({ valueSlug: otherValue.slug, teamSlug: team.slug })).toEqual([]);
  });

  it("comes with giver, recipients, team, value and the viewer's own flags", async () => {
    const team = await createTeam();
    const [giver, ann, bob, fan] = [
      await createMember(),
      await createMember({ name: "Ann Recipient", teamId: team.id }),
      await createMember({ name: "Bob Recipient", status: "DEACTIVATED" }),
      await createMember(),
    ];
    const value = await createValue({ emoji: "🌱" });
    const made = await createRecognition(giver.id, [bob.id, ann.id], {
      valueId: value.id,
      teamId: team.id,
    });
    await testDb.recognitionApplause.create({ data: { recognitionId: made.id, userId: fan.id } });
    await testDb.recognition.update({ where: { id: made.id }, data: { applauseCount: 1 } });

    const [asFan] = (await listWall(fan, { valueSlug: value.slug })).items as [RecognitionCard];
    expect(asFan).toMatchObject({
      id: made.id,
      kind: "SHOUT_OUT",
      featured: false,
      giver: { id: giver.id, name: giver.name, active: true },
      recipients: [
        { id: ann.id, name: "Ann Recipient", active: true },
        { id: bob.id, name: "Bob Recipient", active: false },
      ],
      moreRecipients: false,
      team: { id: team.id, name: team.name, slug: team.slug },
      value: { id: value.id, name: value.name, slug: value.slug, emoji: "🌱" },
      link: null,
      applauseCount: 1,
      viewer: {
        applauded: true,
        canApplaud: true,
        canEdit: false,
        canDelete: false,
        canFeature: false,
        canReport: true,
      },
    });

    const [asGiver] = (await listWall(giver, { valueSlug: value.slug })).items as [RecognitionCard];
    expect(asGiver.viewer).toEqual({
      applauded: false,
      canApplaud: false,
      canEdit: true,
      canDelete: true,
      canFeature: false,
      canReport: false,
    });
    const [asRecipient] = (await listWall(ann, { valueSlug: value.slug })).items;
    expect(asRecipient!.viewer).toMatchObject({ canApplaud: false, canReport: true });
    const [asLeader] = (await listWall(await createLeader(), { valueSlug: value.slug })).items;
    expect(asLeader!.viewer).toMatchObject({ canApplaud: true, canFeature: true, canEdit: false });
  });

  it("lets the giver edit for 15 minutes only", async () => {
    const [giver, recipient, value] = [
      await createMember(),
      await createMember(),
      await createValue(),
    ];
    const fresh = await createRecognition(giver.id, [recipient.id], {
      valueId: value.id,
      createdAt: minutesAgo(14),
    });
    const old = await createRecognition(giver.id, [recipient.id], {
      valueId: value.id,
      createdAt: minutesAgo(16),
    });
    const cards = (await listWall(giver, { valueSlug: value.slug })).items;
    const canEdit = Object.fromEntries(cards.map((card) => [card.id, card.viewer.canEdit]));
    expect(canEdit).toEqual({ [fresh.id]: true, [old.id]: false });
  });

  it("links to what it thanks, only while that is itself visible", async () => {
    const [giver, author, value] = [
      await createMember(),
      await createMember(),
      await createValue(),
    ];
    const discussion = await createDiscussion(author.id);
    const reply = await createReply(discussion.id, author.id);
    const post = await createPost(author.id);
    const session = await createSession([author.id]);
    const hiddenPost = await createPost(author.id, { hiddenAt: new Date() });
    const hiddenThread = await createDiscussion(author.id, { hiddenAt: new Date() });
    const replyInHidden = await createReply(hiddenThread.id, author.id);
    const links = [
      { discussionId: discussion.id },
      { discussionId: discussion.id, replyId: reply.id },
      { postId: post.id },
      { sessionId: session.id },
      { postId: hiddenPost.id },
      { discussionId: hiddenThread.id, replyId: replyInHidden.id },
    ];
    for (const [i, link] of links.entries()) {
      await createRecognition(giver.id, [author.id], {
        valueId: value.id,
        createdAt: minutesAgo(60 - i),
        ...link,
      });
    }
    const cards = (await listWall(giver, { valueSlug: value.slug })).items.reverse();
    expect(cards.map((card) => card.link)).toEqual([
      { kind: "discussion", href: `/discussions/${discussion.id}`, title: discussion.title },
      {
        kind: "reply",
        href: `/discussions/${discussion.id}/replies/${reply.id}`,
        title: discussion.title,
      },
      { kind: "post", href: `/posts/${post.id}`, title: post.title },
      { kind: "session", href: `/sessions/${session.id}`, title: session.title },
      null,
      null,
    ]);
  });

  it("names a thanked mentorship to everyone but links it only for the pair and admins", async () => {
    const [mentor, mentee, admin, outsider] = await Promise.all([
      createMember({ name: "Mo Mentor" }),
      createMember({ name: "Mia Mentee" }),
      createAdmin(),
      createMember(),
    ]);
    const value = await createValue();
    const pairing = await createPairing(mentor.id, mentee.id);
    const recognition = await createRecognition(mentee.id, [mentor.id], {
      valueId: value.id,
      pairingId: pairing.id,
    });
    const title = "Mo Mentor mentoring Mia Mentee";
    for (const viewer of [mentor, mentee, admin]) {
      expect((await getRecognition(recognition.id, viewer))?.link).toEqual({
        kind: "mentorship",
        href: `/mentorship/${pairing.id}`,
        title,
      });
    }
    expect((await getRecognition(recognition.id, outsider))?.link).toEqual({
      kind: "mentorship",
      href: null,
      title,
    });
  });

  it("refuses a tampered cursor", async () => {
    const viewer = await createMember();
    await expect(listWall(viewer, { cursor: "bm90IGEgY3Vyc29y" })).rejects.toBeInstanceOf(
      InvalidCursor,
    );
  });
});

describe("getRecognition", () => {
  it("shows a public recognition, a hidden one to admins only, a deleted one to nobody", async () => {
    const [giver, recipient, member, admin] = [
      await createMember(),
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const shown = await createRecognition(giver.id, [recipient.id]);
    const hidden = await createRecognition(giver.id, [recipient.id], { hiddenAt: new Date() });
    const deleted = await createRecognition(giver.id, [recipient.id], { deletedAt: new Date() });

    expect((await getRecognition(shown.id, member))?.id).toBe(shown.id);
    expect(await getRecognition(hidden.id, member)).toBeNull();
    expect(await getRecognition(hidden.id, giver)).toBeNull();
    expect(await getRecognition(hidden.id, admin)).toMatchObject({
      id: hidden.id,
      hidden: true,
      viewer: { canApplaud: false, canFeature: false, canReport: false },
    });
    expect(await getRecognition(deleted.id, admin)).toBeNull();
    expect(await getRecognition("x".repeat(41), member)).toBeNull();
  });
});

describe("featuredForHome", () => {
  it("lists featured public recognitions, the most recently featured first", async () => {
    const [leader, member] = [await createLeader(), await createMember()];
    const older = await createRecognition(leader.id, [member.id], {
      kind: "LEADER",
      featuredAt: new Date(Date.now() + 60_000),
    });
    const newer = await createRecognition(member.id, [leader.id], {
      featuredAt: new Date(Date.now() + 120_000),
    });
    await createRecognition(leader.id, [member.id], {
      featuredAt: new Date(Date.now() + 180_000),
      hiddenAt: new Date(),
    });
    await createRecognition(leader.id, [member.id], { createdAt: new Date(Date.now() + 240_000) });
    const home = await featuredForHome(member, 2);
    expect(ids(home)).toEqual([newer.id, older.id]);
    expect(home[1]).toMatchObject({ kind: "LEADER", featured: true });
  });
});

describe("profileRecognition", () => {
  it("gives latest received and given, totals and exact counts by value, public only", async () => {
    const [member, colleague] = [await createMember(), await createMember()];
    const [often, once] = [await createValue(), await createValue()];
    const received = [];
    for (let i = 0; i < 3; i++) {
      received.push(
        await createRecognition(colleague.id, [member.id], {
          valueId: often.id,
          createdAt: minutesAgo(30 - i),
        }),
      );
    }
    received.push(
      await createRecognition(colleague.id, [member.id], {
        valueId: once.id,
        createdAt: minutesAgo(10),
      }),
    );
    await createRecognition(colleague.id, [member.id], { valueId: once.id, hiddenAt: new Date() });
    await createRecognition(colleague.id, [member.id], { valueId: once.id, deletedAt: new Date() });
    await createPrivateFeedback(colleague.id, member.id);
    const given = await createRecognition(member.id, [colleague.id], { valueId: once.id });

    const profile = await profileRecognition(member.id, colleague, 2);
    expect(ids(profile.received)).toEqual([received[3]!.id, received[2]!.id]);
    expect(ids(profile.given)).toEqual([given.id]);
    expect(profile.receivedCount).toBe(4);
    expect(profile.givenCount).toBe(1);
    expect(profile.receivedByValue.map(({ id, count }) => ({ id, count }))).toEqual([
      { id: often.id, count: 3 },
      { id: once.id, count: 1 },
    ]);
  });

  it("is empty for a member with no recognition", async () => {
    const member = await createMember();
    expect(await profileRecognition(member.id, member)).toEqual({
      received: [],
      given: [],
      receivedCount: 0,
      givenCount: 0,
      receivedByValue: [],
    });
  });
});
