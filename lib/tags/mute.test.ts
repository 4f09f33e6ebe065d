import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createTag, followTag } from "@/test/factories-discussions";
import { notificationsFor } from "@/test/factories-notifications";
import { createDiscussion } from "@/lib/discussions/create-discussion";
import { updateTagFollow } from "./follow";
import { updateTagMute } from "./mute";

describe("muting a tag", () => {
  it("creates no tag.new_content notification for a member who muted one of its tags", async () => {
    const [author, follower, muter] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    const [followed, muted] = [await createTag(), await createTag()];
    await followTag(follower.id, followed.id);
    await followTag(muter.id, followed.id);
    await followTag(muter.id, muted.id);
    expect(await updateTagMute(muter, { tagId: muted.id, mute: "true" })).toMatchObject({
      ok: true,
    });
    expect(await testDb.tagFollow.count({ where: { userId: muter.id, tagId: muted.id } })).toBe(0);
    await createDiscussion(author, {
      kind: "DISCUSSION",
      title: "Flaky tests again",
      body: "Ideas?",
      tags: [followed.name, muted.name],
    });
    expect((await notificationsFor(follower.id)).map((n) => n.kind)).toEqual(["tag.new_content"]);
    expect(await notificationsFor(muter.id)).toHaveLength(0);
  });

  it("following a muted tag unmutes it; unmuting is harmless twice", async () => {
    const member = await createMember();
    const tag = await createTag();
    await updateTagMute(member, { tagId: tag.id, mute: "true" });
    await updateTagFollow(member, { tagId: tag.id, follow: "true" });
    expect(await testDb.tagMute.count({ where: { userId: member.id } })).toBe(0);
    await updateTagMute(member, { tagId: tag.id, mute: "false" });
    expect(await updateTagMute(member, { tagId: tag.id, mute: "false" })).toMatchObject({
      ok: true,
    });
  });
});
