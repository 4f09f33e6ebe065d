// The bench seed's communities of practice (issue 20): 50 communities (a fifth private, a
// third by request), each with two leads and 20 to 200 members, and about a fifth of the
// discussions, posts and sessions placed in them. The bench account is a member of three
// (one private), so the pages it loads apply the private-community rule to real rows. Written
// in a few set-based statements after the content exists.
import type pg from "pg";
import { BENCH_ACCOUNT } from "./constants";
import type { SeedContext } from "./context";
import type { Random } from "./random";

export const BENCH_COMMUNITIES = 50;
/** One in this many discussions, posts and sessions is placed in a community. */
const PLACED_ONE_IN = 5;

type Access = "OPEN" | "BY_REQUEST" | "PRIVATE";

const accessOf = (index: number): Access =>
  index % 5 === 0 ? "PRIVATE" : index % 3 === 0 ? "BY_REQUEST" : "OPEN";

interface CommunityPlan {
  id: string;
  name: string;
  slug: string;
  access: Access;
  members: { id: string; role: "LEAD" | "MEMBER" }[];
}

function planCommunities(ctx: SeedContext, random: Random, newId: () => string, benchId: string) {
  const plans: CommunityPlan[] = [];
  for (let index = 0; index < BENCH_COMMUNITIES; index++) {
    const size = random.int(20, Math.min(200, ctx.members.length));
    const picked = random.distinctIndices(ctx.members.length, size, 1.5);
    const members = picked.map((at, position) => ({
      id: ctx.members[at]!,
      role: position < 2 ? ("LEAD" as const) : ("MEMBER" as const),
    }));
    // The bench account is in communities 0 (private), 1 and 2.
    if (index < 3 && !members.some((member) => member.id === benchId))
      members.push({ id: benchId, role: "MEMBER" });
    const name = `Bench community ${index + 1}`;
    plans.push({
      id: newId(),
      name,
      slug: `bench-community-${index + 1}`,
      access: accessOf(index),
      members,
    });
  }
  return plans;
}

/** Writes the communities and places content in them; returns how many rows of each. */
export async function writeCommunities(
  client: pg.PoolClient,
  input: { ctx: SeedContext; random: Random; newId: () => string; benchThreadId: string },
) {
  const { ctx, random, newId } = input;
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [
    BENCH_ACCOUNT.email,
  ]);
  const plans = planCommunities(ctx, random, newId, rows[0]!.id);
  await client.query(
    `INSERT INTO "Community" (id, slug, name, purpose, access, "memberCount", "updatedAt")
     SELECT c.id, c.slug, c.name, 'Where ' || c.name || ' shares what it learns.', c.access::"CommunityAccess", c.n, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS c(id, slug, name, access, n)
     ON CONFLICT (slug) DO NOTHING`,
    [
      plans.map((plan) => plan.id),
      plans.map((plan) => plan.slug),
      plans.map((plan) => plan.name),
      plans.map((plan) => plan.access),
      plans.map((plan) => plan.members.length),
    ],
  );
  const memberships = plans.flatMap((plan) =>
    plan.members.map((member) => ({
      communityId: plan.id,
      memberId: member.id,
      role: member.role,
    })),
  );
  await client.query(
    `INSERT INTO "CommunityMembership" ("communityId", "memberId", role, "updatedAt")
     SELECT m.c, m.u, m.r::"CommunityRole", now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS m(c, u, r)
     ON CONFLICT DO NOTHING`,
    [
      memberships.map((row) => row.communityId),
      memberships.map((row) => row.memberId),
      memberships.map((row) => row.role),
    ],
  );
  // A fifth of the content, by a hash of its id, in the community the hash names; the
  // bench thread stays company-wide (its page is measured for everyone).
  const ids = plans.map((plan) => plan.id);
  const placed: Record<string, number> = {};
  for (const table of ["Discussion", "KnowledgePost", "LearningSession"] as const) {
    const result = await client.query(
      `UPDATE "${table}" t SET "communityId" = ($1::text[])[1 + abs(hashtext(t.id || 'c')) % $2]
        WHERE abs(hashtext(t.id)) % $3 = 0 AND t."communityId" IS NULL
          AND NOT (t.id = ANY($4::text[]))`,
      [ids, ids.length, PLACED_ONE_IN, [input.benchThreadId]],
    );
    placed[table] = result.rowCount ?? 0;
  }
  return { communities: plans.length, memberships: memberships.length, placed };
}
