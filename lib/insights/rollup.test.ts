// The roll-up must give exactly the figures that counting every event gives, wherever it
// ends (before, inside or after either period, on or off a month boundary), and must really be
// read: a change made after it was built shows live but not through it.
import { describe, expect, it } from "vitest";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { unique } from "@/test/factories";
import {
  addHours,
  at,
  discussionIn,
  feedbackIn,
  inSnapshot,
  isolateEra,
  memberIn,
  postIn,
  recognitionIn,
  replyIn,
  rsvpIn,
  sessionIn,
  teamIn,
  valueIn,
} from "@/test/factories-insights";
import { participation, voices } from "./figures-members";
import { recognition } from "./figures-recognition";
import { describePeriods, periodFromDays, type Periods } from "./period";
import { notHeardFrom } from "./quiet";
import {
  LIVE,
  ROLLUP_MAX_AGE_MS,
  readRollup,
  rebuildRollup,
  rollupIsStale,
  sourceOf,
  type ActivitySource,
} from "./rollup";

/** Current: 1 April – 29 June 1999; previous: 1 January – 31 March 1999. */
const ERA = describePeriods(periodFromDays(at("1999-04-01"), at("1999-06-29")));
/** When the figures are asked for: the quiet list looks back 90 days from here. */
const NOW = at("1999-08-15T09:00");

/** Every figure that reads members' activity, as `source` gives it at `now`. */
async function activityFigures(
  tx: TransactionClient,
  periods: Periods,
  source: ActivitySource,
  now = NOW,
) {
  const [p, v, r, quiet] = await Promise.all([
    participation(tx, periods, now, source),
    voices(tx, periods, now, source),
    recognition(tx, periods, now, source),
    notHeardFrom(tx, { now, limit: null, source }),
  ]);
  return { participation: p, voices: v, recognition: r, quiet };
}

/**
 * Members in two teams with every kind of activity, several on one day, on month ends and
 * starts, in both periods, before them and after them; and activity that must never count.
 */
async function busyCommunity(tx: TransactionClient) {
  await isolateEra(tx, NOW);
  const alpha = await teamIn(tx);
  const beta = await teamIn(tx);
  const [a1, a2, b1, b2, n1, quiet, early] = await Promise.all([
    memberIn(tx, { teamId: alpha.id, name: `A1 ${unique()}` }),
    memberIn(tx, { teamId: alpha.id, name: `A2 ${unique()}` }),
    memberIn(tx, { teamId: beta.id, name: `B1 ${unique()}` }),
    memberIn(tx, { teamId: beta.id, name: `B2 ${unique()}` }),
    memberIn(tx, { name: `N1 ${unique()}` }),
    memberIn(tx, { name: `Quiet ${unique()}` }),
    memberIn(tx, { name: `Early ${unique()}` }),
  ]);
  const value = await valueIn(tx);
  const d1 = await discussionIn(tx, a1.id, at("1998-12-31T23:30"));
  await replyIn(tx, d1.id, a2.id, at("1999-01-01T00:10"));
  await replyIn(tx, d1.id, a2.id, at("1999-01-01T15:00"));
  await replyIn(tx, d1.id, b1.id, at("1999-01-31T12:00"));
  await replyIn(tx, d1.id, b1.id, at("1999-02-28T23:59"), { hiddenAt: at("1999-03-01") });
  await replyIn(tx, d1.id, b2.id, at("1999-03-31T23:00"));
  await replyIn(tx, d1.id, a1.id, at("1999-04-01T00:00"));
  const d2 = await discussionIn(tx, b1.id, at("1999-04-30T10:00"));
  for (const hour of [9, 10, 11])
    await replyIn(tx, d2.id, a1.id, at(`1999-05-17T${String(hour).padStart(2, "0")}:00`));
  await replyIn(tx, d2.id, early.id, at("1999-05-10T08:00")); // last heard just before the 90 days
  await replyIn(tx, d2.id, n1.id, at("1999-05-31T08:00"));
  await replyIn(tx, d2.id, b2.id, at("1999-06-29T23:00"));
  await replyIn(tx, d2.id, b2.id, at("1999-06-30T01:00")); // after the current period
  await discussionIn(tx, a2.id, at("1999-05-02"), { deletedAt: at("1999-05-03") });
  await tx.discussionReaction.create({
    data: { discussionId: d2.id, userId: quiet.id, kind: "LIKE", createdAt: at("1999-05-05") },
  }); // active, never heard from
  const post = await postIn(tx, n1.id, { publishedAt: at("1999-02-14T08:00") });
  await tx.helpfulVote.create({
    data: { postId: post.id, userId: b2.id, createdAt: at("1999-06-01") },
  });
  const held = await sessionIn(tx, [b2.id, a2.id], at("1999-03-15T12:00"));
  await rsvpIn(tx, held.id, n1.id, "GOING", { createdAt: at("1999-03-01") });
  await rsvpIn(tx, held.id, a1.id, "NOT_GOING", { createdAt: at("1999-03-02") });
  await feedbackIn(tx, held.id, 4, at("1999-03-16"), a1.id);
  await sessionIn(tx, [n1.id], at("1999-05-20T12:00"), { status: "CANCELLED" });
  await recognitionIn(tx, a1.id, [b1.id, b2.id, n1.id], value.id, at("1999-02-01T09:00"));
  await recognitionIn(tx, b1.id, [a1.id], value.id, at("1999-02-01T17:00"));
  await recognitionIn(tx, n1.id, [a1.id, a2.id], value.id, at("1999-04-30T09:00"));
  await recognitionIn(tx, b2.id, [a1.id], value.id, at("1999-06-15"), {
    hiddenAt: at("1999-06-16"),
  });
  await recognitionIn(tx, a2.id, [b1.id], value.id, at("1999-08-01"));
  return { d2, quiet };
}

describe("the activity roll-up", () => {
  it("gives the same figures as counting every event, wherever it ends", async () => {
    await inSnapshot(async (tx) => {
      await busyCommunity(tx);
      const live = await activityFigures(tx, ERA, LIVE);
      expect(live.participation.current.membersActive).toBeGreaterThan(0);
      expect(live.voices.previous.totalContributions).toBeGreaterThan(0);
      expect(live.recognition.previous.received).toBe(4);
      expect(live.quiet.total).toBeGreaterThan(0);

      const ends = [
        "1998-12-01", // before both periods
        "1999-01-01", // where the previous period starts
        "1999-01-01T12:00", // between two replies on its first day
        "1999-02-01", // inside it, on a month boundary
        "1999-02-18T07:45", // inside it, mid-month
        "1999-04-01", // where the current period starts
        "1999-05-17T10:30", // inside it, between replies on a busy day
        "1999-06-30", // where it ends
        "1999-08-15T09:00", // after everything (when the figures are asked for)
      ];
      for (const end of ends) {
        await rebuildRollup(tx, at(end));
        expect(await readRollup(tx)).toEqual({ rolledUntil: at(end), refreshedAt: at(end) });
        const rolled = await activityFigures(tx, ERA, { rolledUntil: at(end), live: true });
        expect(rolled, `roll-up ending ${end}`).toEqual(live);
      }
    });
  });

  it("is read, not the events: a change after it was built shows only live", async () => {
    await inSnapshot(async (tx) => {
      const { d2 } = await busyCommunity(tx);
      await rebuildRollup(tx, at("1999-08-15"));
      const source = { rolledUntil: at("1999-08-15"), live: true };
      const before = await activityFigures(tx, ERA, source);

      await tx.reply.updateMany({
        where: { discussionId: d2.id, createdAt: { lt: at("1999-05-18") } },
        data: { deletedAt: at("1999-08-15T08:00") },
      });
      const live = await activityFigures(tx, ERA, LIVE);
      expect(live.voices.current.totalContributions).toBe(
        before.voices.current.totalContributions - 4,
      );
      expect(await activityFigures(tx, ERA, source)).toEqual(before);

      await rebuildRollup(tx, at("1999-08-15T08:30"));
      expect(await activityFigures(tx, ERA, source)).toEqual(live);
    });
  });

  it("counts only what it holds when events after it are not read live", async () => {
    await inSnapshot(async (tx) => {
      const { d2, quiet } = await busyCommunity(tx);
      await rebuildRollup(tx, NOW);
      const fresh = { rolledUntil: NOW, live: false };
      expect(await activityFigures(tx, ERA, fresh)).toEqual(await activityFigures(tx, ERA, LIVE));

      // The 90 days up to the day of NOW, looked at an hour after a reply written after NOW.
      const recent = describePeriods(periodFromDays(at("1999-05-18"), at("1999-08-15")));
      const later = addHours(NOW, 2);
      const asBuilt = await activityFigures(tx, recent, fresh, later);
      await replyIn(tx, d2.id, quiet.id, addHours(NOW, 1));
      const live = await activityFigures(tx, recent, { rolledUntil: NOW, live: true }, later);
      expect(live).toEqual(await activityFigures(tx, recent, LIVE, later));
      expect(live.voices.current.totalContributions).toBe(
        asBuilt.voices.current.totalContributions + 1,
      );
      expect(live.quiet.items.map((m) => m.id)).not.toContain(quiet.id);
      expect(asBuilt.quiet.items.map((m) => m.id)).toContain(quiet.id);
      expect(await activityFigures(tx, recent, fresh, later)).toEqual(asBuilt);
    });
  });

  it("is not used for periods that do not start and end at midnight (UTC)", async () => {
    await inSnapshot(async (tx) => {
      const { d2 } = await busyCommunity(tx);
      await rebuildRollup(tx, at("1999-08-15"));
      await tx.reply.updateMany({
        where: { discussionId: d2.id, createdAt: { lt: at("1999-05-18") } },
        data: { deletedAt: at("1999-08-15T08:00") },
      });
      const offset: Periods = {
        current: { from: at("1999-04-01T06:00"), to: at("1999-06-30T06:00") },
        previous: { from: at("1999-01-01T06:00"), to: at("1999-04-01T06:00") },
      };
      const rolled = await activityFigures(tx, offset, {
        rolledUntil: at("1999-08-15"),
        live: true,
      });
      const live = await activityFigures(tx, offset, LIVE);
      // The quiet list looks at all time, not the periods, so it still reads the roll-up.
      expect({ ...rolled, quiet: null }).toEqual({ ...live, quiet: null });
    });
  });
});

describe("rollupIsStale and sourceOf", () => {
  const built = { rolledUntil: at("2026-03-10T08:00"), refreshedAt: at("2026-03-10T08:00") };

  it("asks for a rebuild when there is none or after the maximum age", () => {
    expect(rollupIsStale(null, at("2026-03-10T08:00"))).toBe(true);
    const fresh = new Date(built.refreshedAt.getTime() + ROLLUP_MAX_AGE_MS - 1);
    expect(rollupIsStale(built, fresh)).toBe(false);
    const old = new Date(built.refreshedAt.getTime() + ROLLUP_MAX_AGE_MS);
    expect(rollupIsStale(built, old)).toBe(true);
  });

  it("uses the roll-up alone while fresh, with live events once stale, and never from the future", () => {
    expect(sourceOf(null, at("2026-03-10T09:00"))).toEqual(LIVE);
    const fresh = new Date(built.refreshedAt.getTime() + ROLLUP_MAX_AGE_MS - 1);
    expect(sourceOf(built, fresh)).toEqual({ rolledUntil: built.rolledUntil, live: false });
    const stale = new Date(built.refreshedAt.getTime() + ROLLUP_MAX_AGE_MS);
    expect(sourceOf(built, stale)).toEqual({ rolledUntil: built.rolledUntil, live: true });
    expect(sourceOf(built, at("2026-03-10T07:59"))).toEqual(LIVE);
  });
});
