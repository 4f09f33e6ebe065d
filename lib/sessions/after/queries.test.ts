import { describe, expect, it } from "vitest";
import { createMember } from "@/test/factories";
import {
  createActionItem,
  createPastSession,
  createRsvp,
  createSession,
} from "@/test/factories-sessions";
import { afterSessionView, notesEditorView, openActionItemsFor } from "./queries";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("afterSessionView", () => {
  it("shows nothing before the session starts", async () => {
    const host = await createMember();
    const session = await createSession([host.id], { summary: "Early" });
    expect(await afterSessionView(host, session.id)).toBeNull();
  });

  it("shows the notes and action items once it has started, with who may tick what", async () => {
    const host = await createMember();
    const [owner, other] = [await createMember(), await createMember()];
    const session = await createPastSession([host.id], {
      summary: "What we said",
      recordingUrl: "https://video.example/r",
    });
    const overdue = await createActionItem(session.id, owner.id, { dueOn: day("2020-01-01") });
    const done = await createActionItem(session.id, other.id, {
      dueOn: day("2020-01-01"),
      doneAt: new Date(),
    });
    const view = await afterSessionView(owner, session.id);
    expect(view).toMatchObject({
      manages: false,
      open: true,
      session: { summary: "What we said", recordingUrl: "https://video.example/r" },
      actionItems: [
        { id: overdue.id, overdue: true, canToggle: true, owner: { id: owner.id } },
        { id: done.id, overdue: false, canToggle: false },
      ],
    });
    const forHost = await afterSessionView(host, session.id);
    expect(forHost!.actionItems.every((item) => item.canToggle)).toBe(true);
  });

  it("says whether the viewer may rate", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id]);
    const [going, waiting] = [await createMember(), await createMember()];
    await createRsvp(session.id, going.id, "GOING");
    await createRsvp(session.id, waiting.id, "WAITLISTED");
    expect((await afterSessionView(going, session.id))!.rating).toBe("can-rate");
    expect((await afterSessionView(waiting, session.id))!.rating).toBe("not-attendee");
  });

  it("hides a cancelled session with nothing recorded, and never offers rating it", async () => {
    const host = await createMember();
    const empty = await createPastSession([host.id], { status: "CANCELLED" });
    expect(await afterSessionView(host, empty.id)).toBeNull();
    const withNotes = await createPastSession([host.id], {
      status: "CANCELLED",
      summary: "Notes from before",
    });
    expect(await afterSessionView(host, withNotes.id)).toMatchObject({
      open: false,
      rating: "closed",
    });
  });

  it("answers an unknown or malformed session id with null", async () => {
    const viewer = await createMember();
    expect(await afterSessionView(viewer, "nosuchsession")).toBeNull();
    expect(await afterSessionView(viewer, "x".repeat(300))).toBeNull();
  });
});

describe("notesEditorView", () => {
  it("is for the session's managers only", async () => {
    const host = await createMember();
    const session = await createSession([host.id]);
    expect(await notesEditorView(await createMember(), session.id)).toBe("forbidden");
    expect(await notesEditorView(host, session.id)).toMatchObject({ started: false, open: false });
    expect(await notesEditorView(host, "nosuchsession")).toBeNull();
  });
});

describe("openActionItemsFor", () => {
  it("lists the member's open items, soonest due first and undated last, with overdue flags", async () => {
    const host = await createMember();
    const owner = await createMember();
    const [a, b] = [await createPastSession([host.id]), await createPastSession([host.id])];
    const undated = await createActionItem(a.id, owner.id);
    const later = await createActionItem(b.id, owner.id, { dueOn: day("2031-06-01") });
    const late = await createActionItem(a.id, owner.id, { dueOn: day("2020-06-01") });
    await createActionItem(a.id, owner.id, { doneAt: new Date() });
    await createActionItem(a.id, host.id, { dueOn: day("2020-01-01") });

    const page = await openActionItemsFor(owner, { now: new Date("2026-01-15T12:00:00Z") });
    expect(page.nextCursor).toBeNull();
    expect(page.items).toMatchObject([
      { id: late.id, overdue: true, session: { id: a.id, title: a.title } },
      { id: later.id, overdue: false, session: { id: b.id } },
      { id: undated.id, overdue: false, dueOn: null },
    ]);
  });

  it("pages through every open item once, across the dated and undated ones", async () => {
    const host = await createMember();
    const owner = await createMember();
    const session = await createPastSession([host.id]);
    const dues = ["2030-01-03", null, "2030-01-01", null, "2030-01-01", "2030-01-02", null];
    for (const due of dues) {
      await createActionItem(session.id, owner.id, { dueOn: due ? day(due) : null });
    }
    const seen: (string | null)[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await openActionItemsFor(owner, { cursor, take: 2 });
      seen.push(
        ...page.items.map((item) => (item.dueOn ? item.dueOn.toISOString().slice(0, 10) : null)),
      );
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toEqual([
      "2030-01-01",
      "2030-01-01",
      "2030-01-02",
      "2030-01-03",
      null,
      null,
      null,
    ]);
  });

  it("counts overdue by the member's own date", async () => {
    const owner = await createMember();
    const session = await createPastSession([owner.id]);
    await createActionItem(session.id, owner.id, { dueOn: day("2026-01-15") });
    // 23:30 UTC on the 15th is already the 16th in Tokyo.
    const now = new Date("2026-01-15T23:30:00Z");
    const [utc] = (await openActionItemsFor(owner, { now })).items;
    const [tokyo] = (await openActionItemsFor(owner, { now, timeZone: "Asia/Tokyo" })).items;
    expect(utc!.overdue).toBe(false);
    expect(tokyo!.overdue).toBe(true);
  });
});
