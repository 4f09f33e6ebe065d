import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createMentor, createPairing, setMentorshipProfile } from "@/test/factories-mentorship";
import { MAX_MENTEES_MESSAGE } from "./schemas";
import { getMentorshipProfile, updateMentorshipProfile } from "./preferences";

const profileOf = (userId: string) => testDb.mentorshipProfile.findUnique({ where: { userId } });

describe("mentoring preferences", () => {
  it("reads the defaults for a member who never saved any, without creating a row", async () => {
    const member = await createMember();
    expect(await getMentorshipProfile(member.id)).toEqual({
      openToMentor: false,
      maxMentees: 1,
      wantsMentor: false,
      goals: "",
      activeMentees: 0,
    });
    expect(await profileOf(member.id)).toBeNull();
  });

  it("saves the member's own preferences, trimming goals and counting \\r\\n as one", async () => {
    const member = await createMember();
    const result = await updateMentorshipProfile(member, {
      openToMentor: "on",
      maxMentees: "3",
      wantsMentor: "on",
      goals: "  Learn Go\r\nRun a session  ",
    });
    expect(result).toEqual({ ok: true, message: "Mentoring preferences saved." });
    expect(await profileOf(member.id)).toMatchObject({
      openToMentor: true,
      maxMentees: 3,
      wantsMentor: true,
      goals: "Learn Go\nRun a session",
    });
  });

  it("counts active and paused mentees, not completed or ended ones", async () => {
    const mentor = await createMentor({ maxMentees: 5 });
    const statuses = ["ACTIVE", "PAUSED", "COMPLETED", "ENDED"] as const;
    for (const status of statuses) {
      await createPairing(mentor.id, (await createMember()).id, { status });
    }
    expect(await getMentorshipProfile(mentor.id)).toMatchObject({
      openToMentor: true,
      maxMentees: 5,
      activeMentees: 2,
    });
  });

  it("keeps the stored limit when the member is no longer open, and ends no pairing", async () => {
    const mentor = await createMentor({ maxMentees: 4 });
    const pairing = await createPairing(mentor.id, (await createMember()).id);
    // An unticked box sends nothing; the number field's value is ignored, even if invalid.
    const result = await updateMentorshipProfile(mentor, { maxMentees: "abc", goals: "" });
    expect(result.ok).toBe(true);
    expect(await profileOf(mentor.id)).toMatchObject({ openToMentor: false, maxMentees: 4 });
    const after = await testDb.mentorPairing.findUniqueOrThrow({ where: { id: pairing.id } });
    expect(after.status).toBe("ACTIVE");
  });

  it("refuses a limit below the mentees the member has now, changing nothing", async () => {
    const mentor = await createMentor({ maxMentees: 3 });
    await createPairing(mentor.id, (await createMember()).id);
    await createPairing(mentor.id, (await createMember()).id, { status: "PAUSED" });
    const attempt = updateMentorshipProfile(mentor, {
      openToMentor: "on",
      maxMentees: "1",
      goals: "New goals",
    });
    await expect(attempt).rejects.toMatchObject({
      message: "You mentor 2 people now, so allow at least 2.",
      fieldErrors: { maxMentees: ["You mentor 2 people now, so allow at least 2."] },
    });
    expect(await profileOf(mentor.id)).toMatchObject({ maxMentees: 3, goals: "" });
    // Exactly the count is fine.
    const saved = await updateMentorshipProfile(mentor, { openToMentor: "on", maxMentees: "2" });
    expect(saved.ok).toBe(true);
    expect((await profileOf(mentor.id))?.maxMentees).toBe(2);
  });

  it("refuses a limit outside 1 to 10 or not a whole number, and over-long goals", async () => {
    const member = await createMember();
    for (const maxMentees of ["0", "11", "2.5", "", "-1"]) {
      expect(
        await updateMentorshipProfile(member, { openToMentor: "on", maxMentees }),
      ).toMatchObject({ ok: false, fieldErrors: { maxMentees: [MAX_MENTEES_MESSAGE] } });
    }
    expect(await updateMentorshipProfile(member, { goals: "x".repeat(2001) })).toMatchObject({
      ok: false,
      fieldErrors: { goals: ["Keep your goals under 2,000 characters."] },
    });
    expect(await profileOf(member.id)).toBeNull();
  });

  it("saves only the actor's own preferences", async () => {
    const [member, other] = [await createMember(), await createMember()];
    await setMentorshipProfile(other.id, { goals: "Theirs" });
    await expect(
      updateMentorshipProfile(member, { memberId: other.id, goals: "Mine now" }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(await profileOf(other.id)).toMatchObject({ goals: "Theirs" });
    expect(await profileOf(member.id)).toBeNull();
    const own = await updateMentorshipProfile(member, { memberId: member.id, goals: "Mine" });
    expect(own.ok).toBe(true);
  });

  it("serialises concurrent first saves into one row", async () => {
    const member = await createMember();
    const results = await Promise.all(
      ["One", "Two", "Three"].map((goals) => updateMentorshipProfile(member, { goals })),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await testDb.mentorshipProfile.count({ where: { userId: member.id } })).toBe(1);
  });
});
