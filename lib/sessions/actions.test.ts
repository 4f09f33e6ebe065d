// The sessions' server actions are public endpoints: called directly (as a form post would
// be), they act as the signed-in member only, refuse the others, and then change nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createLeader, createMember } from "@/test/factories";
import { createPastSession, createRsvp, createSession } from "@/test/factories-sessions";
import {
  cancelSessionAction,
  createSessionAction,
  recordAttendanceAction,
  respondAction,
  updateSessionAction,
} from "./actions";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const toSignIn = { digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin/) };
const denied = { ok: false, message: "You don't have permission to do that." };

function details(hostIds: string[]) {
  const start = new Date(Date.now() + 7 * 86_400_000);
  const local = (date: Date) => date.toISOString().slice(0, 16);
  return {
    title: "Reading group on testing",
    format: "BOOK_CLUB",
    description: "Chapter one.",
    startsAt: local(start),
    endsAt: local(new Date(start.getTime() + 3_600_000)),
    hostIds,
  };
}

beforeEach(() => signedInAs(null));

describe("session actions", () => {
  it("send a signed-out visitor to sign in and change nothing", async () => {
    const host = await createMember();
    const upcoming = await createSession([host.id]);
    // Sessions hosted by `host` (other test files add sessions to the shared database).
    const hostedByHost = { where: { hosts: { some: { userId: host.id } } } };
    const before = await testDb.learningSession.count(hostedByHost);
    await expect(createSessionAction(null, form(details([host.id])))).rejects.toMatchObject(
      toSignIn,
    );
    await expect(
      respondAction(null, form({ sessionId: upcoming.id, response: "going" })),
    ).rejects.toMatchObject(toSignIn);
    await expect(
      cancelSessionAction(null, form({ id: upcoming.id, reason: "Signed out cancel" })),
    ).rejects.toMatchObject(toSignIn);
    expect(await testDb.learningSession.count(hostedByHost)).toBe(before);
    expect(await testDb.sessionRsvp.count({ where: { sessionId: upcoming.id } })).toBe(0);
    const row = await testDb.learningSession.findUniqueOrThrow({ where: { id: upcoming.id } });
    expect(row.status).toBe("SCHEDULED");
  });

  it("refuse a member who is not a leader or a host, keeping what they typed", async () => {
    const member = await createMember();
    const host = await createMember();
    const upcoming = await createSession([host.id]);
    signedInAs(member);
    const hostedByMember = { where: { hosts: { some: { userId: member.id } } } };
    const before = await testDb.learningSession.count(hostedByMember);
    const created = await createSessionAction(null, form(details([member.id])));
    expect(created).toMatchObject({ ...denied, values: { title: "Reading group on testing" } });
    expect(await testDb.learningSession.count(hostedByMember)).toBe(before);
    expect(
      await updateSessionAction(null, form({ id: upcoming.id, ...details([member.id]) })),
    ).toMatchObject(denied);
    expect(
      await cancelSessionAction(null, form({ id: upcoming.id, reason: "Not mine to cancel" })),
    ).toMatchObject(denied);
    const row = await testDb.learningSession.findUniqueOrThrow({
      where: { id: upcoming.id },
      include: { hosts: true },
    });
    expect(row).toMatchObject({ status: "SCHEDULED", title: upcoming.title });
    expect(row.hosts.map((h) => h.userId)).toEqual([host.id]);
  });

  it("RSVP as the signed-in member only, whatever the form says", async () => {
    const [member, other] = [await createMember(), await createMember()];
    const upcoming = await createSession([(await createLeader()).id]);
    signedInAs(member);
    expect(
      await respondAction(
        null,
        form({ sessionId: upcoming.id, response: "going", memberId: other.id }),
      ),
    ).toMatchObject({ ok: false, message: expect.stringContaining("only answer for yourself") });
    expect(
      await respondAction(null, form({ sessionId: upcoming.id, response: "going" })),
    ).toMatchObject({
      ok: true,
    });
    const rsvps = await testDb.sessionRsvp.findMany({ where: { sessionId: upcoming.id } });
    expect(rsvps.map((r) => [r.userId, r.status])).toEqual([[member.id, "GOING"]]);
  });

  it("let only a host record attendance", async () => {
    const host = await createMember();
    const attendee = await createMember();
    const past = await createPastSession([host.id]);
    await createRsvp(past.id, attendee.id);
    signedInAs(attendee);
    expect(
      await recordAttendanceAction(null, form({ sessionId: past.id, attendedIds: attendee.id })),
    ).toMatchObject(denied);
    signedInAs(host);
    expect(
      await recordAttendanceAction(null, form({ sessionId: past.id, attendedIds: attendee.id })),
    ).toMatchObject({ ok: true });
    const rsvp = await testDb.sessionRsvp.findUniqueOrThrow({
      where: { sessionId_userId: { sessionId: past.id, userId: attendee.id } },
    });
    expect(rsvp.attendedAt).toBeInstanceOf(Date);
  });
});
