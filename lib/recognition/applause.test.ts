// "+1" applause against the real database: one per member, toggled, never from the giver or
// a recipient, and the count exact under concurrent clicks.
import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/core/forms/run-action";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createRecognition } from "@/test/factories-recognition";
import { toggleApplause } from "./applause";

const countOf = async (id: string) =>
  (await testDb.recognition.findUniqueOrThrow({ where: { id } })).applauseCount;
const rowsOf = (id: string) => testDb.recognitionApplause.count({ where: { recognitionId: id } });

async function recognition() {
  const [giver, recipient] = await Promise.all([createMember(), createMember()]);
  const given = await createRecognition(giver.id, [recipient.id]);
  return { giver, recipient, id: given.id };
}

describe("applause", () => {
  it("toggles one applause per member, keeping the count in step", async () => {
    const { id } = await recognition();
    const [a, b] = await Promise.all([createMember(), createMember()]);
    expect(await toggleApplause(a, { id })).toMatchObject({
      ok: true,
      data: { applauded: true, applauseCount: 1 },
    });
    await toggleApplause(b, { id });
    expect(await countOf(id)).toBe(2);
    expect(await toggleApplause(a, { id })).toMatchObject({
      data: { applauded: false, applauseCount: 1 },
    });
    // An explicit state is idempotent.
    await toggleApplause(b, { id, on: "true" });
    await toggleApplause(a, { id, on: "false" });
    expect(await countOf(id)).toBe(1);
    expect(await rowsOf(id)).toBe(1);
  });

  it("refuses the giver and the recipients", async () => {
    const { giver, recipient, id } = await recognition();
    for (const actor of [giver, recipient]) {
      expect(await runAction(() => toggleApplause(actor, { id }))).toMatchObject({
        ok: false,
        message: "You can't applaud a recognition you gave or received.",
      });
    }
    expect(await rowsOf(id)).toBe(0);
    expect(await countOf(id)).toBe(0);
  });

  it("refuses hidden and deleted recognitions", async () => {
    const [giver, recipient, member] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
    ]);
    for (const state of [{ hiddenAt: new Date() }, { deletedAt: new Date() }]) {
      const gone = await createRecognition(giver.id, [recipient.id], state);
      expect(await runAction(() => toggleApplause(member, { id: gone.id }))).toMatchObject({
        ok: false,
        message: "That recognition was not found.",
      });
    }
  });

  it("stays exact when the same click arrives many times at once", async () => {
    const { id } = await recognition();
    const [member, other] = await Promise.all([createMember(), createMember()]);
    await Promise.all([
      ...Array.from({ length: 6 }, () => toggleApplause(member, { id, on: "true" })),
      ...Array.from({ length: 3 }, () => toggleApplause(other, { id, on: "true" })),
    ]);
    expect(await rowsOf(id)).toBe(2);
    expect(await countOf(id)).toBe(2);
    await Promise.all(Array.from({ length: 4 }, () => toggleApplause(member, { id, on: "false" })));
    expect(await rowsOf(id)).toBe(1);
    expect(await countOf(id)).toBe(1);
  });
});
