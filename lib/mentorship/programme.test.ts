// The admins' programme view against the real database. Tests share the database, so each
// makes its own members with a unique name marker and filters by it (q); figures that count
// everything (summary, trend) are checked as the change that our own rows make.
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import type { TransactionClient } from "@/lib/core/db/create-client";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import { encodeCursor, InvalidCursor } from "@/lib/core/pagination/cursor";
import { testDb } from "@/test/db";
import { createAdmin, createMember, unique } from "@/test/factories";
import {
  createMentee,
  createMentor,
  createMentorRequest,
  createPairing,
  setMentorshipProfile,
  utcDate,
} from "@/test/factories-mentorship";
import { createTeam } from "@/test/factories-members";
import {
  listPairings,
  mentorsWithCapacity,
  pairingsCsv,
  parsePairingFilters,
  programmeSummary,
  programmeTrend,
  PROGRAMME_PAGE_SIZE,
  summaryAsSeenBy,
  trendAsSeenBy,
  waitingMentees,
  type PairingFilters,
  type PairingRow,
  type ProgrammeSummary,
} from "./programme";

const DAY = 86_400_000;
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** Every page of the list, following the cursors. */
async function allPages(admin: Actor, filters: PairingFilters) {
  const pages: PairingRow[][] = [];
  let cursor: string | null = null;
  do {
    const page = await listPairings(admin, filters, cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 10);
  return pages;
}

const ROLLBACK = new Error("rollback");

/**
 * Runs `body` in a REPEATABLE READ transaction that is then rolled back. Its reads all see one
 * snapshot plus its own writes, so figures that count everything change by exactly what it
 * adds, whatever other test files commit meanwhile; and nothing it adds is left behind.
 */
async function inSnapshot(body: (tx: TransactionClient) => Promise<void>): Promise<void> {
  try {
    await testDb.$transaction(
      async (tx) => {
        await body(tx);
        throw ROLLBACK;
      },
      { isolationLevel: "RepeatableRead", timeout: 30_000 },
    );
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
}

/** A member written inside the snapshot's transaction. */
function memberIn(tx: TransactionClient, status: "ACTIVE" | "DEACTIVATED" = "ACTIVE") {
  const tag = unique("m");
  return tx.user.create({ data: { name: `Member ${tag}`, email: `${tag}@test.example`, status } });
}

describe("parsePairingFilters", () => {
  it("reads the known values", () => {
    expect(
      parsePairingFilters({
        status: "paused",
        health: "Overdue",
        q: "  Ada ",
        sort: "oldest-check-in",
      }),
    ).toEqual({ status: "PAUSED", health: "overdue", q: "Ada", sort: "oldest-check-in" });
  });

  it("ignores junk, repeated and empty values", () => {
    expect(
      parsePairingFilters({ status: "DELETED", health: ["due", "overdue"], q: "  ", sort: "best" }),
    ).toEqual({ health: "due", sort: "newest" });
    expect(parsePairingFilters({})).toEqual({ sort: "newest" });
    expect(parsePairingFilters({ q: "x".repeat(500) }).q).toHaveLength(100);
  });
});

describe("listPairings", () => {
  async function healthSet(marker: string) {
    const mentor = await createMember({ name: `Mentor ${marker}` });
    const mentee = await createMember({ name: `Mentee ${marker}` });
    const make = (status: PairingStatus, startsOn: Date, lastCheckInOn: Date | null = null) =>
      createPairing(mentor.id, mentee.id, { status, startsOn, lastCheckInOn, cadenceDays: 14 });
    return {
      mentor,
      mentee,
      onTrack: await make("ACTIVE", utcDate(-3)),
      due: await make("ACTIVE", utcDate(-16)),
      overdue: await make("ACTIVE", utcDate(-60), utcDate(-30)),
      paused: await make("PAUSED", utcDate(-90)),
      closed: await make("COMPLETED", utcDate(-120)),
    };
  }

  it("filters by health, status and name, with health and due day on each row", async () => {
    const admin = await createAdmin();
    const marker = unique("Hq");
    const set = await healthSet(marker);
    const ids = async (filters: Omit<PairingFilters, "sort">) =>
      (await listPairings(admin, { sort: "newest", ...filters })).items.map((row) => row.id);

    expect(await ids({ q: marker, health: "on-track" })).toEqual([set.onTrack.id]);
    expect(await ids({ q: marker, health: "due" })).toEqual([set.due.id]);
    expect(await ids({ q: marker, health: "overdue" })).toEqual([set.overdue.id]);
    expect(await ids({ q: marker, health: "paused" })).toEqual([set.paused.id]);
    expect(await ids({ q: marker, health: "closed" })).toEqual([set.closed.id]);
    expect(await ids({ q: marker, status: "ACTIVE", health: "closed" })).toEqual([]);
    expect(new Set(await ids({ q: marker, status: "ACTIVE" }))).toEqual(
      new Set([set.onTrack.id, set.due.id, set.overdue.id]),
    );
    expect(await ids({ q: marker.toLowerCase() })).toHaveLength(5);

    const [row] = (await listPairings(admin, { sort: "newest", q: marker, health: "overdue" }))
      .items;
    expect(row).toEqual({
      id: set.overdue.id,
      mentor: { id: set.mentor.id, name: `Mentor ${marker}` },
      mentee: { id: set.mentee.id, name: `Mentee ${marker}` },
      status: "ACTIVE",
      health: "overdue",
      startsOn: utcDate(-60),
      expectedEndOn: null,
      cadenceDays: 14,
      lastCheckInOn: utcDate(-30),
      nextCheckInDue: utcDate(-16),
      endRequested: false,
    });
  });

  it("matches the mentor's or the mentee's name, taking % and _ literally", async () => {
    const admin = await createAdmin();
    const marker = unique("Nq");
    const mentor = await createMember({ name: `Ann 100%_${marker}` });
    const mentee = await createMember({ name: `Ben ${marker}` });
    const other = await createMember({ name: `Cal 100xx${marker}` });
    const one = await createPairing(mentor.id, mentee.id);
    const two = await createPairing(other.id, mentee.id, { endRequestedAt: new Date() });
    const ids = async (q: string) =>
      (await listPairings(admin, { sort: "newest", q })).items.map((row) => row.id);
    expect(await ids(`100%_${marker}`)).toEqual([one.id]);
    expect(await ids(`ben ${marker}`)).toEqual([two.id, one.id]);
    expect(
      (await listPairings(admin, { sort: "newest", q: `Cal 100xx${marker}` })).items,
    ).toMatchObject([{ id: two.id, endRequested: true }]);
  });

  it("pages both sorts without gaps or repeats, ties broken by id", async () => {
    const admin = await createAdmin();
    const marker = unique("Sq");
    const mentor = await createMember({ name: `Mentor ${marker}` });
    const mentee = await createMember({ name: `Mentee ${marker}` });
    const base = Date.now() - 1000 * DAY;
    const count = PROGRAMME_PAGE_SIZE + 3;
    await testDb.mentorPairing.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        mentorId: mentor.id,
        menteeId: mentee.id,
        goals: `Goals ${i}`,
        status: (["ACTIVE", "PAUSED", "COMPLETED"] as const)[i % 3],
        cadenceDays: 14,
        // Groups of three share a creation time, start day and last check-in day.
        createdAt: new Date(base + Math.floor(i / 3) * 60_000),
        startsOn: utcDate(-200 + Math.floor(i / 3)),
        lastCheckInOn: i % 2 ? utcDate(-150 + (i % 5)) : null,
      })),
    });
    const rows = await testDb.mentorPairing.findMany({ where: { mentorId: mentor.id } });
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

    const newest = [...rows].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || cmp(b.id, a.id),
    );
    const newestPages = await allPages(admin, { sort: "newest", q: marker });
    expect(newestPages.map((page) => page.length)).toEqual([PROGRAMME_PAGE_SIZE, 3]);
    expect(newestPages.flat().map((row) => row.id)).toEqual(newest.map((row) => row.id));

    const key = (row: (typeof rows)[number]) => (row.lastCheckInOn ?? row.startsOn).getTime();
    const oldest = [...rows].sort((a, b) => key(a) - key(b) || cmp(a.id, b.id));
    const oldestPages = await allPages(admin, { sort: "oldest-check-in", q: marker });
    expect(oldestPages.map((page) => page.length)).toEqual([PROGRAMME_PAGE_SIZE, 3]);
    expect(oldestPages.flat().map((row) => row.id)).toEqual(oldest.map((row) => row.id));
  });

  it("puts the longest without a check-in first and refuses a cursor of the other sort", async () => {
    const admin = await createAdmin();
    const marker = unique("Oq");
    const set = await healthSet(marker);
    const rows = (await listPairings(admin, { sort: "oldest-check-in", q: marker })).items;
    expect(rows.map((row) => row.id)).toEqual([
      set.closed.id,
      set.paused.id,
      set.overdue.id,
      set.due.id,
      set.onTrack.id,
    ]);
    const newestCursor = encodeCursor([new Date().toISOString(), "x"]);
    await expect(
      listPairings(admin, { sort: "oldest-check-in", q: marker }, newestCursor),
    ).rejects.toBeInstanceOf(InvalidCursor);
    await expect(listPairings(admin, { sort: "newest" }, "junk")).rejects.toBeInstanceOf(
      InvalidCursor,
    );
  });
});

describe("pairingsCsv", () => {
  it("exports every matching row, past the first page, with the filters applied", async () => {
    const admin = await createAdmin();
    const marker = unique("Cq");
    const mentor = await createMember({ name: `=HYPERLINK("http://x") ${marker}` });
    const mentee = await createMember({ name: `Smith, "Jo" ${marker}` });
    const overdue = await createPairing(mentor.id, mentee.id, {
      startsOn: utcDate(-60),
      lastCheckInOn: utcDate(-30),
      cadenceDays: 14,
      expectedEndOn: utcDate(200),
      endRequestedAt: new Date(),
    });
    const paused = await createPairing(mentor.id, mentee.id, {
      status: "PAUSED",
      startsOn: utcDate(-10),
      cadenceDays: 7,
    });

    const csv = await pairingsCsv(admin, { sort: "oldest-check-in", q: marker });
    const lines = csv.split("\r\n");
    expect(lines).toEqual([
      '"Mentor","Mentee","Status","Health","Started","Expected end","Cadence (days)","Last check-in","Next check-in due","End requested"',
      [
        `"'=HYPERLINK(""http://x"") ${marker}"`,
        `"Smith, ""Jo"" ${marker}"`,
        '"Active"',
        '"Overdue"',
        `"${day(overdue.startsOn)}"`,
        `"${day(utcDate(200))}"`,
        '"14"',
        `"${day(utcDate(-30))}"`,
        `"${day(utcDate(-16))}"`,
        '"Yes"',
      ].join(","),
      [
        `"'=HYPERLINK(""http://x"") ${marker}"`,
        `"Smith, ""Jo"" ${marker}"`,
        '"Paused"',
        '"Paused"',
        `"${day(paused.startsOn)}"`,
        '""',
        '"7"',
        '""',
        '""',
        '"No"',
      ].join(","),
      "",
    ]);
    const onlyPaused = await pairingsCsv(admin, { sort: "newest", q: marker, status: "PAUSED" });
    expect(onlyPaused.split("\r\n")).toHaveLength(3);

    // More than a page of rows: all of them are exported.
    await testDb.mentorPairing.createMany({
      data: Array.from({ length: PROGRAMME_PAGE_SIZE }, () => ({
        mentorId: mentor.id,
        menteeId: mentee.id,
        goals: "More",
        startsOn: utcDate(-5),
        cadenceDays: 14,
      })),
    });
    const all = await pairingsCsv(admin, { sort: "newest", q: marker });
    expect(all.split("\r\n")).toHaveLength(PROGRAMME_PAGE_SIZE + 2 + 2);
  });
});

describe("waitingMentees", () => {
  /** A moment in the distant past that no other test's rows share, and a cursor just before it. */
  function quietWindow() {
    const base = new Date(Date.UTC(1950, 0, 1) + randomInt(0, 40 * 365) * DAY + randomInt(0, DAY));
    return { base, cursor: encodeCursor([new Date(base.getTime() - 1).toISOString(), "0"]) };
  }

  it("lists waiting requests of active members, oldest first, with whole days waited", async () => {
    const admin = await createAdmin();
    const { base, cursor } = quietWindow();
    const at = (ms: number) => new Date(base.getTime() + ms);
    const team = await createTeam();
    const ada = await createMember({ name: "Ada Waiting", teamId: team.id });
    const bo = await createMember({ name: "Bo Waiting" });
    const gone = await createMember({ status: "DEACTIVATED" });
    const first = await createMentorRequest(ada.id, { note: "Go, please", createdAt: at(0) });
    await createMentorRequest(bo.id, { status: "WITHDRAWN", createdAt: at(3_600_000) });
    await createMentorRequest(bo.id, { status: "MATCHED", createdAt: at(2 * 3_600_000) });
    await createMentorRequest(gone.id, { createdAt: at(3 * 3_600_000) });
    const second = await createMentorRequest(bo.id, { createdAt: at(3 * DAY) });
    // Bo has a mentor already (and had another, whose mentorship ended): the admins see it.
    const [mentor, former] = await Promise.all([
      createMember({ name: `Current ${unique()}` }),
      createMember(),
    ]);
    await createPairing(mentor.id, bo.id);
    await createPairing(former.id, bo.id, { status: "COMPLETED" });

    const page = await waitingMentees(admin, cursor, at(10 * DAY));
    expect(page.items.slice(0, 2)).toEqual([
      {
        requestId: first.id,
        mentee: { id: ada.id, name: "Ada Waiting", teamName: team.name },
        note: "Go, please",
        createdAt: first.createdAt,
        daysWaiting: 10,
        currentMentors: [],
      },
      {
        requestId: second.id,
        mentee: { id: bo.id, name: "Bo Waiting", teamName: null },
        note: "",
        createdAt: second.createdAt,
        daysWaiting: 7,
        currentMentors: [mentor.name],
      },
    ]);
  });

  it("pages on (createdAt, id)", async () => {
    const admin = await createAdmin();
    const { base, cursor } = quietWindow();
    const mentee = await createMember();
    await testDb.mentorRequest.createMany({
      data: Array.from({ length: PROGRAMME_PAGE_SIZE + 1 }, (_, i) => ({
        menteeId: mentee.id,
        // Pairs share a moment: the id breaks the tie.
        createdAt: new Date(base.getTime() + Math.floor(i / 2) * 60_000),
      })),
    });
    const mine = await testDb.mentorRequest.findMany({
      where: { menteeId: mentee.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const first = await waitingMentees(admin, cursor);
    expect(first.items.map((item) => item.requestId)).toEqual(
      mine.slice(0, PROGRAMME_PAGE_SIZE).map((row) => row.id),
    );
    const second = await waitingMentees(admin, first.nextCursor);
    expect(second.items[0]?.requestId).toBe(mine[PROGRAMME_PAGE_SIZE]!.id);
  });
});

describe("mentorsWithCapacity", () => {
  it("lists active, open mentors with a free place, most free first, with their skills", async () => {
    const admin = await createAdmin();
    const marker = unique("Mq");
    const team = await createTeam();
    const busy = await createMentor({ name: `Busy ${marker}`, maxMentees: 3 });
    const roomy = await createMentor({
      name: `Roomy ${marker}`,
      maxMentees: 5,
      team,
      offers: [`Zeta ${marker}`, `Alpha ${marker}`],
      wants: [`Wanted ${marker}`],
    });
    const full = await createMentor({ name: `Full ${marker}`, maxMentees: 1 });
    const gone = await createMentor({
      name: `Gone ${marker}`,
      maxMentees: 4,
      status: "DEACTIVATED",
    });
    const closed = await createMentee({ name: `Not open ${marker}` });
    await setMentorshipProfile(closed.id, { maxMentees: 5 });
    const mentee = await createMember();
    await createPairing(busy.id, mentee.id);
    await createPairing(busy.id, mentee.id, { status: "PAUSED" });
    await createPairing(busy.id, mentee.id, { status: "COMPLETED" });
    await createPairing(busy.id, mentee.id, { status: "ENDED" });
    await createPairing(full.id, mentee.id);

    const list = await mentorsWithCapacity(admin);
    const mine = list.filter((m) => m.name.includes(marker));
    expect(mine).toEqual([
      {
        id: roomy.id,
        name: `Roomy ${marker}`,
        teamName: team.name,
        maxMentees: 5,
        activeMentees: 0,
        freeSeats: 5,
        offers: [`Alpha ${marker}`, `Zeta ${marker}`],
      },
      {
        id: busy.id,
        name: `Busy ${marker}`,
        teamName: null,
        maxMentees: 3,
        activeMentees: 2,
        freeSeats: 1,
        offers: [],
      },
    ]);
    expect(list.map((m) => m.id)).not.toContain(gone.id);
    const free = list.map((m) => m.freeSeats);
    expect(free).toEqual([...free].sort((a, b) => b - a));
  });
});

describe("programmeSummary", () => {
  it("gives the figures to an admin", async () => {
    const summary = await programmeSummary(await createAdmin());
    expect(Object.keys(summary.byStatus).sort()).toEqual([
      "ACTIVE",
      "COMPLETED",
      "ENDED",
      "PAUSED",
    ]);
    for (const figure of [...Object.values(summary.byStatus), summary.overdue, summary.freeSeats]) {
      expect(Number.isInteger(figure) && figure >= 0).toBe(true);
    }
  });

  it("counts pairings by status and health, the waiting queue and free places", async () => {
    const today = utcDate();
    await inSnapshot(async (tx) => {
      const before = await summaryAsSeenBy(tx, today);

      const mentor = await memberIn(tx);
      const roomy = await memberIn(tx);
      const goneMentor = await memberIn(tx, "DEACTIVATED");
      const notOpen = await memberIn(tx);
      await tx.mentorshipProfile.createMany({
        data: [
          { userId: mentor.id, openToMentor: true, maxMentees: 4 },
          { userId: roomy.id, openToMentor: true, maxMentees: 3 },
          { userId: goneMentor.id, openToMentor: true, maxMentees: 2 },
          { userId: notOpen.id, openToMentor: false, maxMentees: 5 },
        ],
      });
      const mentee = await memberIn(tx);
      const pairing = (status: PairingStatus, startsOn: Date) => ({
        mentorId: mentor.id,
        menteeId: mentee.id,
        goals: "Goals",
        status,
        startsOn,
        cadenceDays: 14,
      });
      await tx.mentorPairing.createMany({
        data: [
          pairing("ACTIVE", utcDate(-3)), // on track
          pairing("ACTIVE", utcDate(-16)), // due
          pairing("ACTIVE", utcDate(-40)), // overdue
          pairing("PAUSED", utcDate(-40)),
          pairing("COMPLETED", utcDate(-40)),
          pairing("ENDED", utcDate(-40)),
        ],
      });
      const goneMentee = await memberIn(tx, "DEACTIVATED");
      await tx.mentorRequest.createMany({
        data: [
          { menteeId: mentee.id },
          { menteeId: mentee.id, status: "WITHDRAWN" },
          { menteeId: goneMentee.id },
        ],
      });

      const after = await summaryAsSeenBy(tx, today);
      const change = (key: Exclude<keyof ProgrammeSummary, "byStatus">) => after[key] - before[key];
      expect({
        byStatus: Object.fromEntries(
          Object.entries(after.byStatus).map(([status, n]) => [
            status,
            n - before.byStatus[status as PairingStatus],
          ]),
        ),
        overdue: change("overdue"),
        due: change("due"),
        waiting: change("waiting"),
        mentorsWithFreeSeats: change("mentorsWithFreeSeats"),
        freeSeats: change("freeSeats"),
      }).toEqual({
        byStatus: { ACTIVE: 3, PAUSED: 1, COMPLETED: 1, ENDED: 1 },
        overdue: 1,
        due: 1,
        waiting: 1,
        // The mentor's four places are all taken; the roomy one's three are free.
        mentorsWithFreeSeats: 1,
        freeSeats: 3,
      });
    });
  });
});

describe("programmeTrend", () => {
  it("gives one row per UTC month, oldest first, ending with this month", async () => {
    const admin = await createAdmin();
    const months = await programmeTrend(admin, 14);
    const now = new Date();
    const expected = Array.from({ length: 14 }, (_, i) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 13 + i, 1))
        .toISOString()
        .slice(0, 7),
    );
    expect(months.map((m) => m.month)).toEqual(expected);
    expect(await programmeTrend(admin, 0)).toHaveLength(1);
    expect(await programmeTrend(admin, 1000)).toHaveLength(60);
  });

  it("counts starts, completions, ends and the pairings running at each month's end", async () => {
    const today = new Date("2031-07-15T00:00:00Z");
    const at = (iso: string) => new Date(`${iso}Z`);
    await inSnapshot(async (tx) => {
      const pick = async () =>
        Object.fromEntries(
          (await trendAsSeenBy(tx, 12, today))
            .filter((row) => ["2031-02", "2031-03", "2031-04", "2031-07"].includes(row.month))
            .map(({ month, ...figures }) => [month, figures]),
        );
      const before = await pick();

      const mentor = await memberIn(tx);
      const mentee = await memberIn(tx);
      const base = { mentorId: mentor.id, menteeId: mentee.id, goals: "Goals", cadenceDays: 14 };
      await tx.mentorPairing.createMany({
        data: [
          // Started in March, still active.
          { ...base, startsOn: at("2031-03-03T00:00:00") },
          // Started in March, completed in March.
          {
            ...base,
            startsOn: at("2031-03-04T00:00:00"),
            status: "COMPLETED",
            completedAt: at("2031-03-21T12:00:00"),
          },
          // Started in February, ended on March's last moment.
          {
            ...base,
            startsOn: at("2031-02-06T00:00:00"),
            status: "ENDED",
            endedAt: at("2031-03-31T23:59:59"),
          },
          // Started in February, completed on April's first moment.
          {
            ...base,
            startsOn: at("2031-02-28T00:00:00"),
            status: "COMPLETED",
            completedAt: at("2031-04-01T00:00:00"),
          },
          // Paused, started on April's last day.
          { ...base, startsOn: at("2031-04-30T00:00:00"), status: "PAUSED" },
        ],
      });

      const after = await pick();
      const change = Object.fromEntries(
        Object.entries(after).map(([month, figures]) => [
          month,
          {
            started: figures.started - before[month]!.started,
            completed: figures.completed - before[month]!.completed,
            ended: figures.ended - before[month]!.ended,
            activeAtEnd: figures.activeAtEnd - before[month]!.activeAtEnd,
          },
        ]),
      );
      expect(change).toEqual({
        "2031-02": { started: 2, completed: 0, ended: 0, activeAtEnd: 2 },
        "2031-03": { started: 2, completed: 1, ended: 1, activeAtEnd: 2 },
        "2031-04": { started: 1, completed: 1, ended: 0, activeAtEnd: 2 },
        "2031-07": { started: 0, completed: 0, ended: 0, activeAtEnd: 2 },
      });
    });
  });
});
