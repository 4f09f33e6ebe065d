// The dashboard as leaders get it: who may see it, and that it sends the same few SQL
// statements however much the community has done.
import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { statementCounter } from "@/test/count-statements";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createDiscussion, createReply } from "@/test/factories-content";
import { at, discussionIn, inSnapshot, isolateEra, memberIn } from "@/test/factories-insights";
import { createRecognition } from "@/test/factories-recognition";
import { createActionItem, createPastSession, createRsvp } from "@/test/factories-sessions";
import { insightsCsv } from "./csv";
import { communityHealth, communityHealthAsSeenBy, notHeardFromPage } from "./dashboard";
import { describePeriods, parsePeriod, periodFromDays } from "./period";
import { reviewReport } from "./report";

const countStatements = statementCounter();

describe("permissions", () => {
  it("refuses members everything: dashboard, list pages, CSV and report", async () => {
    const member = await createMember();
    const periods = parsePeriod({});
    await expect(communityHealth(member, periods)).rejects.toThrow(PermissionDenied);
    await expect(notHeardFromPage(member, null)).rejects.toThrow(PermissionDenied);
    await expect(insightsCsv(member, "key-measures", periods)).rejects.toThrow(PermissionDenied);
    await expect(insightsCsv(member, "not-heard-from", periods)).rejects.toThrow(PermissionDenied);
    await expect(reviewReport(member, periods)).rejects.toThrow(PermissionDenied);
  });

  it("lets leaders and admins see the dashboard", async () => {
    const periods = parsePeriod({});
    for (const actor of [await createLeader(), await createAdmin()]) {
      const health = await communityHealth(actor, periods);
      expect(health.period.label).toBe(periods.label);
      expect(health.period.previousLabel).toBe(periods.previousLabel);
      expect(health.participation.current.totalMembers).toBeGreaterThan(0);
      expect(health.notHeardFrom.items.length).toBeLessThanOrEqual(20);
    }
  });
});

describe("communityHealth", () => {
  it("puts every section and the first quiet members together", async () => {
    const periods = describePeriods(periodFromDays(at("1999-04-01"), at("1999-06-29")));
    const now = at("1999-06-30");
    await inSnapshot(async (tx) => {
      await isolateEra(tx, now);
      const quiet = await memberIn(tx, { name: "Quiet one" });
      const busy = await memberIn(tx, { name: "Busy one" });
      await discussionIn(tx, busy.id, at("1999-05-01"));
      const health = await communityHealthAsSeenBy(tx, periods, now);
      expect(health.period).toEqual({
        current: periods.current,
        previous: periods.previous,
        label: "1 April 1999 – 29 June 1999",
        previousLabel: "1 January 1999 – 31 March 1999",
      });
      expect(health.participation.current).toMatchObject({
        membersActive: 1,
        membersContributing: 1,
        totalMembers: 2,
      });
      expect(health.voices.current).toMatchObject({ members: 2, contributors: 1, gini: 0.5 });
      expect(health.knowledge.current.discussions).toBe(1);
      expect(health.sessions.current.held).toBe(0);
      expect(health.recognition.current.given).toBe(0);
      expect(health.mentorship.previous.overdue).toBeNull();
      expect(health.notHeardFrom).toEqual({
        items: [{ id: quiet.id, name: "Quiet one", teamName: null, lastHeardAt: null }],
        total: 1,
        nextCursor: null,
      });
    });
  });

  it("reads only what each CSV table shows: the roll-up's state and one statement", async () => {
    const leader = await createLeader();
    const periods = parsePeriod({});
    for (const table of [
      "participation-by-team",
      "recognition-by-team",
      "recognition-by-value",
    ] as const) {
      expect(await countStatements(() => insightsCsv(leader, table, periods)), table).toBe(2);
    }
  });

  it("sends the same few statements however much there is to count", async () => {
    const leader = await createLeader();
    const periods = parsePeriod({});
    const load = () => communityHealth(leader, periods);
    const few = await countStatements(load);

    const members = await Promise.all(Array.from({ length: 6 }, () => createMember()));
    for (const [i, member] of members.entries()) {
      const discussion = await createDiscussion({ authorId: member.id });
      await createReply(discussion.id, { authorId: members[(i + 1) % members.length]!.id });
      await createRecognition(member.id, [members[(i + 2) % members.length]!.id]);
    }
    const session = await createPastSession([members[0]!.id]);
    for (const member of members.slice(1)) await createRsvp(session.id, member.id, "GOING");
    await createActionItem(session.id, members[1]!.id, { dueOn: new Date() });

    const many = await countStatements(load);
    expect(many).toBe(few);
    // The roll-up's state; members' figures (participation, voices, recognition received);
    // recognition given; knowledge; sessions; mentorship; the members not heard from.
    expect(many).toBe(7);
  });
});
