// The one rule, in its three forms (pure, Prisma, SQL by viewer and SQL by a member column),
// case by case: who reads content in no community, an open one, a by-request one and a private
// one, as a member of it (each status), a member of another community, an outsider, a
// leader and an admin. The forms must agree on every case.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import type {
  CommunityAccess,
  CommunityMembershipStatus,
  Role,
} from "@/lib/generated/prisma/enums";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createCommunity } from "@/test/factories-communities";
import { createDiscussion } from "@/test/factories-discussions";
import {
  everyoneReadsSql,
  inClosedCommunitySql,
  mayPostInCommunity,
  mayReadCommunity,
  readableContentForMemberSql,
  readableContentSql,
  readableContentWhere,
} from "./visibility";

type Where = "none" | CommunityAccess;
type Who = "outsider" | "leader" | "admin" | "other community" | CommunityMembershipStatus;

const WHERE: Where[] = ["none", "OPEN", "BY_REQUEST", "PRIVATE"];
const WHO: Who[] = [
  "ACTIVE",
  "REQUESTED",
  "INVITED",
  "other community",
  "outsider",
  "leader",
  "admin",
];

/** The rule as a table: only a private community's content is closed, to all but these. */
const expected = (where: Where, who: Who) =>
  where !== "PRIVATE" || who === "ACTIVE" || who === "admin";

let viewers: Record<Who, Actor>;
let discussions: Record<Where, string>;
let privateCommunityId: string;

beforeAll(async () => {
  const [active, requested, invited, elsewhere, outsider] = await Promise.all([
    createMember(),
    createMember(),
    createMember(),
    createMember(),
    createMember(),
  ]);
  viewers = {
    ACTIVE: active,
    REQUESTED: requested,
    INVITED: invited,
    "other community": elsewhere,
    outsider,
    leader: await createLeader(),
    admin: await createAdmin(),
  };
  await createCommunity({ access: "PRIVATE", memberIds: [elsewhere.id] });
  const author = await createMember();
  discussions = { none: (await createDiscussion(author.id)).id } as Record<Where, string>;
  for (const access of ["OPEN", "BY_REQUEST", "PRIVATE"] as const) {
    const community = await createCommunity({ access, memberIds: [active.id, author.id] });
    await testDb.communityMembership.createMany({
      data: [
        { communityId: community.id, memberId: requested.id, status: "REQUESTED" },
        { communityId: community.id, memberId: invited.id, status: "INVITED" },
      ],
    });
    const discussion = await createDiscussion(author.id);
    await testDb.discussion.update({
      where: { id: discussion.id },
      data: { communityId: community.id },
    });
    discussions[access] = discussion.id;
    if (access === "PRIVATE") privateCommunityId = community.id;
  }
});

async function readsByPrisma(viewer: Actor, id: string) {
  const found = await testDb.discussion.count({
    where: { id, AND: [readableContentWhere(viewer)] },
  });
  return found === 1;
}

async function readsBySql(viewer: Actor, id: string) {
  const found = await rows(
    testDb,
    sqlb
      .selectFrom("Discussion as d")
      .select("d.id")
      .where("d.id", "=", id)
      .where(readableContentSql("d", viewer)),
  );
  return found.length === 1;
}

async function readsByMemberColumn(viewer: Actor, id: string) {
  const found = await rows(
    testDb,
    sqlb
      .selectFrom("Discussion as d")
      .select("d.id")
      .where("d.id", "=", id)
      .where(readableContentForMemberSql("d", sql<string>`${viewer.id}`)),
  );
  return found.length === 1;
}

async function countedClosed(viewer: Actor, id: string) {
  const found = await rows(
    testDb,
    sqlb
      .selectFrom("Discussion as d")
      .select("d.id")
      .where("d.id", "=", id)
      .where(inClosedCommunitySql("d.communityId", viewer)),
  );
  return found.length === 1;
}

function statusIn(who: Who): CommunityMembershipStatus | null {
  return who === "ACTIVE" || who === "REQUESTED" || who === "INVITED" ? who : null;
}

describe("who reads a community's content", () => {
  for (const where of WHERE) {
    for (const who of WHO) {
      const reads = expected(where, who);
      it(`${where === "none" ? "no community" : where}: ${who} ${reads ? "reads" : "does not read"} it`, async () => {
        const viewer = viewers[who];
        const id = discussions[where];
        expect(await readsByPrisma(viewer, id)).toBe(reads);
        expect(await readsBySql(viewer, id)).toBe(reads);
        expect(await readsByMemberColumn(viewer, id)).toBe(reads);
        expect(await countedClosed(viewer, id)).toBe(!reads);
        if (where !== "none") {
          const facts = { access: where, viewerStatus: statusIn(who) };
          expect(mayReadCommunity(viewer, facts)).toBe(reads);
        }
      });
    }
  }

  it("lists shared by everyone leave every private community's content out", async () => {
    const found = await rows(
      testDb,
      sqlb
        .selectFrom("Discussion as d")
        .select("d.id")
        .where("d.id", "in", Object.values(discussions))
        .where(everyoneReadsSql("d")),
    );
    expect(found.map((row) => row.id).sort()).toEqual(
      [discussions.none, discussions.OPEN, discussions.BY_REQUEST].sort(),
    );
  });

  it("a member who leaves (ACTIVE → REQUESTED) reads no more; back to ACTIVE, reads again", async () => {
    const member = await createMember();
    await testDb.communityMembership.create({
      data: { communityId: privateCommunityId, memberId: member.id },
    });
    expect(await readsBySql(member, discussions.PRIVATE)).toBe(true);
    const key = { communityId_memberId: { communityId: privateCommunityId, memberId: member.id } };
    await testDb.communityMembership.update({ where: key, data: { status: "REQUESTED" } });
    expect(await readsBySql(member, discussions.PRIVATE)).toBe(false);
    expect(await readsByPrisma(member, discussions.PRIVATE)).toBe(false);
    await testDb.communityMembership.update({ where: key, data: { status: "ACTIVE" } });
    expect(await readsByPrisma(member, discussions.PRIVATE)).toBe(true);
  });
});

describe("who posts into a community", () => {
  it("an active member of a community that is not archived; nobody else", async () => {
    const cases: [Who, boolean][] = [
      ["ACTIVE", true],
      ["REQUESTED", false],
      ["INVITED", false],
      ["other community", false],
      ["admin", false],
    ];
    for (const [who, may] of cases) {
      expect(await mayPostInCommunity(testDb, viewers[who].id, privateCommunityId), who).toBe(may);
    }
    const archived = await createCommunity({ memberIds: [viewers.ACTIVE.id] });
    await testDb.community.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    expect(await mayPostInCommunity(testDb, viewers.ACTIVE.id, archived.id)).toBe(false);
    expect(await mayPostInCommunity(testDb, viewers.ACTIVE.id, "cknotacommunity0000000000")).toBe(
      false,
    );
  });
});

// Roles are a closed list: a new role that reads every community must be added to the table.
const ROLES: Role[] = ["MEMBER", "LEADER", "ADMIN"];
it("only admins read every community", () => {
  expect(ROLES.filter((role) => readableContentWhere({ id: "x", role }).OR === undefined)).toEqual([
    "ADMIN",
  ]);
});
