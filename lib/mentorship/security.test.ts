// The mentoring server actions are public endpoints: called directly (as a form post would
// be), they act as the signed-in member only; signed-out visitors, third members and leaders
// are refused, and then nothing changes.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { revalidatePath } from "next/cache";
import { toDateInput } from "@/lib/core/dates";
import { testDb } from "@/test/db";
import { auditEntriesFor } from "@/test/factories-admin";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import {
  createMentee,
  createMentor,
  createMentorRequest,
  createPairing,
  setMentorshipProfile,
  utcDate,
} from "@/test/factories-mentorship";
import { notificationsFor } from "@/test/factories-notifications";
import {
  changePairingStatusAction,
  createPairingAction,
  requestMentorAction,
  requestPairingEndAction,
  updateMentorshipProfileAction,
  withdrawMentorRequestAction,
} from "./actions";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const toSignIn = { digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin/) };
const denied = { ok: false, message: "You don't have permission to do that." };

const pairingForm = (mentorId: string, menteeId: string) => ({
  mentorId,
  menteeId,
  goals: "Learn to review code",
  startsOn: toDateInput(utcDate()),
  cadenceDays: "14",
});

const pairingRow = (id: string) => testDb.mentorPairing.findUniqueOrThrow({ where: { id } });

async function assertUntouched(pairing: { id: string; mentorId: string; menteeId: string }) {
  expect(await pairingRow(pairing.id)).toMatchObject({
    status: "ACTIVE",
    pausedAt: null,
    completedAt: null,
    endedAt: null,
    endReason: null,
    endRequestedAt: null,
  });
  expect(await notificationsFor(pairing.mentorId)).toEqual([]);
  expect(await notificationsFor(pairing.menteeId)).toEqual([]);
  expect(await auditEntriesFor(pairing.id)).toEqual([]);
}

beforeEach(() => {
  signedInAs(null);
  vi.clearAllMocks();
});

describe("mentoring actions", () => {
  it("send a signed-out visitor to sign in and change nothing", async () => {
    const mentor = await createMentor({ maxMentees: 3 });
    const mentee = await createMentee();
    const pairing = await createPairing(mentor.id, mentee.id);
    const request = await createMentorRequest(mentee.id);
    const attempts = [
      () => createPairingAction(null, form(pairingForm(mentor.id, mentee.id))),
      () => changePairingStatusAction(null, form({ id: pairing.id, action: "pause" })),
      () =>
        changePairingStatusAction(null, form({ id: pairing.id, action: "end", reason: "Gone" })),
      () => requestPairingEndAction(null, form({ id: pairing.id, reason: "Anonymous" })),
      () => updateMentorshipProfileAction(null, form({ openToMentor: "on", maxMentees: "9" })),
      () => requestMentorAction(null, form({ note: "Anonymous" })),
      () => withdrawMentorRequestAction(null, form({ id: request.id })),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject(toSignIn);
    await assertUntouched(pairing);
    expect(await testDb.mentorPairing.count({ where: { mentorId: mentor.id } })).toBe(1);
    expect(
      await testDb.mentorRequest.findUniqueOrThrow({ where: { id: request.id } }),
    ).toMatchObject({ status: "WAITING" });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("refuse pairings and status changes by a third member, a leader and the pair", async () => {
    const mentor = await createMentor({ maxMentees: 3 });
    const mentee = await createMentee();
    const pairing = await createPairing(mentor.id, mentee.id);
    const newMentee = await createMentee();
    const actors = [await createMember(), await createLeader(), mentor, mentee];
    for (const actor of actors) {
      signedInAs(actor);
      expect(
        await createPairingAction(null, form(pairingForm(mentor.id, newMentee.id))),
      ).toMatchObject({ ...denied, values: { goals: "Learn to review code" } });
      for (const action of ["pause", "resume", "complete", "end"]) {
        expect(
          await changePairingStatusAction(
            null,
            form({ id: pairing.id, action, reason: "Not mine to decide" }),
          ),
        ).toMatchObject(denied);
      }
    }
    await assertUntouched(pairing);
    expect(await testDb.mentorPairing.count({ where: { menteeId: newMentee.id } })).toBe(0);
    expect(await notificationsFor(newMentee.id)).toEqual([]);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("hide a pairing from a third member asking to end it", async () => {
    const mentor = await createMentor();
    const mentee = await createMentee();
    const pairing = await createPairing(mentor.id, mentee.id);
    for (const actor of [await createMember(), await createLeader()]) {
      signedInAs(actor);
      expect(
        await requestPairingEndAction(null, form({ id: pairing.id, reason: "Meddling" })),
      ).toMatchObject({ ok: false, message: "That mentorship was not found." });
    }
    await assertUntouched(pairing);
  });

  it("let an admin create and end a pairing, refreshing the mentoring pages", async () => {
    const admin = await createAdmin();
    const mentor = await createMentor();
    const mentee = await createMentee();
    signedInAs(admin);
    const created = await createPairingAction(null, form(pairingForm(mentor.id, mentee.id)));
    expect(created).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const id = created.ok ? created.data!.id : "";
    expect((await pairingRow(id)).createdById).toBe(admin.id);
    expect(revalidatePath).toHaveBeenCalledWith("/mentorship", "layout");
    expect(revalidatePath).toHaveBeenCalledWith("/admin/mentorship", "layout");

    const refused = await changePairingStatusAction(null, form({ id, action: "end" }));
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["Say why the mentorship is ending."] },
      values: { id, action: "end" },
    });
    expect(
      await changePairingStatusAction(null, form({ id, action: "end", reason: "Moved on" })),
    ).toMatchObject({ ok: true });
    expect(await pairingRow(id)).toMatchObject({ status: "ENDED", endReason: "Moved on" });
  });

  it("save preferences and requests as the signed-in member only", async () => {
    const [member, other] = [await createMember(), await createMember()];
    await setMentorshipProfile(other.id, { goals: "Theirs" });
    signedInAs(member);
    expect(
      await updateMentorshipProfileAction(null, form({ memberId: other.id, goals: "Hijacked" })),
    ).toMatchObject(denied);
    expect(await requestMentorAction(null, form({ memberId: other.id }))).toMatchObject(denied);
    expect(
      await testDb.mentorshipProfile.findUniqueOrThrow({ where: { userId: other.id } }),
    ).toMatchObject({ goals: "Theirs", wantsMentor: false });
    expect(await testDb.mentorRequest.count({ where: { menteeId: other.id } })).toBe(0);

    const theirs = await createMentorRequest(other.id);
    expect(await withdrawMentorRequestAction(null, form({ id: theirs.id }))).toMatchObject({
      ok: false,
      message: "That request was not found.",
    });
    expect(
      await testDb.mentorRequest.findUniqueOrThrow({ where: { id: theirs.id } }),
    ).toMatchObject({ status: "WAITING" });

    expect(
      await updateMentorshipProfileAction(
        null,
        form({ openToMentor: "on", maxMentees: "2", goals: "Mine" }),
      ),
    ).toMatchObject({ ok: true });
    expect(revalidatePath).toHaveBeenCalledWith("/profile");
    const asked = await requestMentorAction(null, form({ note: "Please" }));
    expect(asked).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    expect(
      await testDb.mentorRequest.findMany({
        where: { menteeId: member.id },
        select: { note: true },
      }),
    ).toEqual([{ note: "Please" }]);
  });
});
