import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createTeam } from "@/test/factories-members";
import { testDb } from "@/test/db";
import {
  createPrivateFeedback,
  createRecognition,
  createValue,
} from "@/test/factories-recognition";
import { periodSchema, quietMembers, recognitionSpread } from "./spread";

const DAY = 24 * 60 * 60_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
// A period in the past that no other test writes into, so team and value rows are exact.
const at = (day: string) => new Date(`${day}T12:00:00Z`);
const PERIOD = { from: "2001-03-01", to: "2001-03-31" };

describe("recognitionSpread", () => {
  it("counts given and received by team and by value inside the period only", async () => {
    const [design, ops] = [await createTeam(), await createTeam()];
    const [ann, bea, cal, dan] = [
      await createMember({ teamId: design.id }),
      await createMember({ teamId: design.id }),
      await createMember({ teamId: ops.id }),
      await createMember({ teamId: ops.id, status: "DEACTIVATED" }),
    ];
    const [curious, sharing] = [await createValue(), await createValue()];
    // In the period: ann → cal (curious), cal → ann + bea (sharing), ann → cal (sharing).
    await createRecognition(ann.id, [cal.id], { valueId: curious.id, createdAt: at("2001-03-01") });
    await createRecognition(cal.id, [ann.id, bea.id], {
      valueId: sharing.id,
      createdAt: at("2001-03-15"),
    });
    await createRecognition(ann.id, [cal.id], { valueId: sharing.id, createdAt: at("2001-03-31") });
    // Outside the period, hidden or deleted: not counted. Private feedback never is.
    await createRecognition(ann.id, [cal.id], { valueId: curious.id, createdAt: at("2001-02-28") });
    await createRecognition(ann.id, [cal.id], { valueId: curious.id, createdAt: at("2001-04-01") });
    await createRecognition(cal.id, [ann.id], {
      valueId: curious.id,
      createdAt: at("2001-03-10"),
      hiddenAt: new Date(),
    });
    await createRecognition(cal.id, [ann.id], {
      valueId: curious.id,
      createdAt: at("2001-03-10"),
      deletedAt: new Date(),
    });
    await createPrivateFeedback(cal.id, ann.id, { createdAt: at("2001-03-10") });
    void dan;

    const spread = await recognitionSpread(await createLeader(), PERIOD);
    const team = (id: string) => spread.byTeam.find((row) => row.teamId === id);
    expect(team(design.id)).toEqual({
      teamId: design.id,
      teamName: design.name,
      teamSlug: design.slug,
      activeMembers: 2,
      given: 2,
      received: 2,
      membersRecognised: 2,
    });
    expect(team(ops.id)).toMatchObject({
      activeMembers: 1,
      given: 1,
      received: 2,
      membersRecognised: 1,
    });
    const value = (id: string) => spread.byValue.find((row) => row.valueId === id);
    expect(value(curious.id)).toMatchObject({ given: 1, received: 1, archived: false });
    expect(value(sharing.id)).toMatchObject({ given: 2, received: 3 });
  });

  it("lists an archived value only when the period used it", async () => {
    const member = await createMember();
    const [used, unused] = [
      await createValue({ archivedAt: new Date() }),
      await createValue({ archivedAt: new Date() }),
    ];
    await createRecognition(member.id, [(await createMember()).id], {
      valueId: used.id,
      createdAt: at("2001-03-05"),
    });
    const { byValue } = await recognitionSpread(await createAdmin(), PERIOD);
    const listed = byValue.map((row) => row.valueId);
    expect(listed).toContain(used.id);
    expect(listed).not.toContain(unused.id);
    expect(byValue.find((row) => row.valueId === used.id)).toMatchObject({ archived: true });
  });

  it("lists every active value, however many there are", async () => {
    await Promise.all(Array.from({ length: 201 }, () => createValue()));
    const active = await testDb.companyValue.count({ where: { archivedAt: null } });
    const { byValue } = await recognitionSpread(await createAdmin(), PERIOD);
    expect(byValue.filter((row) => !row.archived)).toHaveLength(active);
  });

  it("is for leaders only", async () => {
    await expect(recognitionSpread(await createMember(), PERIOD)).rejects.toBeInstanceOf(
      PermissionDenied,
    );
  });
});

describe("quietMembers", () => {
  it("lists active members with no public recognition in the last 90 days, by name", async () => {
    const team = await createTeam();
    const member = (name: string, status: "ACTIVE" | "DEACTIVATED" = "ACTIVE") =>
      createMember({ name: `${team.slug} ${name}`, teamId: team.id, status });
    const [recent, longAgo, hiddenOnly, feedbackOnly, never, gone, giverOnly] = [
      await member("Recent"),
      await member("Long ago"),
      await member("Hidden only"),
      await member("Feedback only"),
      await member("Never"),
      await member("Gone", "DEACTIVATED"),
      await member("Giver only"),
    ];
    await createRecognition(giverOnly.id, [recent.id], { createdAt: daysAgo(89) });
    await createRecognition(giverOnly.id, [longAgo.id], { createdAt: daysAgo(91) });
    await createRecognition(giverOnly.id, [hiddenOnly.id], { hiddenAt: new Date() });
    await createRecognition(giverOnly.id, [hiddenOnly.id], { deletedAt: new Date() });
    await createPrivateFeedback(giverOnly.id, feedbackOnly.id);
    void gone;

    const leader = await createLeader();
    const page = await quietMembers(leader, { teamSlug: team.slug });
    expect(page.items.map((row) => row.id)).toEqual([
      feedbackOnly.id,
      giverOnly.id,
      hiddenOnly.id,
      longAgo.id,
      never.id,
    ]);
    expect(page.items[0]).toEqual({
      id: feedbackOnly.id,
      name: feedbackOnly.name,
      title: null,
      team: { name: team.name, slug: team.slug },
    });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const next = await quietMembers(leader, { teamSlug: team.slug, cursor }, 2);
      seen.push(...next.items.map((row) => row.id));
      cursor = next.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(page.items.map((row) => row.id));
  });

  it("is for leaders only", async () => {
    await expect(quietMembers(await createMember())).rejects.toBeInstanceOf(PermissionDenied);
  });
});

describe("periodSchema", () => {
  it("defaults to the last 90 days up to today and checks the dates", () => {
    const today = new Date().toISOString().slice(0, 10);
    const parsed = periodSchema.parse({});
    expect(parsed.to).toBe(today);
    expect(Date.parse(parsed.to) - Date.parse(parsed.from)).toBe(89 * DAY);
    expect(periodSchema.parse({ from: "2001-03-01", to: "2001-03-31" })).toEqual(PERIOD);
    expect(periodSchema.safeParse({ from: "2001-04-01", to: "2001-03-31" }).success).toBe(false);
    expect(periodSchema.safeParse({ from: "2001-02-30" }).success).toBe(false);
    expect(periodSchema.safeParse({ from: "1990-01-01", to: "2001-01-01" }).success).toBe(false);
  });
});
