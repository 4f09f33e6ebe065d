import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/create-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrations";
import { verifyPasswordSignIn } from "@/lib/auth/sign-in";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "./seed-data";

// A private database: seeding the shared one would add members under other tests' feet.
describe("demo seed", () => {
  let embedded: EmbeddedDatabase;
  let db: Database;

  beforeAll(async () => {
    embedded = await startEmbeddedDatabase();
    await migrate(embedded.url);
    db = createPrismaClient(embedded.url);
  });

  afterAll(async () => {
    await db.$disconnect();
    await embedded.stop();
  });

  const counts = async () => ({
    users: await db.user.count(),
    teams: await db.team.count(),
    skills: await db.skill.count(),
    memberSkills: await db.memberSkill.count(),
  });

  it("refuses demo accounts with NODE_ENV=production", async () => {
    const previous = process.env.NODE_ENV;
    Object.assign(process.env, { NODE_ENV: "production" });
    try {
      await expect(seedDemoData(db)).rejects.toThrow(/Refusing to create demo accounts/);
    } finally {
      Object.assign(process.env, { NODE_ENV: previous });
    }
    expect(await db.user.count()).toBe(0);
  });

  it("creates one demo account per role that can sign in, and is idempotent", async () => {
    await seedDemoData(db);
    const first = await counts();
    expect(first.users).toBeGreaterThanOrEqual(3);
    for (const account of DEMO_ACCOUNTS) {
      const member = await db.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(member.role).toBe(account.role);
      const signIn = await verifyPasswordSignIn(db, {
        email: account.email,
        password: DEMO_PASSWORD,
        ip: "seed-test",
      });
      expect(signIn.ok).toBe(true);
    }
    await seedDemoData(db);
    expect(await counts()).toEqual(first);
  });
});
