import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { DomainError } from "@/lib/core/forms/errors";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createPastSession, createSession } from "@/test/factories-sessions";
import { testDb } from "@/test/db";
import { NOTES_LIMITS } from "@/lib/sessions/limits";
import { saveNotes } from "./notes";

const notes = (sessionId: string, overrides: Record<string, string> = {}) => ({
  sessionId,
  summary: "We walked through **the deploy pipeline**.",
  takeaways: "- Small changes\n- Fast rollbacks",
  recordingUrl: "https://video.example/recording/42",
  ...overrides,
});

const notesOf = (id: string) =>
  testDb.learningSession.findUniqueOrThrow({
    where: { id },
    select: { summary: true, takeaways: true, recordingUrl: true, notesUpdatedAt: true },
  });

const UNCHANGED = { summary: null, takeaways: null, recordingUrl: null, notesUpdatedAt: null };

describe("saveNotes", () => {
  it("saves a host's summary, takeaways and recording link, and stamps the time", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id]);
    const before = Date.now();
    expect(await saveNotes(host, notes(session.id))).toMatchObject({ ok: true });
    const saved = await notesOf(session.id);
    expect(saved).toMatchObject({
      summary: "We walked through **the deploy pipeline**.",
      takeaways: "- Small changes\n- Fast rollbacks",
      recordingUrl: "https://video.example/recording/42",
    });
    expect(saved.notesUpdatedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it.each([
    ["a leader", createLeader],
    ["an admin", createAdmin],
  ])("lets %s who is not a host record notes", async (_who, create) => {
    const manager = await create();
    const session = await createPastSession([(await createMember()).id]);
    expect(await saveNotes(manager, notes(session.id))).toMatchObject({ ok: true });
    expect((await notesOf(session.id)).summary).toContain("deploy pipeline");
  });

  it("refuses a member who is not a host and changes nothing", async () => {
    const session = await createPastSession([(await createMember()).id]);
    const member = await createMember();
    await expect(saveNotes(member, notes(session.id))).rejects.toBeInstanceOf(PermissionDenied);
    expect(await notesOf(session.id)).toEqual(UNCHANGED);
  });

  it("refuses notes before the session starts", async () => {
    const host = await createMember();
    const session = await createSession([host.id]);
    const result = saveNotes(host, notes(session.id));
    await expect(result).rejects.toThrow("You can record notes once the session has started.");
    expect(await notesOf(session.id)).toEqual(UNCHANGED);
  });

  it("refuses notes for a cancelled session", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id], { status: "CANCELLED" });
    await expect(saveNotes(host, notes(session.id))).rejects.toBeInstanceOf(DomainError);
    expect(await notesOf(session.id)).toEqual(UNCHANGED);
  });

  it.each([
    "javascript:alert(1)",
    "ftp://files.example/recording",
    "not a link",
    "//video.example/x",
    `https://video.example/${"x".repeat(600)}`,
  ])("refuses the recording link %s beside the field", async (recordingUrl) => {
    const host = await createMember();
    const session = await createPastSession([host.id]);
    const result = await saveNotes(host, notes(session.id, { recordingUrl }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { recordingUrl: [expect.any(String)] },
    });
    expect(await notesOf(session.id)).toEqual(UNCHANGED);
  });

  it("accepts an http link, and empty fields clear the notes", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id], { summary: "Old", takeaways: "Old" });
    await saveNotes(host, notes(session.id, { recordingUrl: "http://intranet.example/r" }));
    expect((await notesOf(session.id)).recordingUrl).toBe("http://intranet.example/r");
    await saveNotes(host, { sessionId: session.id, summary: " ", takeaways: "", recordingUrl: "" });
    expect(await notesOf(session.id)).toMatchObject({
      summary: null,
      takeaways: null,
      recordingUrl: null,
    });
  });

  it("refuses a summary over the limit", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id]);
    const summary = "x".repeat(NOTES_LIMITS.summaryMax + 1);
    const result = await saveNotes(host, notes(session.id, { summary }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { summary: [expect.any(String)] } });
  });

  it("answers an unknown session with not found", async () => {
    const leader = await createLeader();
    await expect(saveNotes(leader, notes("nosuchsession"))).rejects.toThrow("was not found");
  });
});
