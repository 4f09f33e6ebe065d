// Demo communities: an open guild, a chapter that takes requests, and a private new-joiner
// cohort, with leads, members, a pending request and invitation, and content placed in them.
// Idempotent: a community that exists by slug is left as it is.
import type { Database } from "@/lib/core/db/create-client";
import type { CommunityAccess } from "@/lib/generated/prisma/enums";
import type { Who } from "./seed-content";
import { findDemoMembers } from "./seed-sessions";

const DAY = 24 * 3_600_000;

interface DemoCommunity {
  slug: string;
  name: string;
  purpose: string;
  access: CommunityAccess;
  leads: Who[];
  members: Who[];
  requested?: Who[];
  invited?: Who[];
  /** Titles of discussions, posts and sessions the other seeds made, placed in this community. */
  discussions?: string[];
  posts?: string[];
  sessions?: string[];
}

const COMMUNITIES: DemoCommunity[] = [
  {
    slug: "frontend-guild",
    name: "Frontend Guild",
    purpose:
      "Everyone who builds what our customers see: **accessibility**, design systems, performance and the browser's quirks.\n\n- Show-and-tell every other Thursday\n- Ask anything, however small\n- Pair on the hard bits",
    access: "OPEN",
    leads: ["priya", "tomas"],
    members: ["mia", "aiko", "grace"],
    discussions: ["How do we announce form errors to screen reader users?"],
    posts: ["Notes on Inclusive Components by Heydon Pickering"],
    sessions: ["Book club: Inclusive Design Patterns, chapters 1 and 2"],
  },
  {
    slug: "data-analytics-chapter",
    name: "Data & Analytics chapter",
    purpose:
      "Analysts, engineers and curious people who want better questions and better numbers. We review each other's queries and dashboards before they reach a decision.\n\nAsk to join: a lead will say hello and point you to our review rota.",
    access: "BY_REQUEST",
    leads: ["sam"],
    members: ["jonas", "priya"],
    requested: ["mia"],
    discussions: ["Is anyone up for pairing on SQL window functions?"],
  },
  {
    slug: "new-joiner-cohort-autumn-2026",
    name: "New-joiner cohort — Autumn 2026",
    purpose:
      "A private, safe place for this autumn's new joiners to ask the questions everyone has in their first months, with two buddies who remember theirs.",
    access: "PRIVATE",
    leads: ["leo"],
    members: ["lucia", "aiko"],
    invited: ["mia"],
  },
];

/** Content written only for the private cohort, so its page has something of its own. */
async function seedCohortContent(db: Database, communityId: string, ids: Record<Who, string>) {
  const title = "Where do I find the on-call rota, and am I on it yet?";
  if (await db.discussion.findFirst({ where: { title } })) return;
  const createdAt = new Date(Date.now() - 2 * DAY);
  await db.discussion.create({
    data: {
      kind: "QUESTION",
      title,
      body: "I'm in my third week and keep hearing about the rota. Where does it live, and when do new joiners start taking shifts?",
      authorId: ids.lucia,
      communityId,
      createdAt,
      lastActivityAt: createdAt,
    },
  });
  const startsAt = new Date(Date.now() + 6 * DAY);
  startsAt.setUTCHours(15, 0, 0, 0);
  await db.learningSession.create({
    data: {
      title: "Cohort coffee: the questions you didn't want to ask",
      format: "WORKSHOP",
      description: "Half an hour, cameras optional, no question too small.",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 1_800_000),
      status: "SCHEDULED",
      scheduledById: ids.leo,
      communityId,
      hosts: { create: [{ userId: ids.leo, position: 0 }] },
    },
  });
}

async function seedCommunity(db: Database, demo: DemoCommunity, ids: Record<Who, string>) {
  const existing = await db.community.findUnique({ where: { slug: demo.slug } });
  if (existing) return existing.id;
  const memberships = [
    ...demo.leads.map((who) => ({ memberId: ids[who], role: "LEAD" as const })),
    ...demo.members.map((who) => ({ memberId: ids[who], role: "MEMBER" as const })),
    ...(demo.requested ?? []).map((who) => ({ memberId: ids[who], status: "REQUESTED" as const })),
    ...(demo.invited ?? []).map((who) => ({
      memberId: ids[who],
      status: "INVITED" as const,
      decidedById: ids[demo.leads[0]!],
    })),
  ];
  const community = await db.community.create({
    data: {
      slug: demo.slug,
      name: demo.name,
      purpose: demo.purpose,
      access: demo.access,
      createdById: ids[demo.leads[0]!],
      memberCount: demo.leads.length + demo.members.length,
      memberships: { create: memberships },
    },
  });
  const placed = { communityId: community.id };
  await db.discussion.updateMany({
    where: { title: { in: demo.discussions ?? [] } },
    data: placed,
  });
  await db.knowledgePost.updateMany({ where: { title: { in: demo.posts ?? [] } }, data: placed });
  await db.learningSession.updateMany({
    where: { title: { in: demo.sessions ?? [] } },
    data: placed,
  });
  return community.id;
}

export async function seedDemoCommunities(
  db: Database,
  options: { log?: (line: string) => void } = {},
) {
  const ids = await findDemoMembers(db);
  if (!ids) return;
  for (const demo of COMMUNITIES) {
    const id = await seedCommunity(db, demo, ids);
    if (demo.access === "PRIVATE") await seedCohortContent(db, id, ids);
  }
  options.log?.(`Demo communities ready: ${COMMUNITIES.map((c) => c.name).join(", ")}`);
}
