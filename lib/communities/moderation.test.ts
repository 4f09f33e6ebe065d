// Leads moderate their own community's content — hide/restore, pin, lock — and nothing else:
// not another community's, not content outside communities. Admins (and, for pins and locks,
// leaders) keep their powers everywhere. Each change is audited as before.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createCommunity } from "@/test/factories-communities";
import { createDiscussion, createReply } from "@/test/factories-discussions";
import { createPost } from "@/test/factories-posts";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { setLocked, setPinned } from "@/lib/discussions/pin-lock";
import { hideContent, restoreContent, dismissReports } from "@/lib/moderation/moderate";
import { setPostPinned } from "@/lib/posts/posts";

async function world() {
  const [leadA, leadB, memberA, author, admin] = await Promise.all([
    createMember(),
    createMember(),
    createMember(),
    createMember(),
    createAdmin(),
  ]);
  const a = await createCommunity({ leadIds: [leadA.id], memberIds: [memberA.id] });
  const b = await createCommunity({ leadIds: [leadB.id] });
  const inA = await createDiscussion(author.id, { communityId: a.id });
  const inB = await createDiscussion(author.id, { communityId: b.id });
  const outside = await createDiscussion(author.id);
  const postA = await createPost(author.id);
  await testDb.knowledgePost.update({ where: { id: postA.id }, data: { communityId: a.id } });
  const postOutside = await createPost(author.id);
  const replyA = await createReply(inA.id, author.id);
  return { leadA, leadB, memberA, admin, inA, inB, outside, postA, postOutside, replyA };
}

const audits = (entityId: string) => testDb.auditLog.count({ where: { entityId } });

describe("a lead of community A", () => {
  it("pins, locks, hides and restores a discussion in A, each audited", async () => {
    const w = await world();
    await setPinned(w.leadA, { id: w.inA.id, pinned: "true" });
    await setLocked(w.leadA, { id: w.inA.id, locked: "true" });
    await hideContent(w.leadA, { targetType: "DISCUSSION", targetId: w.inA.id });
    const hidden = await testDb.discussion.findUniqueOrThrow({ where: { id: w.inA.id } });
    expect(hidden.pinnedAt && hidden.lockedAt && hidden.hiddenAt).toBeTruthy();
    await restoreContent(w.leadA, { targetType: "DISCUSSION", targetId: w.inA.id });
    expect(
      (await testDb.discussion.findUniqueOrThrow({ where: { id: w.inA.id } })).hiddenAt,
    ).toBeNull();
    expect(await audits(w.inA.id)).toBe(4);
  });

  it("pins a post in A and hides a reply in A", async () => {
    const w = await world();
    expect(await setPostPinned(w.leadA, { id: w.postA.id, pinned: "true" })).toMatchObject({
      ok: true,
    });
    expect(
      await hideContent(w.leadA, { targetType: "REPLY", targetId: w.replyA.id }),
    ).toMatchObject({
      ok: true,
    });
    expect(await audits(w.postA.id)).toBe(1);
    expect(await audits(w.replyA.id)).toBe(1);
  });

  it("cannot moderate content in B or outside communities; nothing changes", async () => {
    const w = await world();
    for (const id of [w.inB.id, w.outside.id]) {
      await expect(setPinned(w.leadA, { id, pinned: "true" })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
      await expect(setLocked(w.leadA, { id, locked: "true" })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
      await expect(
        hideContent(w.leadA, { targetType: "DISCUSSION", targetId: id }),
      ).rejects.toBeInstanceOf(PermissionDenied);
    }
    await expect(
      setPostPinned(w.leadA, { id: w.postOutside.id, pinned: "true" }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    await expect(
      dismissReports(w.leadA, { targetType: "DISCUSSION", targetId: w.inA.id }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    const untouched = await testDb.discussion.findMany({
      where: { id: { in: [w.inB.id, w.outside.id] } },
      select: { pinnedAt: true, lockedAt: true, hiddenAt: true },
    });
    expect(untouched).toEqual([
      { pinnedAt: null, lockedAt: null, hiddenAt: null },
      { pinnedAt: null, lockedAt: null, hiddenAt: null },
    ]);
    expect(await audits(w.inB.id)).toBe(0);
    expect(await audits(w.outside.id)).toBe(0);
  });

  it("is refused for an unknown id (as before: permission first)", async () => {
    const w = await world();
    await expect(
      setPinned(w.leadA, { id: "cjld2cjxh0000qzrmn831i7rn", pinned: "true" }),
    ).rejects.toBeInstanceOf(PermissionDenied);
  });
});

describe("an ordinary member of A", () => {
  it("moderates nothing in A", async () => {
    const w = await world();
    await expect(setPinned(w.memberA, { id: w.inA.id, pinned: "true" })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    await expect(
      hideContent(w.memberA, { targetType: "POST", targetId: w.postA.id }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(await audits(w.inA.id)).toBe(0);
  });
});

describe("an admin", () => {
  it("moderates everywhere, in and outside communities", async () => {
    const w = await world();
    for (const id of [w.inB.id, w.outside.id]) {
      expect(await hideContent(w.admin, { targetType: "DISCUSSION", targetId: id })).toMatchObject({
        ok: true,
      });
    }
  });
});
