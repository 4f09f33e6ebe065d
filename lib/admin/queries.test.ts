import { describe, expect, it } from "vitest";
import { encodeCursor, InvalidCursor } from "@/lib/core/pagination/cursor";
import { createMember, unique } from "@/test/factories";
import { listMembersForAdmin, namePrefixQuery } from "./queries";

describe("namePrefixQuery", () => {
  it("makes every word a prefix of a name word", () => {
    expect(namePrefixQuery("Ann  Sm")).toBe("ann:*A & sm:*A");
    expect(namePrefixQuery("Anne-Marie O'Brien")).toBe("anne:*A & marie:*A & o:*A & brien:*A");
  });

  it("drops tsquery syntax instead of passing it through", () => {
    expect(namePrefixQuery("a & !b | (c:*)")).toBe("a:*A & b:*A & c:*A");
    expect(namePrefixQuery("&|!()")).toBeNull();
  });
});

describe("listMembersForAdmin", () => {
  it("finds members by the start of a name word, in SQL, active and deactivated", async () => {
    const tag = unique("zq");
    const active = await createMember({ name: `Ada ${tag}lace` });
    const gone = await createMember({ name: `Bob ${tag}ton`, status: "DEACTIVATED" });
    await createMember({ name: `Cy Other${tag}` });
    const page = await listMembersForAdmin({ q: tag });
    expect(page.items.map((m) => m.id)).toEqual([active.id, gone.id]);
    expect(page.items[1]).toMatchObject({ status: "DEACTIVATED", role: "MEMBER" });
  });

  it("finds members by the start of their email", async () => {
    const tag = unique("mail");
    const member = await createMember({ email: `${tag}.person@test.example` });
    const page = await listMembersForAdmin({ q: `${tag}.pers` });
    expect(page.items.map((m) => m.id)).toEqual([member.id]);
  });

  it("treats % and _ in the search as literal characters", async () => {
    const tag = unique("pct");
    await createMember({ name: `Pat ${tag}`, email: `${tag}@test.example` });
    // Unescaped, "pc_…" would match the email "pct…" as a LIKE wildcard.
    expect((await listMembersForAdmin({ q: `${tag.slice(0, 2)}_${tag.slice(3)}` })).items).toEqual(
      [],
    );
  });

  it("filters by role and status", async () => {
    const tag = unique("rs");
    const leader = await createMember({ name: `${tag} Lee`, role: "LEADER" });
    const deactivatedLeader = await createMember({
      name: `${tag} Lou`,
      role: "LEADER",
      status: "DEACTIVATED",
    });
    await createMember({ name: `${tag} Max` });
    expect((await listMembersForAdmin({ q: tag, role: "LEADER" })).items.map((m) => m.id)).toEqual([
      leader.id,
      deactivatedLeader.id,
    ]);
    expect(
      (await listMembersForAdmin({ q: tag, role: "LEADER", status: "ACTIVE" })).items.map(
        (m) => m.id,
      ),
    ).toEqual([leader.id]);
  });

  it("pages by (name, id) without repeats or gaps", async () => {
    const tag = unique("pg");
    const created = [];
    for (const first of ["Eve", "Dan", "Cat", "Bea", "Al"])
      created.push(await createMember({ name: `${first} ${tag}` }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMembersForAdmin({ q: tag, cursor }, 2);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((m) => m.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["Al", "Bea", "Cat", "Dan", "Eve"].map((n) => `${n} ${tag}`));
  });

  it("refuses a malformed cursor", async () => {
    await expect(listMembersForAdmin({ cursor: "not-a-cursor" })).rejects.toBeInstanceOf(
      InvalidCursor,
    );
    await expect(listMembersForAdmin({ cursor: encodeCursor([1, 2]) })).rejects.toBeInstanceOf(
      InvalidCursor,
    );
  });
});
