// The directory (search, cursor pages, the viewer's own first, private ones only to their
// members and admins), a community's page (404 for a private one to outsiders), its stream,
// and the communities a profile lists.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember, unique } from "@/test/factories";
import { createCommunity, createPrivateCommunity } from "@/test/factories-communities";
import { createDiscussion } from "@/test/factories-discussions";
import { createPost } from "@/test/factories-posts";
import {
  communitiesOfMember,
  communityDirectory,
  communityForViewer,
  communityStream,
} from "./queries";

describe("the directory", () => {
  it("finds communities by words of their name or purpose, and lists private ones only to members and admins", async () => {
    const word = `zyx${unique().slice(1)}`;
    const [member, outsider, admin] = [
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const open = await createCommunity({ name: `Open ${word}`, leadIds: [member.id] });
    const secret = await createPrivateCommunity({ name: `Secret ${word}`, memberIds: [member.id] });
    const byPurpose = await createCommunity({ purpose: `We talk about ${word}s all day.` });
    const names = async (
      viewer: { id: string; role: "MEMBER" | "ADMIN" | "LEADER" },
      search: string,
    ) => (await communityDirectory(viewer, { search, take: 50 })).items.map((item) => item.id);
    expect(new Set(await names(member, word))).toEqual(new Set([open.id, secret.id, byPurpose.id]));
    expect(new Set(await names(outsider, word))).toEqual(new Set([open.id, byPurpose.id]));
    expect(new Set(await names(admin, word))).toEqual(new Set([open.id, secret.id, byPurpose.id]));
    expect(await names(outsider, `${word.slice(0, 5)}`)).toContain(open.id); // a prefix matches
    expect(await names(outsider, "')(&|!:*")).toBeInstanceOf(Array); // odd input is no error
  });

  it("puts the viewer's communities first and pages by cursor without repeats", async () => {
    const word = `pager${unique().slice(1)}`;
    const viewer = await createMember();
    await createCommunity({ name: `Zulu ${word}`, memberIds: [viewer.id] });
    for (const letter of ["Alpha", "Bravo", "Charlie"])
      await createCommunity({ name: `${letter} ${word}` });
    const first = await communityDirectory(viewer, { search: word, take: 2 });
    const second = await communityDirectory(viewer, {
      search: word,
      take: 2,
      cursor: first.nextCursor,
    });
    const all = [...first.items, ...second.items].map((item) => item.name.split(" ")[0]);
    expect(all).toEqual(["Zulu", "Alpha", "Bravo", "Charlie"]);
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({ mine: 0, memberCount: 1, access: "OPEN" });
  });

  it("leaves archived communities out", async () => {
    const word = `arch${unique().slice(1)}`;
    const community = await createCommunity({ name: `Old ${word}` });
    await testDb.community.update({
      where: { id: community.id },
      data: { archivedAt: new Date() },
    });
    expect((await communityDirectory(await createAdmin(), { search: word })).items).toEqual([]);
  });
});

describe("a community's page", () => {
  it("is not found for a private community by outsiders, invitees and malformed slugs; found by members and admins", async () => {
    const [member, outsider, invitee, admin] = [
      await createMember(),
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const secret = await createPrivateCommunity({ memberIds: [member.id] });
    await testDb.communityMembership.create({
      data: { communityId: secret.id, memberId: invitee.id, status: "INVITED" },
    });
    expect(await communityForViewer(outsider, secret.slug)).toBeNull();
    expect(await communityForViewer(invitee, secret.slug)).toBeNull();
    expect(await communityForViewer(outsider, "bad\u0000slug")).toBeNull();
    expect(await communityForViewer(member, secret.slug)).toMatchObject({
      id: secret.id,
      standing: { status: "ACTIVE", role: "MEMBER" },
    });
    expect(await communityForViewer(admin, secret.slug)).toMatchObject({
      id: secret.id,
      standing: null,
    });
  });

  it("streams its discussions and posts, newest activity first, a page at a time", async () => {
    const author = await createMember();
    const community = await createCommunity();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const d1 = await createDiscussion(author.id, {
      communityId: community.id,
      lastActivityAt: at(1),
    });
    const d2 = await createDiscussion(author.id, {
      communityId: community.id,
      lastActivityAt: at(30),
    });
    await createDiscussion(author.id, { communityId: community.id, hiddenAt: new Date() });
    await createDiscussion(author.id); // outside the community
    const post = await createPost(author.id, { publishedAt: at(10) });
    await testDb.knowledgePost.update({
      where: { id: post.id },
      data: { communityId: community.id },
    });
    const first = await communityStream(community.id, null, 2);
    const second = await communityStream(community.id, first.nextCursor, 2);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual([
      d1.id,
      post.id,
      d2.id,
    ]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("a member's communities on their profile", () => {
  it("lists the private ones only to fellow members and admins", async () => {
    const [member, fellow, outsider, admin] = [
      await createMember(),
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const open = await createCommunity({ leadIds: [member.id] });
    const secret = await createPrivateCommunity({ memberIds: [member.id, fellow.id] });
    const slugs = async (viewer: typeof member) =>
      (await communitiesOfMember(viewer, member.id)).map((c) => c.slug).sort();
    expect(await slugs(outsider)).toEqual([open.slug]);
    expect(await slugs(fellow)).toEqual([open.slug, secret.slug].sort());
    expect(await slugs(admin)).toEqual([open.slug, secret.slug].sort());
  });
});
