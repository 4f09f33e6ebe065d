import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "./create-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";
import { migrate } from "./migrations";

// A private embedded database: the shared test database may be real PostgreSQL.
describe("embedded PGlite server under concurrent connections", () => {
  let embedded: EmbeddedDatabase;
  let clients: Database[];

  beforeAll(async () => {
    embedded = await startEmbeddedDatabase();
    await migrate(embedded.url);
    clients = [1, 2, 3].map(() => createPrismaClient(embedded.url));
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await embedded.stop();
  });

  it("keeps each connection's extended-query sequences whole (no lost statements or portals)", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 45 }, async (_, i) => {
        const db = clients[i % clients.length]!;
        const member = await db.user.create({
          data: {
            email: `concurrent-${i}@embedded.test`,
            name: `Concurrent ${i}`,
            skills: {
              create: [
                { kind: "OFFERED", skill: { create: { name: `Skill ${i}`, slug: `skill-${i}` } } },
              ],
            },
          },
        });
        if (i % 2) {
          // PGlite runs one transaction at a time, so on a busy machine the 22 of them can
          // queue past Prisma's 2-second default wait; this test is about whole sequences.
          await db.$transaction(
            async (tx) => {
              await tx.user.update({ where: { id: member.id }, data: { title: "Tested" } });
              await tx.memberSkill.count({ where: { userId: member.id } });
            },
            { maxWait: 30_000, timeout: 30_000 },
          );
        }
        return db.user.findMany({ where: { name: { startsWith: "Concurrent" } }, take: 5 });
      }),
    );
    const failures = results
      .filter((r) => r.status === "rejected")
      .map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    expect(await clients[0]!.user.count({ where: { email: { endsWith: "@embedded.test" } } })).toBe(
      45,
    );
    expect(await clients[0]!.user.count({ where: { title: "Tested" } })).toBe(22);
  });
});
