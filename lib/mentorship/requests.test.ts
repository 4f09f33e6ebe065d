import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { formatDay } from "@/lib/core/dates";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import {
  createMentorRequest,
  createPairing,
  setMentorshipProfile,
} from "@/test/factories-mentorship";
import { requestMentor, SECOND_MENTOR_NOTE, withdrawMentorRequest } from "./requests";

const requestsOf = (menteeId: string) =>
  testDb.mentorRequest.findMany({ where: { menteeId }, orderBy: { createdAt: "asc" } });

describe("asking for a mentor", () => {
  it("creates a waiting request and marks the member as wanting a mentor", async () => {
    const member = await createMember();
    await setMentorshipProfile(member.id, { goals: "Learn Go" });
    const result = await requestMentor(member, { note: "  I'd like help with Go\r\ntesting " });
    expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const [request] = await requestsOf(member.id);
    expect(request).toMatchObject({
      id: result.ok ? result.data!.id : "",
      status: "WAITING",
      note: "I'd like help with Go\ntesting",
      resolvedAt: null,
    });
    const profile = await testDb.mentorshipProfile.findUniqueOrThrow({
      where: { userId: member.id },
    });
    expect(profile).toMatchObject({ wantsMentor: true, goals: "Learn Go" });
  });

  it("creates the profile row for a member who never saved preferences", async () => {
    const member = await createMember();
    expect((await requestMentor(member, {})).ok).toBe(true);
    expect(
      await testDb.mentorshipProfile.findUniqueOrThrow({ where: { userId: member.id } }),
    ).toMatchObject({ wantsMentor: true, openToMentor: false, maxMentees: 1 });
  });

  it("asks a member who has a mentor for a note before a second one, and saves nothing without it", async () => {
    const [member, mentor] = await Promise.all([createMember(), createMember()]);
    await createPairing(mentor.id, member.id, { status: "PAUSED" });
    expect(await requestMentor(member, { note: "  " })).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { note: [SECOND_MENTOR_NOTE] },
    });
    expect(await requestsOf(member.id)).toHaveLength(0);
    const asked = await requestMentor(member, { note: "Someone for public speaking, please." });
    expect(asked.ok).toBe(true);
    expect(await requestsOf(member.id)).toMatchObject([{ status: "WAITING" }]);
  });

  it("needs no note when the member's mentorships have ended", async () => {
    const [member, mentor] = await Promise.all([createMember(), createMember()]);
    await createPairing(mentor.id, member.id, { status: "COMPLETED" });
    expect((await requestMentor(member, {})).ok).toBe(true);
  });

  it("refuses a second waiting request, naming the day of the first", async () => {
    const member = await createMember();
    const first = await createMentorRequest(member.id, {
      createdAt: new Date("2026-03-09T10:00:00Z"),
    });
    await expect(requestMentor(member, { note: "Again" })).rejects.toThrow(
      `You already asked for a mentor on ${formatDay(first.createdAt)}; an admin will pair you soon.`,
    );
    expect(formatDay(first.createdAt)).toBe("9 March 2026");
    expect((await requestsOf(member.id)).map((r) => r.id)).toEqual([first.id]);
  });

  it("accepts a new request after the last was matched or withdrawn", async () => {
    const member = await createMember();
    await createMentorRequest(member.id, { status: "MATCHED" });
    await createMentorRequest(member.id, { status: "WITHDRAWN" });
    expect((await requestMentor(member, {})).ok).toBe(true);
    expect((await requestsOf(member.id)).map((r) => r.status).sort()).toEqual([
      "MATCHED",
      "WAITING",
      "WITHDRAWN",
    ]);
  });

  it("refuses an over-long note and a request for someone else", async () => {
    const [member, other] = [await createMember(), await createMember()];
    expect(await requestMentor(member, { note: "x".repeat(1001) })).toMatchObject({
      ok: false,
      fieldErrors: { note: ["Keep the note under 1,000 characters."] },
    });
    await expect(requestMentor(member, { memberId: other.id })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    expect(await requestsOf(member.id)).toEqual([]);
    expect(await requestsOf(other.id)).toEqual([]);
  });

  it("lets only one of two concurrent requests through", async () => {
    const member = await createMember();
    // With the profile row already there, only its row lock keeps the two apart.
    await setMentorshipProfile(member.id, { goals: "Learn Go" });
    const results = await Promise.allSettled([
      requestMentor(member, { note: "First" }),
      requestMentor(member, { note: "Second" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.reason).toMatchObject({
      message: expect.stringMatching(/^You already asked for a mentor on /),
    });
    const requests = await requestsOf(member.id);
    expect(requests.map((r) => r.status)).toEqual(["WAITING"]);
  });
});

describe("withdrawing a request", () => {
  it("withdraws the member's own waiting request", async () => {
    const member = await createMember();
    const request = await createMentorRequest(member.id);
    expect(await withdrawMentorRequest(member, { id: request.id })).toEqual({
      ok: true,
      message: "Your request for a mentor was withdrawn.",
    });
    const row = await testDb.mentorRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row.status).toBe("WITHDRAWN");
    expect(row.resolvedAt).toBeInstanceOf(Date);
  });

  it("treats another member's request, a matched one and an unknown id as not found", async () => {
    const [member, other] = [await createMember(), await createMember()];
    const theirs = await createMentorRequest(other.id);
    const matched = await createMentorRequest(member.id, { status: "MATCHED" });
    for (const id of [theirs.id, matched.id, "missing"]) {
      await expect(withdrawMentorRequest(member, { id })).rejects.toThrow(
        "That request was not found.",
      );
    }
    expect(
      await testDb.mentorRequest.findUniqueOrThrow({ where: { id: theirs.id } }),
    ).toMatchObject({ status: "WAITING", resolvedAt: null });
    expect(
      await testDb.mentorRequest.findUniqueOrThrow({ where: { id: matched.id } }),
    ).toMatchObject({ status: "MATCHED" });
  });
});
