// A community's leads get the moderation controls on its content's pages: the thread and the
// post loaders say whether the viewer leads the content's community (no extra statement on
// the thread), and only for that community.
import { describe, expect, it } from "vitest";
import { getThread } from "@/lib/discussions/thread-queries";
import { getPostPage } from "@/lib/posts/queries";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createCommunity } from "@/test/factories-communities";
import { createDiscussion } from "@/test/factories-discussions";
import { createPost } from "@/test/factories-posts";

async function placed() {
  const [lead, member, otherLead, author] = await Promise.all([
    createMember(),
    createMember(),
    createMember(),
    createMember(),
  ]);
  const community = await createCommunity({
    leadIds: [lead.id],
    memberIds: [member.id, author.id],
  });
  await createCommunity({ leadIds: [otherLead.id] });
  const inside = await createDiscussion(author.id, { communityId: community.id });
  const outside = await createDiscussion(author.id);
  const post = await createPost(author.id);
  await testDb.knowledgePost.update({
    where: { id: post.id },
    data: { communityId: community.id },
  });
  return { lead, member, otherLead, inside, outside, post };
}

describe("a community lead's controls", () => {
  it("are offered to its leads on its threads and posts, and to nobody else", async () => {
    const { lead, member, otherLead, inside, outside, post } = await placed();
    const admin = await createAdmin();
    const leadsThread = async (
      viewer: { id: string; role: "MEMBER" | "LEADER" | "ADMIN" },
      id: string,
    ) => (await getThread(viewer, id))?.discussion.viewerLeadsCommunity;
    expect(await leadsThread(lead, inside.id)).toBe(true);
    expect(await leadsThread(lead, outside.id)).toBe(false);
    expect(await leadsThread(member, inside.id)).toBe(false);
    expect(await leadsThread(otherLead, inside.id)).toBe(false);
    expect(await leadsThread(admin, inside.id)).toBe(false);
    expect((await getPostPage(lead, post.id))?.viewerLeadsCommunity).toBe(true);
    expect((await getPostPage(member, post.id))?.viewerLeadsCommunity).toBe(false);
    expect((await getPostPage(otherLead, post.id))?.viewerLeadsCommunity).toBe(false);
  });

  it("stop when the lead is made a plain member", async () => {
    const { lead, inside } = await placed();
    await testDb.communityMembership.updateMany({
      where: { memberId: lead.id },
      data: { role: "MEMBER" },
    });
    expect((await getThread(lead, inside.id))?.discussion.viewerLeadsCommunity).toBe(false);
  });
});
