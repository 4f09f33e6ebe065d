import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/email/unsubscribe/[token]/route";
import { createUnsubscribeUrl } from "@/lib/core/mail/unsubscribe";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createDiscussion, createTag, followTag } from "@/test/factories-discussions";
import { preferencesOf } from "./preferences";

async function linkFor(userId: string, scope: string) {
  const url = await createUnsubscribeUrl(testDb, userId, scope);
  return { url, token: url.split("/").at(-1)! };
}

const context = (token: string) => ({ params: Promise.resolve({ token }) });

/** A mail provider's one-click POST: no cookie, the RFC 8058 body. */
function oneClick(url: string, type: "urlencoded" | "multipart" = "urlencoded") {
  if (type === "multipart") {
    const body = new FormData();
    body.set("List-Unsubscribe", "One-Click");
    return new Request(url, { method: "POST", body });
  }
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
}

describe("one-click unsubscribe", () => {
  it("turns off exactly that kind, with no session, answering 200 without a redirect", async () => {
    const member = await createMember();
    const { url, token } = await linkFor(member.id, "content.mentioned");
    const response = await POST(oneClick(url), context(token));
    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    const after = await preferencesOf(testDb, member.id);
    expect(after["content.mentioned"]).toBe("OFF");
    expect(after["discussion.replied"]).toBe("IMMEDIATE");
    expect(await testDb.notificationPreference.count({ where: { userId: member.id } })).toBe(1);
    const row = await testDb.unsubscribeToken.findFirst({ where: { userId: member.id } });
    expect(row?.usedAt).toBeInstanceOf(Date);
  });

  it("accepts multipart and turns the digest off", async () => {
    const member = await createMember();
    const { url, token } = await linkFor(member.id, "digest");
    expect((await POST(oneClick(url, "multipart"), context(token))).status).toBe(200);
    expect((await preferencesOf(testDb, member.id)).digest).toBe("OFF");
  });

  it("mutes a discussion or a tag", async () => {
    const member = await createMember();
    const discussion = await createDiscussion(member.id);
    const tag = await createTag();
    await followTag(member.id, tag.id);
    for (const scope of [`discussion:${discussion.id}`, `tag:${tag.id}`]) {
      const { url, token } = await linkFor(member.id, scope);
      expect((await POST(oneClick(url), context(token))).status).toBe(200);
    }
    expect(await testDb.discussionWatch.findFirst({ where: { userId: member.id } })).toMatchObject({
      discussionId: discussion.id,
      level: "MUTED",
    });
    expect(await testDb.tagMute.count({ where: { userId: member.id, tagId: tag.id } })).toBe(1);
    expect(await testDb.tagFollow.count({ where: { userId: member.id } })).toBe(0);
  });

  it("only shows a page on GET, naming the preference, with a button that posts", async () => {
    const member = await createMember();
    const { url, token } = await linkFor(member.id, "content.mentioned");
    const response = await GET(new Request(url), context(token));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Someone mentions me");
    expect(html).toMatch(/<form method="post"/);
    expect(html).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(await testDb.notificationPreference.count({ where: { userId: member.id } })).toBe(0);
  });

  it("says an unknown or malformed link is not valid, changing nothing", async () => {
    const unknown = "A".repeat(43);
    for (const token of [unknown, "short", "x".repeat(200)]) {
      const url = `http://localhost/email/unsubscribe/${token}`;
      const shown = await GET(new Request(url), context(token));
      expect(shown.status).toBe(404);
      expect(await shown.text()).toContain("This link is not valid");
      expect((await POST(oneClick(url), context(token))).status).toBe(404);
    }
  });

  it("refuses a POST without the one-click body", async () => {
    const member = await createMember();
    const { url, token } = await linkFor(member.id, "content.mentioned");
    const response = await POST(new Request(url, { method: "POST" }), context(token));
    expect(response.status).toBe(400);
    expect(await testDb.notificationPreference.count({ where: { userId: member.id } })).toBe(0);
  });
});
