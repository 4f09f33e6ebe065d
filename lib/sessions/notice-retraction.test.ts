// Session notifications that state something which a later change undoes: "made you a host"
// after the member is taken off the hosts, "gave you an action item" after the item goes to
// someone else or is deleted. Each is withdrawn in the transaction of that change.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createLeader, createMember } from "@/test/factories";
import { createPastSession } from "@/test/factories-sessions";
import { addActionItem, deleteActionItem, editActionItem } from "./after/action-items";
import { createSession as scheduleSession, updateSession } from "./schedule";
import { utcToZonedInput } from "@/lib/core/zoned-time";

const noticesOf = (recipientId: string, kind: string) =>
  testDb.notification.findMany({ where: { recipientId, kind }, orderBy: { createdAt: "asc" } });

function sessionInput(hostIds: string[], title = "Flags, safely") {
  const start = new Date(Date.now() + 7 * 86_400_000);
  start.setUTCHours(12, 0, 0, 0);
  return {
    title,
    format: "LUNCH_AND_LEARN",
    description: "How we ship behind flags.",
    startsAt: utcToZonedInput(start, "UTC"),
    endsAt: utcToZonedInput(new Date(start.getTime() + 3_600_000), "UTC"),
    location: "Room 4",
    meetingUrl: "",
    capacity: "20",
    hostIds,
    goals: "",
    scope: "",
    openQuestions: "",
  };
}

describe("session hosts", () => {
  it("a host taken off the session loses the 'made you a host' notification; put back, is told again", async () => {
    const leader = await createLeader();
    const actor = { ...leader, timeZone: "UTC" };
    const [stays, goes] = [await createMember(), await createMember()];
    const created = await scheduleSession(actor, sessionInput([stays.id, goes.id]));
    if (!created.ok || !created.data) throw new Error(JSON.stringify(created));
    const id = created.data.id;
    // Another session's notification for the same member is not touched.
    const other = await scheduleSession(actor, sessionInput([goes.id], "Another one"));
    if (!other.ok || !other.data) throw new Error(JSON.stringify(other));

    expect(await updateSession(actor, { id, ...sessionInput([stays.id]) })).toMatchObject({
      ok: true,
    });
    expect((await noticesOf(goes.id, "session.host_added")).map((n) => n.data)).toEqual([
      { sessionId: other.data.id, title: "Another one" },
    ]);
    expect(await noticesOf(stays.id, "session.host_added")).toHaveLength(1);

    await updateSession(actor, { id, ...sessionInput([stays.id, goes.id]) });
    expect(await noticesOf(goes.id, "session.host_added")).toHaveLength(2);
  });
});

describe("action item owners", () => {
  it("handing an item to someone else withdraws the former owner's notification", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id]);
    const [first, second] = [await createMember(), await createMember()];
    const added = await addActionItem(host, {
      sessionId: session.id,
      title: "Write the runbook",
      ownerId: first.id,
    });
    const kept = await addActionItem(host, {
      sessionId: session.id,
      title: "Write the runbook",
      ownerId: first.id,
    });
    if (!added.ok || !added.data || !kept.ok || !kept.data) throw new Error("not added");

    await editActionItem(host, {
      id: added.data.id,
      title: "Write the runbook",
      ownerId: second.id,
      dueOn: "",
    });
    const firstNotices = await noticesOf(first.id, "session.action_item_assigned");
    expect(firstNotices.map((n) => n.data)).toEqual([
      expect.objectContaining({ itemId: kept.data.id }),
    ]);
    expect(await noticesOf(second.id, "session.action_item_assigned")).toMatchObject([
      { data: { itemId: added.data.id, item: "Write the runbook" } },
    ]);
  });

  it("deleting an item withdraws its owner's notification", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id]);
    const owner = await createMember();
    const added = await addActionItem(host, {
      sessionId: session.id,
      title: "Fix",
      ownerId: owner.id,
    });
    if (!added.ok || !added.data) throw new Error("not added");
    expect(await noticesOf(owner.id, "session.action_item_assigned")).toHaveLength(1);
    await deleteActionItem(host, { id: added.data.id });
    expect(await noticesOf(owner.id, "session.action_item_assigned")).toHaveLength(0);
  });
});
