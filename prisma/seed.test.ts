import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/core/db/create-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/core/db/embedded";
import { migrate } from "@/lib/core/db/migrations";
import { verifyPasswordSignIn } from "@/lib/core/auth/sign-in";
import { AVATAR_SIZES } from "@/lib/uploads/avatar-sizes";
import { DEFAULT_VALUES, DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "./seed-data";

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
    values: await db.companyValue.count(),
    photos: await db.user.count({ where: { avatarId: { not: null } } }),
    uploads: await db.upload.count(),
    communities: await db.community.count(),
    memberships: await db.communityMembership.count(),
  });

  const activeValueNames = async () =>
    (
      await db.companyValue.findMany({
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: { name: true },
      })
    ).map((value) => value.name);

  it("refuses demo accounts with NODE_ENV=production", async () => {
    const previous = process.env.NODE_ENV;
    Object.assign(process.env, { NODE_ENV: "production" });
    try {
      await expect(seedDemoData(db)).rejects.toThrow(/Refusing to create demo accounts/);
    } finally {
      Object.assign(process.env, { NODE_ENV: previous });
    }
    expect(await db.user.count()).toBe(0);
    // Values are vocabulary: seeded even in production, before the refusal.
    expect(await activeValueNames()).toEqual(DEFAULT_VALUES.map((value) => value.name));
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

  it("gives every second demo member a profile photo, stored at each avatar size", async () => {
    const photos = await db.upload.findMany({
      where: { kind: "AVATAR" },
      select: { variants: true, contentType: true, avatarOf: { select: { id: true } } },
    });
    const members = await db.user.count();
    expect(photos.length).toBe(Math.ceil(members / 2));
    for (const photo of photos) {
      expect(photo.variants).toEqual([...AVATAR_SIZES]);
      expect(photo.contentType).toBe("image/webp");
      expect(photo.avatarOf).not.toBeNull();
    }
  });

  it("seeds the default company values once, keeping an admin's changes", async () => {
    expect(await activeValueNames()).toEqual([
      "Shares knowledge",
      "Learns out loud",
      "Lifts others",
      "Stays curious",
      "Collaborates",
    ]);
    const emojis = await db.companyValue.findMany({ select: { emoji: true, description: true } });
    expect(emojis.every((value) => value.emoji && value.description)).toBe(true);
    await db.companyValue.update({
      where: { slug: "collaborates" },
      data: { name: "Works together", archivedAt: new Date() },
    });
    await seedDemoData(db);
    expect(await db.companyValue.count()).toBe(DEFAULT_VALUES.length);
    expect(await activeValueNames()).toEqual(DEFAULT_VALUES.slice(0, 4).map((value) => value.name));
  });

  it("seeds three communities, one private, with leads, a request, an invitation and content in them", async () => {
    const communities = await db.community.findMany({
      orderBy: { slug: "asc" },
      include: { memberships: true, _count: { select: { discussions: true } } },
    });
    expect(communities.map((c) => c.access)).toEqual(["BY_REQUEST", "OPEN", "PRIVATE"]);
    for (const community of communities) {
      const active = community.memberships.filter((m) => m.status === "ACTIVE");
      expect(community.memberCount).toBe(active.length);
      expect(active.some((m) => m.role === "LEAD")).toBe(true);
      expect(community._count.discussions).toBeGreaterThan(0);
    }
    const statuses = communities.flatMap((c) => c.memberships.map((m) => m.status));
    expect(statuses).toContain("REQUESTED");
    expect(statuses).toContain("INVITED");
  });
});
