import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { formatDay } from "@/lib/core/dates";
import { testDb } from "@/test/db";
import { auditEntriesFor } from "@/test/factories-admin";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createMentee, createMentor, createPairing } from "@/test/factories-mentorship";
import { notificationsFor } from "@/test/factories-notifications";
import { changePairingStatus, requestPairingEnd } from "./pairings";

const pairingRow = (id: string) => testDb.mentorPairing.findUniqueOrThrow({ where: { id } });

async function aPairing(status: "ACTIVE" | "PAUSED" | "COMPLETED" | "ENDED" = "ACTIVE") {
  const mentor = await createMentor({ maxMentees: 3 });
  const mentee = await createMentee();
  const pairing = await createPairing(mentor.id, mentee.id, { status });
  return { mentor, mentee, pairing };
}

describe("changing a pairing's status", () => {
  it("pauses and resumes, notifying both members and auditing each change", async () => {
    const admin = await createAdmin();
    const { mentor, mentee, pairing } = await aPairing();
    expect(await changePairingStatus(admin, { id: pairing.id, action: "pause" })).toEqual({
      ok: true,
      message: "Mentorship paused.",
    });
    const paused = await pairingRow(pairing.id);
    expect(paused.status).toBe("PAUSED");
    expect(paused.pausedAt).toBeInstanceOf(Date);

    expect(await changePairingStatus(admin, { id: pairing.id, action: "resume" })).toEqual({
      ok: true,
      message: "Mentorship resumed.",
    });
    expect(await pairingRow(pairing.id)).toMatchObject({ status: "ACTIVE", pausedAt: null });

    for (const member of [mentor, mentee]) {
      const told = await notificationsFor(member.id);
      expect(told.map((n) => [n.kind, n.actorId, n.data])).toEqual([
        ["mentorship.status_changed", admin.id, { pairingId: pairing.id, status: "PAUSED" }],
        ["mentorship.status_changed", admin.id, { pairingId: pairing.id, status: "ACTIVE" }],
      ]);
    }
    const audit = await auditEntriesFor(pairing.id);
    expect(audit.map((a) => [a.action, a.actorId, a.before, a.after])).toEqual([
      ["pairing.pause", admin.id, { status: "ACTIVE" }, { status: "PAUSED" }],
      ["pairing.resume", admin.id, { status: "PAUSED" }, { status: "ACTIVE" }],
    ]);
  });

  it("completes an active or a paused pairing", async () => {
    const admin = await createAdmin();
    for (const status of ["ACTIVE", "PAUSED"] as const) {
      const { mentee, pairing } = await aPairing(status);
      expect(await changePairingStatus(admin, { id: pairing.id, action: "complete" })).toEqual({
        ok: true,
        message: "Mentorship completed.",
      });
      const row = await pairingRow(pairing.id);
      expect(row.status).toBe("COMPLETED");
      expect(row.completedAt).toBeInstanceOf(Date);
      expect((await notificationsFor(mentee.id)).map((n) => n.data)).toEqual([
        { pairingId: pairing.id, status: "COMPLETED" },
      ]);
      expect((await auditEntriesFor(pairing.id))[0]).toMatchObject({
        action: "pairing.complete",
        before: { status },
        after: { status: "COMPLETED" },
      });
    }
  });

  it("ends a pairing with a reason, and refuses to end one without", async () => {
    const admin = await createAdmin();
    const { mentor, pairing } = await aPairing("PAUSED");
    for (const reason of [undefined, "", "   "]) {
      expect(await changePairingStatus(admin, { id: pairing.id, action: "end", reason })).toEqual({
        ok: false,
        message: "Please correct the highlighted fields.",
        fieldErrors: { reason: ["Say why the mentorship is ending."] },
      });
    }
    expect(
      await changePairingStatus(admin, { id: pairing.id, action: "end", reason: "x".repeat(501) }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["Keep the reason under 500 characters."] },
    });
    expect(await pairingRow(pairing.id)).toMatchObject({ status: "PAUSED", endedAt: null });
    expect(await notificationsFor(mentor.id)).toEqual([]);
    expect(await auditEntriesFor(pairing.id)).toEqual([]);

    const result = await changePairingStatus(admin, {
      id: pairing.id,
      action: "end",
      reason: "  The mentee moved teams.  ",
    });
    expect(result).toEqual({ ok: true, message: "Mentorship ended." });
    const row = await pairingRow(pairing.id);
    expect(row).toMatchObject({ status: "ENDED", endReason: "The mentee moved teams." });
    expect(row.endedAt).toBeInstanceOf(Date);
    expect((await auditEntriesFor(pairing.id))[0]).toMatchObject({
      action: "pairing.end",
      before: { status: "PAUSED" },
      after: { status: "ENDED", reason: "The mentee moved teams." },
    });
  });

  it("refuses transitions that don't apply, with a clear message, changing nothing", async () => {
    const admin = await createAdmin();
    const cases = [
      ["ACTIVE", "resume", "This mentorship is already active."],
      ["PAUSED", "pause", "This mentorship is already paused."],
      ["COMPLETED", "pause", "This mentorship is already completed."],
      ["COMPLETED", "resume", "This mentorship is already completed."],
      ["COMPLETED", "complete", "This mentorship is already completed."],
      ["COMPLETED", "end", "This mentorship is already completed."],
      ["ENDED", "resume", "This mentorship has already ended."],
      ["ENDED", "complete", "This mentorship has already ended."],
      ["ENDED", "end", "This mentorship has already ended."],
    ] as const;
    for (const [status, action, message] of cases) {
      const { mentor, pairing } = await aPairing(status);
      await expect(
        changePairingStatus(admin, { id: pairing.id, action, reason: "Because" }),
      ).rejects.toThrow(message);
      expect(await pairingRow(pairing.id)).toMatchObject({
        status,
        pausedAt: null,
        completedAt: null,
        endedAt: null,
      });
      expect(await notificationsFor(mentor.id)).toEqual([]);
      expect(await auditEntriesFor(pairing.id)).toEqual([]);
    }
  });

  it("refuses an unknown action and an unknown pairing", async () => {
    const admin = await createAdmin();
    const { pairing } = await aPairing();
    expect(await changePairingStatus(admin, { id: pairing.id, action: "delete" })).toMatchObject({
      ok: false,
      fieldErrors: { action: ["Choose what to do with the mentorship."] },
    });
    await expect(changePairingStatus(admin, { id: "missing", action: "pause" })).rejects.toThrow(
      "That mentorship was not found.",
    );
    expect((await pairingRow(pairing.id)).status).toBe("ACTIVE");
  });

  it("is for admins only: the pair, a third member and a leader are refused", async () => {
    const { mentor, mentee, pairing } = await aPairing();
    const actors = [mentor, mentee, await createMember(), await createLeader()];
    for (const actor of actors) {
      for (const action of ["pause", "complete", "end"]) {
        await expect(
          changePairingStatus(actor, { id: pairing.id, action, reason: "Mine to end" }),
        ).rejects.toBeInstanceOf(PermissionDenied);
      }
    }
    expect(await pairingRow(pairing.id)).toMatchObject({ status: "ACTIVE", endReason: null });
    expect(await notificationsFor(mentor.id)).toEqual([]);
    expect(await auditEntriesFor(pairing.id)).toEqual([]);
  });
});

describe("asking to end a pairing", () => {
  it("records the request and tells the other member and every active admin", async () => {
    const [admin, otherAdmin] = [await createAdmin(), await createAdmin()];
    const retired = await createMember({ role: "ADMIN", status: "DEACTIVATED" });
    const { mentor, mentee, pairing } = await aPairing();
    const result = await requestPairingEnd(mentee, {
      id: pairing.id,
      reason: "  We've covered what I needed. ",
    });
    expect(result).toEqual({
      ok: true,
      message: "Your request to end the mentorship was sent. An admin will follow up.",
    });
    const row = await pairingRow(pairing.id);
    expect(row).toMatchObject({
      status: "ACTIVE",
      endRequestedById: mentee.id,
      endRequestReason: "We've covered what I needed.",
    });
    expect(row.endRequestedAt).toBeInstanceOf(Date);
    const expected = {
      kind: "mentorship.end_requested",
      actorId: mentee.id,
      data: { pairingId: pairing.id, pairName: `${mentor.name} → ${mentee.name}` },
    };
    for (const recipient of [mentor, admin, otherAdmin]) {
      const told = await notificationsFor(recipient.id);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject(expected);
    }
    expect(await notificationsFor(mentee.id)).toEqual([]);
    expect(await notificationsFor(retired.id)).toEqual([]);
  });

  it("lets the mentor ask too, on a paused pairing", async () => {
    const { mentor, mentee, pairing } = await aPairing("PAUSED");
    expect((await requestPairingEnd(mentor, { id: pairing.id, reason: "No time" })).ok).toBe(true);
    expect((await pairingRow(pairing.id)).endRequestedById).toBe(mentor.id);
    expect((await notificationsFor(mentee.id)).map((n) => n.kind)).toEqual([
      "mentorship.end_requested",
    ]);
  });

  it("refuses a second request while one is pending, naming its day", async () => {
    const { mentor, mentee, pairing } = await aPairing();
    await requestPairingEnd(mentee, { id: pairing.id, reason: "First" });
    const first = await pairingRow(pairing.id);
    await expect(requestPairingEnd(mentor, { id: pairing.id, reason: "Second" })).rejects.toThrow(
      `An end was already asked for on ${formatDay(first.endRequestedAt!)}.`,
    );
    expect(await pairingRow(pairing.id)).toMatchObject({
      endRequestedById: mentee.id,
      endRequestReason: "First",
    });
    expect(await notificationsFor(mentee.id)).toEqual([]);
  });

  it("needs a reason, and an open pairing", async () => {
    const { mentee, pairing } = await aPairing();
    expect(await requestPairingEnd(mentee, { id: pairing.id, reason: " " })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["Say why you'd like to end the mentorship."] },
    });
    expect((await pairingRow(pairing.id)).endRequestedAt).toBeNull();
    for (const [status, message] of [
      ["COMPLETED", "This mentorship is already completed."],
      ["ENDED", "This mentorship has already ended."],
    ] as const) {
      const closed = await aPairing(status);
      await expect(
        requestPairingEnd(closed.mentee, { id: closed.pairing.id, reason: "Done" }),
      ).rejects.toThrow(message);
      expect((await pairingRow(closed.pairing.id)).endRequestedAt).toBeNull();
      expect(await notificationsFor(closed.mentor.id)).toEqual([]);
    }
  });

  it("hides the pairing from a third member and sends an admin to end it instead", async () => {
    const { mentor, pairing } = await aPairing();
    const [stranger, leader, admin] = [
      await createMember(),
      await createLeader(),
      await createAdmin(),
    ];
    for (const actor of [stranger, leader]) {
      await expect(
        requestPairingEnd(actor, { id: pairing.id, reason: "Meddling" }),
      ).rejects.toThrow("That mentorship was not found.");
    }
    await expect(requestPairingEnd(admin, { id: pairing.id, reason: "Admin" })).rejects.toThrow(
      "As an admin, you can end or complete it instead.",
    );
    await expect(requestPairingEnd(stranger, { id: "missing", reason: "x" })).rejects.toThrow(
      "That mentorship was not found.",
    );
    expect((await pairingRow(pairing.id)).endRequestedAt).toBeNull();
    expect(await notificationsFor(mentor.id)).toEqual([]);
  });
});
