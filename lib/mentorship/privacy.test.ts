// A pair's space is private to its mentor, its mentee and admins. Called directly (as a form
// post or a page load would be), every action and query tells a third member and a leader
// that the mentorship was not found and changes nothing; an admin reads it but may not write
// in it; the programme view is for admins only.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { NotFound } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createPairing, utcDate } from "@/test/factories-mentorship";
import { createSession } from "@/test/factories-sessions";
import {
  listPairings,
  mentorsWithCapacity,
  pairingsCsv,
  programmeSummary,
  programmeTrend,
  waitingMentees,
} from "./programme";
import { getPairingSpace, listCheckIns, myMentorships } from "./queries";
import {
  addGoalAction,
  addPairingLinkAction,
  logCheckInAction,
  removeGoalAction,
  removePairingLinkAction,
  saveReflectionAction,
  updateGoalProgressAction,
} from "./space/actions";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

beforeEach(() => signedInAs(null));

/** An active pairing and a completed one with a goal, a link and a check-in each. */
async function twoPairings() {
  const mentor = await createMember();
  const mentee = await createMember();
  const active = await createPairing(mentor.id, mentee.id, { startsOn: utcDate(-30) });
  const completed = await createPairing(mentor.id, mentee.id, {
    startsOn: utcDate(-90),
    status: "COMPLETED",
  });
  const goal = await testDb.pairingGoal.create({
    data: { pairingId: active.id, title: "Goal", progress: 20 },
  });
  const linked = await createSession([mentor.id]);
  const link = await testDb.pairingLink.create({
    data: { pairingId: active.id, sessionId: linked.id, addedById: mentor.id },
  });
  await testDb.pairingCheckIn.create({
    data: { pairingId: active.id, authorId: mentor.id, heldOn: utcDate(-3), notes: "Hi" },
  });
  const spare = await createSession([mentor.id]);
  return { mentor, mentee, active, completed, goal, link, spare };
}

type Fixture = Awaited<ReturnType<typeof twoPairings>>;

/** Everything in the two spaces that a refused call could have changed. */
async function snapshot({ active, completed }: Fixture) {
  const ids = [active.id, completed.id];
  const inPairings = { where: { pairingId: { in: ids } } };
  const byId = { orderBy: { id: "asc" as const } };
  return {
    pairings: await testDb.mentorPairing.findMany({ where: { id: { in: ids } }, ...byId }),
    goals: await testDb.pairingGoal.findMany({ ...inPairings, ...byId }),
    checkIns: await testDb.pairingCheckIn.findMany({ ...inPairings, ...byId }),
    links: await testDb.pairingLink.findMany({ ...inPairings, ...byId }),
    reflections: await testDb.pairingReflection.findMany({
      ...inPairings,
      orderBy: { userId: "asc" },
    }),
    notifications: await testDb.notification.findMany({
      where: { recipientId: { in: [active.mentorId, active.menteeId] } },
      ...byId,
    }),
  };
}

/** Every space action with valid input, and what a refused outsider is told. */
function everyAction(f: Fixture) {
  const pairingId = f.active.id;
  return [
    [
      "addGoalAction",
      () => addGoalAction(null, form({ pairingId, title: "Mine now" })),
      "That mentorship",
    ],
    [
      "updateGoalProgressAction",
      () => updateGoalProgressAction(null, form({ goalId: f.goal.id, progress: "90" })),
      "That goal",
    ],
    ["removeGoalAction", () => removeGoalAction(null, form({ goalId: f.goal.id })), "That goal"],
    [
      "logCheckInAction",
      () =>
        logCheckInAction(
          null,
          form({ pairingId, heldOn: utcDate(-1).toISOString().slice(0, 10), notes: "Sneaky" }),
        ),
      "That mentorship",
    ],
    [
      "addPairingLinkAction",
      () => addPairingLinkAction(null, form({ pairingId, link: `/sessions/${f.spare.id}` })),
      "That mentorship",
    ],
    [
      "removePairingLinkAction",
      () => removePairingLinkAction(null, form({ linkId: f.link.id })),
      "That link",
    ],
    [
      "saveReflectionAction",
      () =>
        saveReflectionAction(
          null,
          form({ pairingId: f.completed.id, learned: "Nothing", nextSteps: "Nothing" }),
        ),
      "That mentorship",
    ],
  ] as const;
}

describe("the pair's space actions", () => {
  it.each([
    ["a third member", createMember],
    ["a leader", createLeader],
  ])("tell %s the mentorship was not found and change nothing", async (_who, create) => {
    const f = await twoPairings();
    signedInAs(await create());
    const before = await snapshot(f);
    for (const [name, call, what] of everyAction(f)) {
      const result = await call();
      expect({ name, result }).toMatchObject({
        name,
        result: { ok: false, message: `${what} was not found.` },
      });
    }
    expect(await snapshot(f)).toEqual(before);
  });

  it("refuse an admin, who may only read, and change nothing", async () => {
    const f = await twoPairings();
    signedInAs(await createAdmin());
    const before = await snapshot(f);
    for (const [name, call] of everyAction(f)) {
      expect({ name, result: await call() }).toMatchObject({
        name,
        result: { ok: false, message: "You don't have permission to do that." },
      });
    }
    expect(await snapshot(f)).toEqual(before);
  });

  it("work for a member of the pair", async () => {
    const f = await twoPairings();
    signedInAs(f.mentee);
    for (const [name, call] of everyAction(f)) {
      expect({ name, result: await call() }).toMatchObject({ name, result: { ok: true } });
    }
    expect(await testDb.pairingReflection.count({ where: { pairingId: f.completed.id } })).toBe(1);
  });
});

describe("the pair's space queries", () => {
  it.each([
    ["a third member", createMember],
    ["a leader", createLeader],
  ])("tell %s the mentorship was not found", async (_who, create) => {
    const f = await twoPairings();
    const outsider = await create();
    for (const id of [f.active.id, f.completed.id]) {
      await expect(getPairingSpace(outsider, id)).rejects.toBeInstanceOf(NotFound);
      await expect(listCheckIns(outsider, id)).rejects.toBeInstanceOf(NotFound);
    }
    const mine = await myMentorships(outsider);
    expect([...mine.asMentor, ...mine.asMentee]).toEqual([]);
  });

  it("let an admin and the pair read", async () => {
    const f = await twoPairings();
    for (const reader of [await createAdmin(), f.mentor, f.mentee]) {
      expect((await getPairingSpace(reader, f.active.id)).goalItems).toHaveLength(1);
      expect((await listCheckIns(reader, f.active.id)).items).toHaveLength(1);
    }
  });
});

describe("the programme view", () => {
  it.each([
    ["a member", createMember],
    ["a leader", createLeader],
  ])("is refused to %s", async (_who, create) => {
    const viewer = await create();
    const filters = { sort: "newest" as const };
    const calls = [
      () => listPairings(viewer, filters),
      () => pairingsCsv(viewer, filters),
      () => waitingMentees(viewer),
      () => mentorsWithCapacity(viewer),
      () => programmeSummary(viewer),
      () => programmeTrend(viewer),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(PermissionDenied);
  });
});
