import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createMentee, createMentor, createMentorRequest } from "@/test/factories-mentorship";
import { pairingPrefill } from "./prefill";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe("pairingPrefill", () => {
  it("fills in the two members, the mentee's goals and their request", async () => {
    const admin = await createAdmin();
    const mentor = await createMentor({ name: "Pat Prefill" });
    const mentee = await createMentee({ name: "Quin Prefill", goals: "Learn SQL\nRun a retro" });
    const older = await createMentorRequest(mentee.id, {
      note: "First ask",
      createdAt: daysAgo(5),
    });
    const newer = await createMentorRequest(mentee.id, {
      note: "Second ask",
      createdAt: daysAgo(1),
    });

    const prefill = await pairingPrefill(admin, { mentor: mentor.id, mentee: mentee.id });
    expect(prefill.mentor).toEqual({ id: mentor.id, name: "Pat Prefill" });
    expect(prefill.mentee).toEqual({ id: mentee.id, name: "Quin Prefill" });
    // The note stays beside the form; only the profile's goals become goals.
    expect(prefill.goals).toBe("Learn SQL\nRun a retro");
    expect(prefill.request?.id).toBe(older.id);

    const named = await pairingPrefill(admin, { mentee: mentee.id, request: newer.id });
    expect(named.request?.id).toBe(newer.id);
  });

  it("ignores deactivated members, unknown ids and other members' requests", async () => {
    const admin = await createAdmin();
    const gone = await createMember({ status: "DEACTIVATED" });
    const mentee = await createMentee();
    const other = await createMentorRequest((await createMentee()).id);
    const prefill = await pairingPrefill(admin, {
      mentor: gone.id,
      mentee: mentee.id,
      request: other.id,
    });
    expect(prefill.mentor).toBeNull();
    expect(prefill.request).toBeNull();
    expect(await pairingPrefill(admin, { mentee: "x".repeat(41) })).toMatchObject({
      mentee: null,
      goals: "",
    });
  });

  it("is for admins only", async () => {
    const mentee = await createMentee();
    for (const actor of [await createLeader(), await createMember()]) {
      await expect(pairingPrefill(actor, { mentee: mentee.id })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
    }
  });
});
