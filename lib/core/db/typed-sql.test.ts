import { describe, expect, expectTypeOf, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { rows, sql, sqlb } from "./typed-sql";

describe("typed raw SQL", () => {
  it("types the rows by the schema, and the values Prisma returns match those types", async () => {
    const member = await createMember();
    const result = await rows(
      testDb,
      sqlb
        .selectFrom("User as u")
        .where("u.id", "=", member.id)
        .select([
          "u.id",
          "u.name",
          "u.role",
          "u.sessionVersion",
          "u.createdAt",
          "u.deactivatedAt",
          "u.bio",
          sql<number>`count(*) OVER ()::int`.as("total"),
          sql<bigint>`count(*) OVER ()`.as("bigTotal"),
        ]),
    );
    expectTypeOf(result).toEqualTypeOf<
      {
        id: string;
        name: string;
        role: "MEMBER" | "LEADER" | "ADMIN";
        sessionVersion: number;
        createdAt: Date;
        deactivatedAt: Date | null;
        bio: string | null;
        total: number;
        bigTotal: bigint;
      }[]
    >();
    expect(result).toHaveLength(1);
    const row = result[0]!;
    expect(row.id).toBe(member.id);
    expect(typeof row.name).toBe("string");
    expect(row.role).toBe("MEMBER");
    expect(row.sessionVersion).toBe(0);
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(row.deactivatedAt).toBeNull();
    expect(row.total).toBe(1);
    expect(row.bigTotal).toBe(1n);
  });

  it("runs inside the caller's transaction, as one statement", async () => {
    const member = await createMember();
    const seen = await testDb.$transaction(async (tx) => {
      await tx.user.update({ where: { id: member.id }, data: { bio: "inside" } });
      return rows(tx, sqlb.selectFrom("User").where("id", "=", member.id).select("bio"));
    });
    expect(seen).toEqual([{ bio: "inside" }]);
  });

  it("refuses a column the schema does not have (typecheck)", () => {
    // @ts-expect-error: "User" has no column "fullName"; a renamed column fails the same way.
    const query = sqlb.selectFrom("User").select("fullName");
    expect(query.compile().sql).toBe('select "fullName" from "User"');
  });
});
