import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { createLeader, createMember } from "@/test/factories";
import { notificationsFor } from "@/test/factories-notifications";
import { createActionItem, createPastSession, createSession } from "@/test/factories-sessions";
import { testDb } from "@/test/db";
import { addActionItem, deleteActionItem, editActionItem, setActionItemDone } from "./action-items";
import { NOTES_LIMITS } from "@/lib/sessions/limits";

const itemsOf = (sessionId: string) =>
  testDb.sessionActionItem.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" } });

const itemRow = (id: string) => testDb.sessionActionItem.findUniqueOrThrow({ where: { id } });

async function pastSessionWithHost() {
  const host = await createMember();
  const session = await createPastSession([host.id]);
  return { host, session };
}

describe("addActionItem", () => {
  it("adds the item and notifies its owner in the same change", async () => {
    const { host, session } = await pastSessionWithHost();
    const owner = await createMember();
    const result = await addActionItem(host, {
      sessionId: session.id,
      title: "  Write the runbook  ",
      ownerId: owner.id,
      dueOn: "2031-05-20",
    });
    expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    expect(await itemsOf(session.id)).toMatchObject([
      {
        title: "Write the runbook",
        ownerId: owner.id,
        dueOn: new Date("2031-05-20T00:00:00Z"),
        doneAt: null,
      },
    ]);
    expect(await notificationsFor(owner.id)).toMatchObject([
      {
        kind: "session.action_item_assigned",
        actorId: host.id,
        data: { sessionId: session.id, title: session.title, item: "Write the runbook" },
      },
    ]);
  });

  it("refuses a deactivated owner with a message beside the owner field", async () => {
    const { host, session } = await pastSessionWithHost();
    const owner = await createMember({ status: "DEACTIVATED", name: "Dora Gone" });
    const result = addActionItem(host, { sessionId: session.id, title: "Task", ownerId: owner.id });
    await expect(result).rejects.toMatchObject({
      message: expect.stringContaining("Dora Gone has been deactivated"),
      fieldErrors: { ownerId: [expect.stringContaining("Choose an active member")] },
    });
    expect(await itemsOf(session.id)).toEqual([]);
    expect(await notificationsFor(owner.id)).toEqual([]);
  });

  it("refuses an owner who does not exist", async () => {
    const { host, session } = await pastSessionWithHost();
    const result = addActionItem(host, { sessionId: session.id, title: "Task", ownerId: "ghost" });
    await expect(result).rejects.toMatchObject({ fieldErrors: { ownerId: [expect.any(String)] } });
    expect(await itemsOf(session.id)).toEqual([]);
  });

  it.each([
    ["title", { title: "  " }],
    ["title", { title: "x".repeat(NOTES_LIMITS.actionTitleMax + 1) }],
    ["ownerId", { ownerId: "" }],
    ["dueOn", { dueOn: "2031-02-30" }],
    ["dueOn", { dueOn: "next week" }],
  ])("reports a bad %s beside the field", async (field, override) => {
    const { host, session } = await pastSessionWithHost();
    const input = { sessionId: session.id, title: "Task", ownerId: host.id, ...override };
    const result = await addActionItem(host, input);
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.any(String)] } });
    expect(await itemsOf(session.id)).toEqual([]);
  });

  it("refuses a member who is not a host", async () => {
    const { session } = await pastSessionWithHost();
    const member = await createMember();
    const result = addActionItem(member, {
      sessionId: session.id,
      title: "Task",
      ownerId: member.id,
    });
    await expect(result).rejects.toBeInstanceOf(PermissionDenied);
    expect(await itemsOf(session.id)).toEqual([]);
  });

  it("refuses action items before the session starts", async () => {
    const host = await createMember();
    const session = await createSession([host.id]);
    const result = addActionItem(host, { sessionId: session.id, title: "Task", ownerId: host.id });
    await expect(result).rejects.toThrow("once the session has started");
  });

  it(`stops at ${NOTES_LIMITS.maxActionItems} items`, async () => {
    const { host, session } = await pastSessionWithHost();
    await testDb.sessionActionItem.createMany({
      data: Array.from({ length: NOTES_LIMITS.maxActionItems }, (_, n) => ({
        sessionId: session.id,
        ownerId: host.id,
        title: `Item ${n}`,
      })),
    });
    const result = addActionItem(host, {
      sessionId: session.id,
      title: "One more",
      ownerId: host.id,
    });
    await expect(result).rejects.toThrow(`at most ${NOTES_LIMITS.maxActionItems} action items`);
    expect(await itemsOf(session.id)).toHaveLength(NOTES_LIMITS.maxActionItems);
  });
});

describe("editActionItem and deleteActionItem", () => {
  it("changes the item; a new owner is notified, the same owner is not told again", async () => {
    const { host, session } = await pastSessionWithHost();
    const [first, second] = [await createMember(), await createMember()];
    const item = await createActionItem(session.id, first.id);
    await editActionItem(host, { id: item.id, title: "Renamed", ownerId: first.id, dueOn: "" });
    expect(await notificationsFor(first.id)).toEqual([]);
    await editActionItem(host, {
      id: item.id,
      title: "Handed over",
      ownerId: second.id,
      dueOn: "2031-01-02",
    });
    expect(await itemRow(item.id)).toMatchObject({
      title: "Handed over",
      ownerId: second.id,
      dueOn: new Date("2031-01-02T00:00:00Z"),
    });
    expect(await notificationsFor(second.id)).toMatchObject([
      { kind: "session.action_item_assigned", data: { item: "Handed over" } },
    ]);
  });

  it("refuses handing an item to a deactivated member", async () => {
    const { host, session } = await pastSessionWithHost();
    const item = await createActionItem(session.id, host.id);
    const gone = await createMember({ status: "DEACTIVATED" });
    const result = editActionItem(host, { id: item.id, title: "Task", ownerId: gone.id });
    await expect(result).rejects.toMatchObject({ fieldErrors: { ownerId: [expect.any(String)] } });
    expect((await itemRow(item.id)).ownerId).toBe(host.id);
  });

  it("lets a host delete an item, and refuses the item's owner who is not a host", async () => {
    const { host, session } = await pastSessionWithHost();
    const owner = await createMember();
    const item = await createActionItem(session.id, owner.id);
    await expect(deleteActionItem(owner, { id: item.id })).rejects.toBeInstanceOf(PermissionDenied);
    expect(await itemsOf(session.id)).toHaveLength(1);
    expect(await deleteActionItem(host, { id: item.id })).toMatchObject({ ok: true });
    expect(await itemsOf(session.id)).toEqual([]);
  });

  it("answers an unknown item with not found", async () => {
    const leader = await createLeader();
    await expect(deleteActionItem(leader, { id: "nosuchitem" })).rejects.toThrow("not found");
  });
});

describe("setActionItemDone", () => {
  it("lets the owner mark it done and not done", async () => {
    const { session } = await pastSessionWithHost();
    const owner = await createMember();
    const item = await createActionItem(session.id, owner.id);
    expect(await setActionItemDone(owner, { id: item.id, done: "true" })).toMatchObject({
      ok: true,
    });
    const done = await itemRow(item.id);
    expect(done.doneAt).toBeInstanceOf(Date);
    // Ticking again keeps the first time.
    await setActionItemDone(owner, { id: item.id, done: "on" });
    expect((await itemRow(item.id)).doneAt).toEqual(done.doneAt);
    await setActionItemDone(owner, { id: item.id });
    expect((await itemRow(item.id)).doneAt).toBeNull();
  });

  it("lets a host and a leader mark someone else's item", async () => {
    const { host, session } = await pastSessionWithHost();
    const item = await createActionItem(session.id, (await createMember()).id);
    await setActionItemDone(host, { id: item.id, done: "true" });
    expect((await itemRow(item.id)).doneAt).toBeInstanceOf(Date);
    await setActionItemDone(await createLeader(), { id: item.id, done: "false" });
    expect((await itemRow(item.id)).doneAt).toBeNull();
  });

  it("refuses a third member and changes nothing", async () => {
    const { session } = await pastSessionWithHost();
    const item = await createActionItem(session.id, (await createMember()).id);
    const other = await createMember();
    await expect(setActionItemDone(other, { id: item.id, done: "true" })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    expect((await itemRow(item.id)).doneAt).toBeNull();
  });
});
