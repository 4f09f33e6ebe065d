// The dashboard's sections on hand-worked fixtures. Each test writes its rows in 1998–1999
// inside a transaction it rolls back and runs the section on that transaction, so the
// organisation-wide figures are exactly what its rows make (see test/factories-insights.ts).
// Mentorship's "now" figures cannot be moved into the past: they are checked as the change
// the test's rows make, within one snapshot.
import { describe, expect, it } from "vitest";
import { knowledge } from "./figures-knowledge";
import { participation, voices } from "./figures-members";
import { mentorship } from "./figures-mentorship";
import { recognition } from "./figures-recognition";
import { sessions } from "./figures-sessions";
import { describePeriods, periodFromDays, previousPeriod } from "./period";
import { unique } from "@/test/factories";
import {
  acceptIn,
  actionItemIn,
  addHours,
  at,
  discussionIn,
  feedbackIn,
  inSnapshot,
  isolateEra,
  memberIn,
  pairingIn,
  postIn,
  recognitionIn,
  replyIn,
  requestIn,
  rsvpIn,
  sessionIn,
  surveyIn,
  teamIn,
  valueIn,
} from "@/test/factories-insights";

/** Current: 1 April – 29 June 1999 (90 days); previous: 1 January – 31 March 1999. */
const ERA = describePeriods(periodFromDays(at("1999-04-01"), at("1999-06-29")));
const CUR = (day: string) => at(`1999-${day}`);

describe("the test periods", () => {
  it("are 90 days each, back to back", () => {
    expect(ERA.current).toEqual({ from: at("1999-04-01"), to: at("1999-06-30") });
    expect(ERA.previous).toEqual({ from: at("1999-01-01"), to: at("1999-04-01") });
    expect(previousPeriod(ERA.current)).toEqual(ERA.previous);
  });
});

describe("participation", () => {
  it("counts active and contributing members, in total and by team, in both periods", async () => {
    await inSnapshot(async (tx) => {
      await isolateEra(tx, ERA.current.to);
      const marker = unique("P");
      const alpha = await teamIn(tx, `Alpha ${marker}`);
      const beta = await teamIn(tx, `Beta ${marker}`);
      const a1 = await memberIn(tx, { teamId: alpha.id });
      const a2 = await memberIn(tx, { teamId: alpha.id });
      const b1 = await memberIn(tx, { teamId: beta.id });
      const n1 = await memberIn(tx);
      const n2 = await memberIn(tx);
      const p1 = await memberIn(tx, { createdAt: at("1999-02-15") });
      const gone = await memberIn(tx, { status: "DEACTIVATED" });
      const late = await memberIn(tx, { createdAt: at("1999-07-15") });

      // Current period.
      const started = await discussionIn(tx, a1.id, CUR("04-10")); // a1 contributes
      await tx.discussionReaction.create({
        data: { discussionId: started.id, userId: a2.id, kind: "LIKE", createdAt: CUR("04-11") },
      }); // a2 is active only
      const held = await sessionIn(tx, [b1.id], CUR("05-02")); // b1 hosts: contributes
      await rsvpIn(tx, held.id, b1.id, "GOING", { createdAt: CUR("04-20") });
      await sessionIn(tx, [n1.id], CUR("05-03"), { status: "CANCELLED" }); // not a contribution
      await feedbackIn(tx, held.id, 5, CUR("05-02")); // anonymous: nobody is active by it
      await feedbackIn(tx, held.id, 4, CUR("05-03"), n2.id); // n2 is active
      await discussionIn(tx, n2.id, CUR("05-04"), { hiddenAt: CUR("05-05") }); // hidden: nothing
      await surveyIn(tx, {
        opensAt: CUR("05-01"),
        closesAt: CUR("05-20"),
        statements: ["I can share a mistake without fear of judgement"],
        responses: [[4]],
        respondents: [n1.id],
      }); // survey answers never count
      await discussionIn(tx, gone.id, CUR("04-12")); // deactivated: left out
      await discussionIn(tx, late.id, CUR("06-01")); // (joined after the period)

      // Previous period.
      const older = await discussionIn(tx, b1.id, at("1998-11-01"));
      await replyIn(tx, older.id, a1.id, at("1999-02-01")); // a1 contributes
      const post = await postIn(tx, a2.id, { publishedAt: at("1998-12-01") });
      await tx.helpfulVote.create({
        data: { postId: post.id, userId: p1.id, createdAt: at("1999-03-01") },
      }); // p1 is active
      const value = await valueIn(tx);
      await recognitionIn(tx, n1.id, [a2.id], value.id, at("1999-03-10")); // n1 contributes

      const figures = await participation(tx, ERA);
      expect(figures.current).toEqual({
        membersActive: 4, // a1, a2, b1, n2 (late joined after the period)
        membersContributing: 2, // a1, b1
        totalMembers: 6, // a1, a2, b1, n1, n2, p1
        byTeam: [
          { teamId: alpha.id, teamName: alpha.name, members: 2, active: 2, contributing: 1 },
          { teamId: beta.id, teamName: beta.name, members: 1, active: 1, contributing: 1 },
          { teamId: null, teamName: "No team", members: 3, active: 1, contributing: 0 },
        ],
      });
      expect(figures.previous).toEqual({
        membersActive: 3, // a1, p1, n1
        membersContributing: 2, // a1, n1
        totalMembers: 6,
        byTeam: [
          { teamId: alpha.id, teamName: alpha.name, members: 2, active: 1, contributing: 1 },
          { teamId: beta.id, teamName: beta.name, members: 1, active: 0, contributing: 0 },
          { teamId: null, teamName: "No team", members: 3, active: 2, contributing: 1 },
        ],
      });
    });
  });
});

describe("voices", () => {
  it("works out the top-10% share and the Gini coefficient over all members, zeros included", async () => {
    await inSnapshot(async (tx) => {
      await isolateEra(tx, ERA.current.to);
      const now = CUR("06-15");
      const [m1, m2, m3, m4, m5, m6] = await Promise.all(
        Array.from({ length: 6 }, (_, i) => memberIn(tx, { name: `Voice ${i + 1} ${unique()}` })),
      );
      const gone = await memberIn(tx, { status: "DEACTIVATED" });
      const value = await valueIn(tx);
      const topic = await discussionIn(tx, m1!.id, at("1998-06-01"));

      // Current period: contributions 0, 0, 1, 1, 2, 6.
      await recognitionIn(tx, m3!.id, [m1!.id], value.id, CUR("04-05")); // m3: 1
      await postIn(tx, m4!.id, { publishedAt: CUR("04-06") }); // m4: 1
      await discussionIn(tx, m5!.id, CUR("04-07"), { kind: "QUESTION" }); // m5: 2
      await replyIn(tx, topic.id, m5!.id, CUR("04-08"));
      await discussionIn(tx, m6!.id, CUR("04-09")); // m6: 6
      await discussionIn(tx, m6!.id, CUR("04-10"));
      await replyIn(tx, topic.id, m6!.id, CUR("04-11"));
      await postIn(tx, m6!.id, { publishedAt: CUR("04-12") });
      await sessionIn(tx, [m6!.id], CUR("04-13"));
      await recognitionIn(tx, m6!.id, [m2!.id], value.id, CUR("04-14"));
      // None of these count: hidden, deleted, a draft, cancelled, not yet held, deactivated.
      await discussionIn(tx, m1!.id, CUR("04-15"), { hiddenAt: CUR("04-16") });
      await replyIn(tx, topic.id, m2!.id, CUR("04-17"), { deletedAt: CUR("04-18") });
      await postIn(tx, m1!.id, { status: "DRAFT", publishedAt: null });
      await sessionIn(tx, [m2!.id], CUR("04-19"), { status: "CANCELLED" });
      await sessionIn(tx, [m2!.id], CUR("06-20")); // after `now`
      await discussionIn(tx, gone.id, CUR("04-20"));

      // Previous period: contributions 0, 0, 0, 0, 3, 3.
      for (const day of ["01-10", "01-11", "01-12"]) {
        await replyIn(tx, topic.id, m5!.id, at(`1999-${day}`));
        await recognitionIn(tx, m6!.id, [m1!.id], value.id, at(`1999-${day}`));
      }

      const figures = await voices(tx, ERA, now);
      // Current, x ascending = 0, 0, 1, 1, 2, 6; n = 6, Σx = 10.
      //   Σ i·x = 1·0 + 2·0 + 3·1 + 4·1 + 5·2 + 6·6 = 53
      //   G = 2·53 / (6·10) − 7/6 = 106/60 − 70/60 = 36/60 = 0.6
      //   top 10%: ceil(0.6) = 1 member (the 6) → 6/10 = 0.6
      expect(figures.current.members).toBe(6);
      expect(figures.current.contributors).toBe(4);
      expect(figures.current.totalContributions).toBe(10);
      expect(figures.current.gini).toBeCloseTo(0.6, 10);
      expect(figures.current.top10Share).toBeCloseTo(0.6, 10);
      // Previous, x = 0, 0, 0, 0, 3, 3; Σx = 6.
      //   Σ i·x = 5·3 + 6·3 = 33; G = 66/36 − 7/6 = 11/6 − 7/6 = 2/3
      //   top 10%: 1 member of the two tied at 3 → 3/6 = 0.5
      expect(figures.previous.contributors).toBe(2);
      expect(figures.previous.totalContributions).toBe(6);
      expect(figures.previous.gini).toBeCloseTo(2 / 3, 10);
      expect(figures.previous.top10Share).toBeCloseTo(0.5, 10);
    });
  });

  it("has no share or coefficient when nobody contributed, and 0 when all contribute alike", async () => {
    await inSnapshot(async (tx) => {
      await isolateEra(tx, ERA.current.to);
      const members = await Promise.all(Array.from({ length: 11 }, () => memberIn(tx)));
      for (const member of members) await discussionIn(tx, member.id, CUR("05-01"));
      const figures = await voices(tx, ERA);
      // 11 members with 1 each: top 10% is ceil(1.1) = 2 members → 2/11.
      expect(figures.current).toMatchObject({ members: 11, contributors: 11, gini: 0 });
      expect(figures.current.top10Share).toBeCloseTo(2 / 11, 10);
      expect(figures.previous).toEqual({
        members: 11,
        contributors: 0,
        totalContributions: 0,
        top10Share: null,
        gini: null,
      });
    });
  });
});

describe("knowledge", () => {
  it("counts questions answered, the median time to a first answer and posts past review", async () => {
    await inSnapshot(async (tx) => {
      const asker = await memberIn(tx);
      const helper = await memberIn(tx);
      const other = await memberIn(tx);
      const t = CUR("05-01T09:00");

      await discussionIn(tx, asker.id, CUR("04-02"));
      await discussionIn(tx, helper.id, CUR("04-03"));
      await discussionIn(tx, helper.id, CUR("04-04"), { hiddenAt: CUR("04-05") });
      await discussionIn(tx, helper.id, CUR("04-04"), { deletedAt: CUR("04-05") });

      // q1: first answer after 2 h, accepted.
      const q1 = await discussionIn(tx, asker.id, t, { kind: "QUESTION" });
      const answer = await replyIn(tx, q1.id, helper.id, addHours(t, 2));
      await replyIn(tx, q1.id, other.id, addHours(t, 3));
      await acceptIn(tx, q1.id, answer.id);
      // q2: the asker's own reply (1 h) and a hidden one (3 h) are ignored; first answer 5 h.
      const q2 = await discussionIn(tx, asker.id, t, { kind: "QUESTION" });
      await replyIn(tx, q2.id, asker.id, addHours(t, 1));
      await replyIn(tx, q2.id, helper.id, addHours(t, 3), { hiddenAt: addHours(t, 4) });
      await replyIn(tx, q2.id, other.id, addHours(t, 5));
      // q3: only the asker replied: no first answer.
      const q3 = await discussionIn(tx, asker.id, t, { kind: "QUESTION" });
      await replyIn(tx, q3.id, asker.id, addHours(t, 1));
      // q4: the accepted answer was hidden since: not answered; first answer 10 h.
      const q4 = await discussionIn(tx, helper.id, t, { kind: "QUESTION" });
      const hidden = await replyIn(tx, q4.id, asker.id, addHours(t, 10));
      await acceptIn(tx, q4.id, hidden.id);
      await tx.reply.update({ where: { id: hidden.id }, data: { hiddenAt: addHours(t, 11) } });
      await replyIn(tx, q4.id, other.id, addHours(t, 12));
      // q5: first answer after 1 h, answered after the period (accepted now).
      const q5 = await discussionIn(tx, other.id, t, { kind: "QUESTION" });
      const late = await replyIn(tx, q5.id, asker.id, addHours(t, 1));
      await acceptIn(tx, q5.id, late.id);
      // A deleted question counts nowhere.
      const gone = await discussionIn(tx, asker.id, t, { kind: "QUESTION", deletedAt: t });
      await replyIn(tx, gone.id, helper.id, addHours(t, 1));
      // Previous period: one question, never answered.
      await discussionIn(tx, asker.id, at("1999-02-01"), { kind: "QUESTION" });
      await discussionIn(tx, asker.id, at("1999-02-02"));

      // Posts: two published in the period, one draft, one deleted.
      await postIn(tx, helper.id, { publishedAt: CUR("04-20") });
      await postIn(tx, helper.id, { publishedAt: CUR("05-20") });
      await postIn(tx, helper.id, { status: "DRAFT", publishedAt: null });
      await postIn(tx, helper.id, { publishedAt: CUR("04-21"), deletedAt: CUR("04-22") });
      // Past review as of each period's end (its last day: 29 June, 31 March).
      await postIn(tx, other.id, { publishedAt: at("1999-01-10"), reviewBy: at("1999-05-01") });
      await postIn(tx, other.id, { publishedAt: at("1998-10-01"), reviewBy: at("1999-03-01") });
      await postIn(tx, other.id, { publishedAt: at("1998-10-01"), reviewBy: at("1999-06-29") });
      await postIn(tx, other.id, {
        publishedAt: at("1998-10-01"),
        reviewBy: at("2000-01-01"),
        reviewedAt: at("1999-07-05"), // reviewed since: its old review date is not known
      });
      await postIn(tx, other.id, {
        publishedAt: at("1998-10-01"),
        reviewBy: at("1999-02-01"),
        hiddenAt: at("1999-01-01"),
      });

      const figures = await knowledge(tx, ERA);
      expect(figures.current).toEqual({
        discussions: 2,
        questions: 5,
        questionsAnswered: 2, // q1, q5
        answeredShare: 0.4,
        // First answers: 1, 2, 5, 10 h → percentile_cont(0.5) = (2 + 5) / 2.
        medianHoursToFirstAnswer: 3.5,
        postsPublished: 2,
        postsPastReview: 2, // review by 1 May and 1 March; 29 June is the last day itself
      });
      expect(figures.previous).toEqual({
        discussions: 1,
        questions: 1,
        questionsAnswered: 0,
        answeredShare: 0,
        medianHoursToFirstAnswer: null,
        postsPublished: 1, // 10 January
        postsPastReview: 1, // review by 1 March
      });
    });
  });
});

describe("sessions", () => {
  it("counts sessions held, attendance, ratings and action items done on time", async () => {
    await inSnapshot(async (tx) => {
      const host = await memberIn(tx);
      const people = await Promise.all(Array.from({ length: 5 }, () => memberIn(tx)));
      const [p1, p2, p3, p4, p5] = people.map((person) => person.id) as [
        string,
        string,
        string,
        string,
        string,
      ];
      const now = CUR("06-15");

      const s1 = await sessionIn(tx, [host.id], CUR("05-01T12:00"));
      await rsvpIn(tx, s1.id, p1, "GOING", { attendedAt: CUR("05-01T12:00") });
      await rsvpIn(tx, s1.id, p2, "GOING", { attendedAt: CUR("05-01T12:05") });
      await rsvpIn(tx, s1.id, p3, "GOING");
      await rsvpIn(tx, s1.id, p4, "NOT_GOING");
      await rsvpIn(tx, s1.id, p5, "WAITLISTED");
      await feedbackIn(tx, s1.id, 5, CUR("05-01")); // anonymous ratings count
      await feedbackIn(tx, s1.id, 4, CUR("05-02"), p1);
      const s2 = await sessionIn(tx, [host.id], CUR("05-20T12:00"), { status: "COMPLETED" });
      await rsvpIn(tx, s2.id, p4, "GOING", { attendedAt: CUR("05-20T12:00") });
      await feedbackIn(tx, s2.id, 3, CUR("05-20"));
      const cancelled = await sessionIn(tx, [host.id], CUR("05-10"), { status: "CANCELLED" });
      await rsvpIn(tx, cancelled.id, p1, "GOING");
      await rsvpIn(tx, cancelled.id, p2, "GOING");
      await feedbackIn(tx, cancelled.id, 1, CUR("05-10"));
      const upcoming = await sessionIn(tx, [host.id], CUR("06-20")); // after `now`
      await rsvpIn(tx, upcoming.id, p1, "GOING");
      await sessionIn(tx, [host.id], at("1999-02-10")); // previous period: held, nobody going

      // Action items due in the period: on time (23:00 on the day), late (midnight after),
      // open; one of a cancelled session and one due after the period are left out.
      await actionItemIn(tx, s1.id, p1, { dueOn: CUR("05-10"), doneAt: CUR("05-10T23:00") });
      await actionItemIn(tx, s1.id, p2, { dueOn: CUR("05-10"), doneAt: CUR("05-11T00:00") });
      await actionItemIn(tx, s2.id, p3, { dueOn: CUR("06-01") });
      await actionItemIn(tx, cancelled.id, p1, { dueOn: CUR("05-15"), doneAt: CUR("05-01") });
      await actionItemIn(tx, s2.id, p1, { dueOn: CUR("06-30"), doneAt: CUR("05-01") });
      await actionItemIn(tx, s2.id, p1, { dueOn: null, doneAt: CUR("05-01") });

      const figures = await sessions(tx, ERA, now);
      expect(figures.current).toEqual({
        held: 2,
        going: 4,
        attended: 3,
        attendanceRate: 0.75,
        averageRating: 4, // (5 + 4 + 3) / 3
        ratings: 3,
        actionItemsDue: 3,
        actionItemsDoneOnTime: 1,
        actionItemsOnTimeShare: 1 / 3,
      });
      expect(figures.previous).toEqual({
        held: 1,
        going: 0,
        attended: 0,
        attendanceRate: null,
        averageRating: null,
        ratings: 0,
        actionItemsDue: 0,
        actionItemsDoneOnTime: 0,
        actionItemsOnTimeShare: null,
      });
    });
  });
});

describe("recognition", () => {
  it("counts given, received and recipients, by the recipients' team and by value", async () => {
    await inSnapshot(async (tx) => {
      const marker = unique("R");
      const alpha = await teamIn(tx, `Alpha ${marker}`);
      const beta = await teamIn(tx, `Beta ${marker}`);
      const a1 = await memberIn(tx, { teamId: alpha.id });
      const a2 = await memberIn(tx, { teamId: alpha.id });
      const b1 = await memberIn(tx, { teamId: beta.id });
      const n1 = await memberIn(tx);
      const v1 = await valueIn(tx, { emoji: "🤝" });
      const v2 = await valueIn(tx, { emoji: "💡" });
      const unused = await valueIn(tx, { archivedAt: at("1998-01-01") });
      const retired = await valueIn(tx, { archivedAt: at("1999-06-01") });

      await recognitionIn(tx, n1.id, [a1.id, a2.id], v1.id, CUR("04-10"));
      await recognitionIn(tx, a1.id, [a2.id, b1.id], v1.id, CUR("04-11"));
      await recognitionIn(tx, b1.id, [n1.id], v2.id, CUR("04-12"));
      await recognitionIn(tx, a2.id, [a1.id], retired.id, CUR("04-13"));
      await recognitionIn(tx, a1.id, [b1.id], v2.id, CUR("04-14"), { hiddenAt: CUR("04-15") });
      await recognitionIn(tx, a1.id, [b1.id], v2.id, CUR("04-16"), { deletedAt: CUR("04-17") });
      await recognitionIn(tx, a1.id, [b1.id], v2.id, at("1999-03-01"));

      const figures = await recognition(tx, ERA);
      expect(figures.current).toMatchObject({ given: 4, received: 6, distinctRecipients: 4 });
      expect(figures.current.byTeam).toEqual([
        { teamId: alpha.id, teamName: alpha.name, received: 4, recipients: 2 },
        { teamId: beta.id, teamName: beta.name, received: 1, recipients: 1 },
        { teamId: null, teamName: "No team", received: 1, recipients: 1 },
      ]);
      const mine = (rows: { valueId: string }[]) =>
        rows.filter((row) => [v1.id, v2.id, unused.id, retired.id].includes(row.valueId));
      expect(mine(figures.current.byValue)).toEqual([
        { valueId: v1.id, name: v1.name, emoji: "🤝", count: 2 },
        // v2 and the archived value used in the period, one each (by position, then name)
        ...[
          { valueId: v2.id, name: v2.name, emoji: "💡", count: 1 },
          { valueId: retired.id, name: retired.name, emoji: "", count: 1 },
        ].sort((x, y) => x.name.localeCompare(y.name)),
      ]);
      expect(figures.previous).toMatchObject({ given: 1, received: 1, distinctRecipients: 1 });
      expect(figures.previous.byTeam).toEqual([
        { teamId: beta.id, teamName: beta.name, received: 1, recipients: 1 },
      ]);
      // The archived value unused in a period is not listed; current values are, with 0.
      expect(mine(figures.previous.byValue)).toEqual([
        { valueId: v2.id, name: v2.name, emoji: "💡", count: 1 },
        { valueId: v1.id, name: v1.name, emoji: "🤝", count: 0 },
      ]);
    });
  });
});

describe("mentorship", () => {
  it("counts active and overdue pairings now and mentees waiting, and both as of the previous end", async () => {
    const DAY = 86_400_000;
    const now = new Date();
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const daysAgo = (n: number) => new Date(today.getTime() - n * DAY);
    // Current: the last 90 days; the previous period ends 89 days ago.
    const periods = describePeriods(periodFromDays(daysAgo(89), today));
    await inSnapshot(async (tx) => {
      const before = await mentorship(tx, periods, now);
      const mentor = await memberIn(tx, { createdAt: daysAgo(400) });
      const mentee = await memberIn(tx, { createdAt: daysAgo(400) });
      const gone = await memberIn(tx, { createdAt: daysAgo(400), status: "DEACTIVATED" });
      const pair = (overrides: Parameters<typeof pairingIn>[3]) =>
        pairingIn(tx, mentor.id, mentee.id, overrides);

      // Overdue now (due 16 days ago, past the grace period); started after the previous end.
      await pair({ status: "ACTIVE", startsOn: daysAgo(60), lastCheckInOn: daysAgo(30) });
      // On track now; running at the previous end too.
      await pair({ status: "ACTIVE", startsOn: daysAgo(200), lastCheckInOn: daysAgo(1) });
      // Completed 30 days ago: running at the previous end.
      await pair({ status: "COMPLETED", startsOn: daysAgo(300), completedAt: daysAgo(30) });
      // Ended 120 days ago: in neither.
      await pair({ status: "ENDED", startsOn: daysAgo(300), endedAt: daysAgo(120) });
      // Paused since 100 days ago: paused at the previous end too.
      await pair({ status: "PAUSED", startsOn: daysAgo(200), pausedAt: daysAgo(100) });
      // Paused 10 days ago: running at the previous end.
      await pair({ status: "PAUSED", startsOn: daysAgo(200), pausedAt: daysAgo(10) });

      await requestIn(tx, mentee.id, { createdAt: daysAgo(10) }); // waiting, made since
      await requestIn(tx, mentee.id, { createdAt: daysAgo(120) }); // waiting, then and now
      await requestIn(tx, mentee.id, {
        status: "MATCHED",
        createdAt: daysAgo(120),
        resolvedAt: daysAgo(50),
      }); // waiting then
      await requestIn(tx, mentee.id, {
        status: "WITHDRAWN",
        createdAt: daysAgo(120),
        resolvedAt: daysAgo(100),
      }); // withdrawn before the previous end
      await requestIn(tx, gone.id, { createdAt: daysAgo(120) }); // deactivated: left out

      const after = await mentorship(tx, periods, now);
      expect(after.current.activePairings - before.current.activePairings).toBe(2);
      expect(after.current.overdue! - before.current.overdue!).toBe(1);
      expect(after.current.menteesWaiting - before.current.menteesWaiting).toBe(2);
      expect(after.previous.activePairings - before.previous.activePairings).toBe(3);
      expect(after.previous.menteesWaiting - before.previous.menteesWaiting).toBe(2);
      // Overdue check-ins cannot be known historically.
      expect(after.previous.overdue).toBeNull();
    });
  });
});
