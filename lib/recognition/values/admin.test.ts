// Admins manage company values against the real database: validation, uniqueness, order,
// archiving, the audit trail, and nobody else may.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { runAction } from "@/lib/core/forms/run-action";
import { testDb } from "@/test/db";
import { auditEntriesFor } from "@/test/factories-admin";
import { createAdmin, createLeader, createMember, unique } from "@/test/factories";
import { createValue, moveValue, setValueArchived, updateValue } from "./admin";
import { listActiveValues } from "./queries";

const input = (overrides: Record<string, string> = {}) => ({
  name: `Ships often ${unique()}`,
  description: "Small steps, shown early.",
  emoji: "🚢",
  colour: "sky",
  ...overrides,
});

async function created(admin: Actor, overrides = {}) {
  const result = await createValue(admin, input(overrides));
  if (!result.ok) throw new Error(result.message);
  return testDb.companyValue.findUniqueOrThrow({ where: { id: result.data!.id } });
}

const activeIds = async (ids: string[]) =>
  (await listActiveValues()).map((value) => value.id).filter((id) => ids.includes(id));

describe("company values", () => {
  it("adds a value at the end of the list, with a slug, audited", async () => {
    const admin = await createAdmin();
    const value = await created(admin, { name: "  Ships   often  " + unique() });
    expect(value).toMatchObject({ emoji: "🚢", colour: "sky", archivedAt: null });
    expect(value.name).toMatch(/^Ships often t/);
    expect(value.slug).toMatch(/^ships-often-t/);
    expect((await created(admin)).position).toBeGreaterThan(value.position);
    expect((await listActiveValues()).map((v) => v.id)).toContain(value.id);
    expect((await auditEntriesFor(value.id)).map((entry) => entry.action)).toEqual([
      "value.create",
    ]);
  });

  it("explains each bad field and saves nothing", async () => {
    const admin = await createAdmin();
    const result = await createValue(admin, {
      name: "X",
      description: "d".repeat(201),
      emoji: "🚢🚢",
      colour: "neon",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        name: [expect.any(String)],
        description: [expect.any(String)],
        emoji: ["Use a single emoji, or leave it empty."],
        colour: [expect.any(String)],
      },
    });
    expect(await createValue(admin, input({ name: "n".repeat(41) }))).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.any(String)] },
    });
    expect(await createValue(admin, input({ emoji: "a" }))).toMatchObject({ ok: false });
    // No emoji is fine; a flag or a skin-toned emoji is one emoji.
    for (const emoji of ["", "🇳🇿", "👍🏽"]) {
      expect((await createValue(admin, input({ emoji }))).ok, emoji).toBe(true);
    }
    expect(await testDb.companyValue.count({ where: { name: "X" } })).toBe(0);
  });

  it("refuses a second value with the same name, in any case", async () => {
    const admin = await createAdmin();
    const first = await created(admin);
    const again = await runAction(() =>
      createValue(admin, input({ name: first.name.toUpperCase() })),
    );
    expect(again).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    const other = await created(admin);
    const renamed = await runAction(() =>
      updateValue(admin, { ...input({ name: first.name }), id: other.id }),
    );
    expect(renamed).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
  });

  it("changes a value, keeping its slug, audited with before and after", async () => {
    const admin = await createAdmin();
    const value = await created(admin);
    const name = `Learns out loud ${unique()}`;
    const result = await updateValue(admin, {
      id: value.id,
      name,
      description: "",
      emoji: "",
      colour: "rose",
    });
    expect(result.ok).toBe(true);
    const saved = await testDb.companyValue.findUniqueOrThrow({ where: { id: value.id } });
    expect(saved).toMatchObject({
      name,
      description: "",
      emoji: "",
      colour: "rose",
      slug: value.slug,
    });
    const [, update] = await auditEntriesFor(value.id);
    expect(update).toMatchObject({
      action: "value.update",
      before: expect.objectContaining({ name: value.name }),
      after: expect.objectContaining({ name }),
    });
  });

  it("archives a value out of the choice list and restores it", async () => {
    const admin = await createAdmin();
    const value = await created(admin);
    expect((await setValueArchived(admin, { id: value.id, archived: "true" })).ok).toBe(true);
    expect(await activeIds([value.id])).toEqual([]);
    expect(
      (await testDb.companyValue.findUniqueOrThrow({ where: { id: value.id } })).archivedAt,
    ).toBeInstanceOf(Date);
    await setValueArchived(admin, { id: value.id, archived: "false" });
    expect(await activeIds([value.id])).toEqual([value.id]);
    expect((await auditEntriesFor(value.id)).map((entry) => entry.action)).toEqual([
      "value.create",
      "value.archive",
      "value.update",
    ]);
  });

  it("moves a value up and down the list", async () => {
    const admin = await createAdmin();
    const [a, b, c] = [await created(admin), await created(admin), await created(admin)];
    const ids = [a.id, b.id, c.id];
    expect(await activeIds(ids)).toEqual([a.id, b.id, c.id]);
    await moveValue(admin, { id: c.id, direction: "up" });
    expect(await activeIds(ids)).toEqual([a.id, c.id, b.id]);
    await moveValue(admin, { id: a.id, direction: "down" });
    expect(await activeIds(ids)).toEqual([c.id, a.id, b.id]);
  });

  it("refuses members and leaders", async () => {
    const admin = await createAdmin();
    const value = await created(admin);
    for (const actor of [await createMember(), await createLeader()]) {
      const attempts = [
        () => createValue(actor, input()),
        () => updateValue(actor, { ...input({ name: "Taken over" }), id: value.id }),
        () => setValueArchived(actor, { id: value.id, archived: "true" }),
        () => moveValue(actor, { id: value.id, direction: "up" }),
      ];
      for (const attempt of attempts) {
        expect(await runAction(attempt)).toMatchObject({
          ok: false,
          message: "You don't have permission to do that.",
        });
      }
    }
    const saved = await testDb.companyValue.findUniqueOrThrow({ where: { id: value.id } });
    expect(saved).toMatchObject({ name: value.name, archivedAt: null, position: value.position });
  });
});
