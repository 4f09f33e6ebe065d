// The personal feed's secret link: shown once, stored only as a hash, one per member, replaced
// by a new one, turned off, and dead for a deactivated member.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createFeedToken, feedOwner, feedUrl, revokeFeedToken } from "./feed-token";
import { feedFileSchema } from "./schemas";

async function issue(member: { id: string; role: "MEMBER" | "LEADER" | "ADMIN" }) {
  const result = await createFeedToken(member);
  if (!result.ok || !result.data) throw new Error("no token issued");
  return result.data.token;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("calendar feed tokens", () => {
  it("issues a 43-character token that opens the member's feed; only its hash is stored", async () => {
    const member = await testDb.user.update({
      where: { id: (await createMember()).id },
      data: { timeZone: "Europe/Berlin" },
    });
    const token = await issue(member);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await testDb.calendarFeedToken.findUniqueOrThrow({ where: { userId: member.id } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(row.tokenHash).not.toContain(token);
    expect(await feedOwner(token)).toEqual({
      id: member.id,
      timeZone: "Europe/Berlin",
      role: "MEMBER",
    });
  });

  it("replaces the old token when a new one is made: the old one stops working", async () => {
    const member = await createMember();
    const old = await issue(member);
    const longAgo = new Date("2020-01-01T00:00:00Z");
    await testDb.calendarFeedToken.update({
      where: { userId: member.id },
      data: { createdAt: longAgo },
    });
    const fresh = await issue(member);
    expect(fresh).not.toBe(old);
    expect(await feedOwner(old)).toBeNull();
    expect(await feedOwner(fresh)).toMatchObject({ id: member.id });
    const after = await testDb.calendarFeedToken.findMany({ where: { userId: member.id } });
    expect(after).toHaveLength(1);
    expect(after[0]!.createdAt.getTime()).toBeGreaterThan(longAgo.getTime());
  });

  it("turns the feed off, and turning off twice is harmless", async () => {
    const member = await createMember();
    const token = await issue(member);
    expect(await revokeFeedToken(member)).toMatchObject({ ok: true });
    expect(await feedOwner(token)).toBeNull();
    expect(await testDb.calendarFeedToken.count({ where: { userId: member.id } })).toBe(0);
    expect(await revokeFeedToken(member)).toMatchObject({ ok: true });
  });

  it("touches only the acting member's feed", async () => {
    const [ann, bob] = [await createMember(), await createMember()];
    const annToken = await issue(ann);
    const bobToken = await issue(bob);
    await revokeFeedToken(bob);
    expect(await feedOwner(annToken)).toMatchObject({ id: ann.id });
    expect(await feedOwner(bobToken)).toBeNull();
  });

  it("opens nothing for a deactivated member, or for a malformed or unknown token", async () => {
    const member = await createMember();
    const token = await issue(member);
    await testDb.user.update({ where: { id: member.id }, data: { status: "DEACTIVATED" } });
    expect(await feedOwner(token)).toBeNull();
    expect(await feedOwner("short")).toBeNull();
    expect(await feedOwner("A".repeat(43))).toBeNull();
  });
});

describe("feed addresses", () => {
  it("puts the token in a .ics address that the route's schema reads back", () => {
    const token = "a".repeat(21) + "_-" + "Z".repeat(20);
    const url = feedUrl("https://learning.example.com/", token);
    expect(url).toBe(`https://learning.example.com/calendar/${token}.ics`);
    expect(feedFileSchema.parse(url.split("/").pop())).toBe(token);
    expect(feedFileSchema.safeParse(token).success).toBe(false);
    expect(feedFileSchema.safeParse(`${token}x.ics`).success).toBe(false);
    expect(feedFileSchema.safeParse(`../${token.slice(3)}.ics`).success).toBe(false);
  });
});
