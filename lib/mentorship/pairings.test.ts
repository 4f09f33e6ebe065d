import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { addMonths, formatCalendarDate, toDateInput } from "@/lib/core/dates";
import { testDb } from "@/test/db";
import { auditEntriesFor } from "@/test/factories-admin";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import {
  createMentee,
  createMentor,
  createMentorRequest,
  createPairing as createPairingRow,
  setMentorshipProfile,
  utcDate,
} from "@/test/factories-mentorship";
import { notificationsFor } from "@/test/factories-notifications";
import { CADENCE_MESSAGE, goalTitles } from "./schemas";
import { createPairing } from "./pairings";
import { updateMentorshipProfile } from "./preferences";

const day = (offset = 0) => toDateInput(utcDate(offset));

function pairingInput(mentorId: string, menteeId: string, overrides: Record<string, string> = {}) {
  return {
    mentorId,
    menteeId,
    goals: "Write better tests\nLearn Go",
    startsOn: day(),
    cadenceDays: "14",
    expectedEndOn: "",
    requestId: "",
    ...overrides,
  };
}

const pairingsOf = (mentorId: string) =>
  testDb.mentorPairing.findMany({ where: { mentorId }, orderBy: { createdAt: "asc" } });

const idOf = (result: { ok: boolean; data?: { id: string } }) => result.data!.id;

describe("creating a pairing", () => {
  it("creates the pairing with its goals, notifies both members and audits it", async () => {
    const admin = await createAdmin();
    const mentor = await createMentor();
    const mentee = await createMentee();
    const result = await createPairing(
      admin,
      pairingInput(mentor.id, mentee.id, {
        goals: "- Write better tests\r\n\r\n  2. Learn Go  \n* Pair on a review",
        startsOn: day(-3),
        cadenceDays: "21",
        expectedEndOn: day(180),
      }),
    );
    expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const id = idOf(result);
    const pairing = await testDb.mentorPairing.findUniqueOrThrow({
      where: { id },
      include: { goalItems: { orderBy: { position: "asc" } } },
    });
    expect(pairing).toMatchObject({
      mentorId: mentor.id,
      menteeId: mentee.id,
      status: "ACTIVE",
      goals: "- Write better tests\n\n  2. Learn Go  \n* Pair on a review",
      startsOn: utcDate(-3),
      expectedEndOn: utcDate(180),
      cadenceDays: 21,
      createdById: admin.id,
      lastCheckInOn: null,
    });
    expect(pairing.goalItems.map((g) => [g.position, g.title, g.progress])).toEqual([
      [0, "Write better tests", 0],
      [1, "Learn Go", 0],
      [2, "Pair on a review", 0],
    ]);

    const [toMentor] = await notificationsFor(mentor.id);
    expect(toMentor).toMatchObject({
      kind: "mentorship.paired",
      actorId: admin.id,
      data: { pairingId: id, role: "MENTOR", otherName: mentee.name },
    });
    const [toMentee] = await notificationsFor(mentee.id);
    expect(toMentee).toMatchObject({
      kind: "mentorship.paired",
      actorId: admin.id,
      data: { pairingId: id, role: "MENTEE", otherName: mentor.name },
    });
    const audit = await auditEntriesFor(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin.id,
      action: "pairing.create",
      entityType: "MentorPairing",
      after: { mentorId: mentor.id, menteeId: mentee.id, cadenceDays: 21 },
    });
  });

  it("marks the mentee's waiting request matched and links it to the pairing", async () => {
    const admin = await createAdmin();
    const [mentor, mentee] = [await createMentor(), await createMentee()];
    const request = await createMentorRequest(mentee.id);
    const withdrawn = await createMentorRequest(mentee.id, { status: "WITHDRAWN" });
    const id = idOf(
      await createPairing(admin, pairingInput(mentor.id, mentee.id, { requestId: request.id })),
    );
    const matched = await testDb.mentorRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(matched).toMatchObject({ status: "MATCHED", pairingId: id });
    expect(matched.resolvedAt).toBeInstanceOf(Date);
    expect(
      await testDb.mentorRequest.findUniqueOrThrow({ where: { id: withdrawn.id } }),
    ).toMatchObject({ status: "WITHDRAWN", pairingId: null });
  });

  it("matches the waiting request when none is named, too", async () => {
    const admin = await createAdmin();
    const [mentor, mentee] = [await createMentor(), await createMentee()];
    const request = await createMentorRequest(mentee.id);
    const id = idOf(await createPairing(admin, pairingInput(mentor.id, mentee.id)));
    expect(
      await testDb.mentorRequest.findUniqueOrThrow({ where: { id: request.id } }),
    ).toMatchObject({ status: "MATCHED", pairingId: id });
  });

  it("refuses a request of another member, or one no longer waiting, creating nothing", async () => {
    const admin = await createAdmin();
    const [mentor, mentee, other] = [
      await createMentor({ maxMentees: 3 }),
      await createMentee(),
      await createMentee(),
    ];
    const theirs = await createMentorRequest(other.id);
    const withdrawn = await createMentorRequest(mentee.id, { status: "WITHDRAWN" });
    const matched = await createMentorRequest(mentee.id, { status: "MATCHED" });
    await expect(
      createPairing(admin, pairingInput(mentor.id, mentee.id, { requestId: theirs.id })),
    ).rejects.toThrow("That request was not found.");
    await expect(
      createPairing(admin, pairingInput(mentor.id, mentee.id, { requestId: withdrawn.id })),
    ).rejects.toThrow(`${mentee.name} withdrew that request.`);
    await expect(
      createPairing(admin, pairingInput(mentor.id, mentee.id, { requestId: matched.id })),
    ).rejects.toThrow(`${mentee.name}'s request was already matched with a mentor.`);
    expect(await pairingsOf(mentor.id)).toEqual([]);
    expect(
      await testDb.mentorRequest.findUniqueOrThrow({ where: { id: theirs.id } }),
    ).toMatchObject({ status: "WAITING", pairingId: null });
    expect(await notificationsFor(mentor.id)).toEqual([]);
    expect(await notificationsFor(mentee.id)).toEqual([]);
  });

  it("refuses a mentor who hasn't said they are open to mentoring", async () => {
    const admin = await createAdmin();
    const [neverSaid, closed, mentee] = [
      await createMember(),
      await createMember(),
      await createMentee(),
    ];
    await setMentorshipProfile(closed.id, { openToMentor: false, maxMentees: 3 });
    for (const mentor of [neverSaid, closed]) {
      await expect(createPairing(admin, pairingInput(mentor.id, mentee.id))).rejects.toMatchObject({
        message: `${mentor.name} hasn't said they are open to mentoring.`,
        fieldErrors: { mentorId: [`${mentor.name} hasn't said they are open to mentoring.`] },
      });
      expect(await pairingsOf(mentor.id)).toEqual([]);
    }
    expect(await notificationsFor(mentee.id)).toEqual([]);
  });

  it("refuses deactivated and unknown members beside their field", async () => {
    const admin = await createAdmin();
    const mentor = await createMentor();
    const gone = await createMentor({ status: "DEACTIVATED" });
    const goneMentee = await createMentee({ status: "DEACTIVATED" });
    const mentee = await createMentee();
    await expect(createPairing(admin, pairingInput(gone.id, mentee.id))).rejects.toMatchObject({
      fieldErrors: { mentorId: [`${gone.name} has been deactivated, so they can't mentor.`] },
    });
    await expect(
      createPairing(admin, pairingInput(mentor.id, goneMentee.id)),
    ).rejects.toMatchObject({
      fieldErrors: {
        menteeId: [`${goneMentee.name} has been deactivated, so they can't be given a mentor.`],
      },
    });
    await expect(createPairing(admin, pairingInput("missing", mentee.id))).rejects.toMatchObject({
      fieldErrors: { mentorId: ["That mentor was not found."] },
    });
    await expect(createPairing(admin, pairingInput(mentor.id, "missing"))).rejects.toMatchObject({
      fieldErrors: { menteeId: ["That mentee was not found."] },
    });
    expect(await pairingsOf(mentor.id)).toEqual([]);
    expect(await pairingsOf(gone.id)).toEqual([]);
  });

  it("keeps to the mentor's capacity, counting paused pairings but not closed ones", async () => {
    const admin = await createAdmin();
    const mentor = await createMentor({ maxMentees: 2 });
    await createPairingRow(mentor.id, (await createMember()).id);
    await createPairingRow(mentor.id, (await createMember()).id, { status: "PAUSED" });
    await createPairingRow(mentor.id, (await createMember()).id, { status: "COMPLETED" });
    await createPairingRow(mentor.id, (await createMember()).id, { status: "ENDED" });
    const mentee = await createMentee();
    await expect(createPairing(admin, pairingInput(mentor.id, mentee.id))).rejects.toMatchObject({
      message: `${mentor.name} already mentors 2 of 2 people.`,
      fieldErrors: { mentorId: [`${mentor.name} already mentors 2 of 2 people.`] },
    });
    const single = await createMentor({ maxMentees: 1 });
    await createPairingRow(single.id, (await createMember()).id);
    await expect(createPairing(admin, pairingInput(single.id, mentee.id))).rejects.toThrow(
      `${single.name} already mentors 1 person, the most they take on.`,
    );
    expect(await testDb.mentorPairing.count({ where: { menteeId: mentee.id } })).toBe(0);
    expect(await notificationsFor(mentee.id)).toEqual([]);
  });

  it("refuses a second open pairing of the same two people, but not after one closed", async () => {
    const admin = await createAdmin();
    const mentor = await createMentor({ maxMentees: 5 });
    const [mentee, former] = [await createMentee(), await createMentee()];
    await createPairingRow(mentor.id, mentee.id, { status: "PAUSED" });
    await createPairingRow(mentor.id, former.id, { status: "COMPLETED" });
    await expect(createPairing(admin, pairingInput(mentor.id, mentee.id))).rejects.toMatchObject({
      message: `${mentor.name} already mentors ${mentee.name}.`,
      fieldErrors: { menteeId: [`${mentor.name} already mentors ${mentee.name}.`] },
    });
    expect(await testDb.mentorPairing.count({ where: { menteeId: mentee.id } })).toBe(1);
    expect((await createPairing(admin, pairingInput(mentor.id, former.id))).ok).toBe(true);
    // The other way round is another pairing.
    await setMentorshipProfile(mentee.id, { openToMentor: true });
    expect((await createPairing(admin, pairingInput(mentee.id, mentor.id))).ok).toBe(true);
  });

  it("refuses self-mentoring, bad dates, cadence and goals with clear field messages", async () => {
    const admin = await createAdmin();
    const mentor = await createMentor();
    const mentee = await createMentee();
    const today = utcDate();
    const fieldError = async (overrides: Record<string, string>, mentorId = mentor.id) => {
      const result = await createPairing(admin, pairingInput(mentorId, mentee.id, overrides));
      expect(result.ok).toBe(false);
      return result.ok ? {} : result.fieldErrors;
    };
    expect(await fieldError({}, mentee.id)).toEqual({
      menteeId: ["A member can't mentor themselves."],
    });
    expect(await fieldError({ menteeId: mentor.id })).toEqual({
      menteeId: ["A member can't mentor themselves."],
    });
    expect(await fieldError({ menteeId: mentor.id, goals: "" })).toEqual({
      goals: ["Write down what the mentee wants to work on, one goal a line."],
      menteeId: ["A member can't mentor themselves."],
    });
    expect(await fieldError({ mentorId: "", menteeId: "" })).toEqual({
      mentorId: ["Choose a mentor."],
      menteeId: ["Choose a mentee."],
    });
    expect(await fieldError({ goals: "x".repeat(2001) })).toEqual({
      goals: ["Keep the goals under 2,000 characters."],
    });
    for (const startsOn of ["2026-02-30", "tomorrow", "2026-1-5"]) {
      expect(await fieldError({ startsOn })).toEqual({
        startsOn: ["Enter a date as year, month and day."],
      });
    }
    expect(await fieldError({ startsOn: "" })).toEqual({
      startsOn: ["Choose the day the mentorship starts."],
    });
    const window = `Choose a start date within a year of today, from ${formatCalendarDate(addMonths(today, -12))} to ${formatCalendarDate(addMonths(today, 12))}.`;
    expect(await fieldError({ startsOn: toDateInput(addMonths(today, 13)) })).toEqual({
      startsOn: [window],
    });
    expect(await fieldError({ startsOn: toDateInput(addMonths(today, -13)) })).toEqual({
      startsOn: [window],
    });
    for (const cadenceDays of ["2", "91", "0", ""]) {
      expect(await fieldError({ cadenceDays })).toEqual({ cadenceDays: [CADENCE_MESSAGE] });
    }
    expect(CADENCE_MESSAGE).toBe("Choose how often to check in: every 3 to 90 days.");
    expect(await fieldError({ cadenceDays: "1.5" })).toEqual({
      cadenceDays: ["Enter the number of days between check-ins as a whole number, from 3 to 90."],
    });
    expect(await fieldError({ expectedEndOn: day() })).toEqual({
      expectedEndOn: ["The expected end must be after the start date."],
    });
    expect(await fieldError({ expectedEndOn: "2026-04-31" })).toEqual({
      expectedEndOn: ["Enter a date as year, month and day."],
    });
    expect(await fieldError({ expectedEndOn: day(731) })).toEqual({
      expectedEndOn: [
        `A mentorship runs for at most 730 days: choose an expected end no later than ${formatCalendarDate(utcDate(730))}.`,
      ],
    });
    expect(await pairingsOf(mentor.id)).toEqual([]);
    // The edges are accepted.
    const edges = await createPairing(
      admin,
      pairingInput(mentor.id, mentee.id, {
        startsOn: toDateInput(addMonths(today, 12)),
        cadenceDays: "90",
        expectedEndOn: toDateInput(new Date(addMonths(today, 12).getTime() + 730 * 86_400_000)),
      }),
    );
    expect(edges.ok).toBe(true);
  });

  it("is for admins only: members and leaders are refused and nothing changes", async () => {
    const [mentor, mentee] = [await createMentor(), await createMentee()];
    const request = await createMentorRequest(mentee.id);
    for (const actor of [await createMember(), await createLeader(), mentor, mentee]) {
      await expect(
        createPairing(actor, pairingInput(mentor.id, mentee.id, { requestId: request.id })),
      ).rejects.toBeInstanceOf(PermissionDenied);
    }
    expect(await pairingsOf(mentor.id)).toEqual([]);
    expect(
      await testDb.mentorRequest.findUniqueOrThrow({ where: { id: request.id } }),
    ).toMatchObject({ status: "WAITING" });
    expect(await notificationsFor(mentee.id)).toEqual([]);
  });
});

describe("goal titles from the goals text", () => {
  it("takes each non-empty line, without list markers, cut to the limits", () => {
    expect(goalTitles("- One\n\n   \n2) Two\n10. Ten\n• Dot\n-not a marker")).toEqual([
      "One",
      "Two",
      "Ten",
      "Dot",
      "-not a marker",
    ]);
    expect(goalTitles(`${"a".repeat(250)}`)).toEqual(["a".repeat(200)]);
    const many = Array.from({ length: 25 }, (_, i) => `Goal ${i}`).join("\n");
    expect(goalTitles(many)).toHaveLength(20);
    expect(goalTitles("-\n*")).toEqual(["-", "*"]);
  });
});

describe("pairing at the same moment (real PostgreSQL)", () => {
  it("gives a mentor's last free place to exactly one of two admins", async () => {
    const [admin1, admin2] = [await createAdmin(), await createAdmin()];
    const mentor = await createMentor({ maxMentees: 2 });
    await createPairingRow(mentor.id, (await createMember()).id);
    const [mentee1, mentee2] = [await createMentee(), await createMentee()];
    const results = await Promise.allSettled([
      createPairing(admin1, pairingInput(mentor.id, mentee1.id)),
      createPairing(admin2, pairingInput(mentor.id, mentee2.id)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.reason).toMatchObject({
      message: `${mentor.name} already mentors 2 of 2 people.`,
    });
    const pairings = await pairingsOf(mentor.id);
    expect(pairings.filter((p) => p.status === "ACTIVE")).toHaveLength(2);
    // The refused mentee got no pairing and no notification.
    const lost = [mentee1, mentee2].find((m) => !pairings.some((p) => p.menteeId === m.id))!;
    expect(await notificationsFor(lost.id)).toEqual([]);
  });

  it("creates one pairing when the same mentor and mentee are paired twice at once", async () => {
    const [admin1, admin2] = [await createAdmin(), await createAdmin()];
    const mentor = await createMentor({ maxMentees: 5 });
    const mentee = await createMentee();
    const results = await Promise.allSettled([
      createPairing(admin1, pairingInput(mentor.id, mentee.id)),
      createPairing(admin2, pairingInput(mentor.id, mentee.id)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")?.reason).toMatchObject({
      message: `${mentor.name} already mentors ${mentee.name}.`,
    });
    expect(await pairingsOf(mentor.id)).toHaveLength(1);
    expect(await notificationsFor(mentee.id)).toHaveLength(1);
  });

  it("keeps a lowered limit and a new pairing from crossing", async () => {
    const admin = await createAdmin();
    const mentor = await createMentor({ maxMentees: 2 });
    await createPairingRow(mentor.id, (await createMember()).id);
    const mentee = await createMentee();
    const results = await Promise.allSettled([
      createPairing(admin, pairingInput(mentor.id, mentee.id)),
      updateMentorshipProfile(mentor, { openToMentor: "on", maxMentees: "1" }),
    ]);
    const profile = await testDb.mentorshipProfile.findUniqueOrThrow({
      where: { userId: mentor.id },
    });
    const open = await testDb.mentorPairing.count({
      where: { mentorId: mentor.id, status: { in: ["ACTIVE", "PAUSED"] } },
    });
    // Whichever came first, the other was refused: never 2 mentees under a limit of 1.
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(open).toBeLessThanOrEqual(profile.maxMentees);
  });
});
