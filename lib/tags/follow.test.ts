import { describe, expect, it } from "vitest";
import { NotFound } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createTag, followTag } from "@/test/factories-content";
import { updateTagFollow } from "./follow";

const followsOf = (userId: string) =>
  testDb.tagFollow.findMany({ where: { userId }, select: { tagId: true } });

describe("updateTagFollow", () => {
  it("follows and unfollows a tag for the acting member only", async () => {
    const [member, other, tag] = [await createMember(), await createMember(), await createTag()];
    await followTag(other.id, tag.id);

    expect(await updateTagFollow(member, { tagId: tag.id, follow: "true" })).toEqual({
      ok: true,
      message: `You follow ${tag.name}.`,
    });
    expect(await followsOf(member.id)).toEqual([{ tagId: tag.id }]);

    expect(await updateTagFollow(member, { tagId: tag.id, follow: "false" })).toEqual({
      ok: true,
      message: `You no longer follow ${tag.name}.`,
    });
    expect(await followsOf(member.id)).toEqual([]);
    expect(await followsOf(other.id)).toEqual([{ tagId: tag.id }]);
  });

  it("is harmless when repeated", async () => {
    const [member, tag] = [await createMember(), await createTag()];
    for (let i = 0; i < 2; i++) {
      expect(await updateTagFollow(member, { tagId: tag.id, follow: "true" })).toMatchObject({
        ok: true,
      });
    }
    expect(await followsOf(member.id)).toHaveLength(1);
    for (let i = 0; i < 2; i++) {
      expect(await updateTagFollow(member, { tagId: tag.id, follow: "false" })).toMatchObject({
        ok: true,
      });
    }
    expect(await followsOf(member.id)).toEqual([]);
  });

  it("cannot change another member's follows: the form names only the tag", async () => {
    const [member, other, tag] = [await createMember(), await createMember(), await createTag()];
    await followTag(other.id, tag.id);
    await updateTagFollow(member, {
      tagId: tag.id,
      follow: "false",
      userId: other.id,
      memberId: other.id,
    });
    expect(await followsOf(other.id)).toEqual([{ tagId: tag.id }]);
  });

  it("rejects malformed input beside the fields, and an unknown tag as not found", async () => {
    const member = await createMember();
    expect(await updateTagFollow(member, { tagId: "'; drop", follow: "maybe" })).toMatchObject({
      ok: false,
      fieldErrors: { tagId: [expect.any(String)], follow: [expect.any(String)] },
    });
    await expect(
      updateTagFollow(member, { tagId: "cmabcdefghijklmnopqrstuvw", follow: "true" }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await followsOf(member.id)).toEqual([]);
  });
});
