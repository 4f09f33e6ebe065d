// Communities for tests: a community with its leads and members, already active.
import type { CommunityAccess } from "@/lib/generated/prisma/enums";
import { testDb } from "./db";
import { unique } from "./factories";

export interface CommunityOptions {
  access?: CommunityAccess;
  leadIds?: string[];
  memberIds?: string[];
  allowsAnonymousQuestions?: boolean;
  name?: string;
  purpose?: string;
}

export async function createCommunity(options: CommunityOptions = {}) {
  const name = options.name ?? `Community ${unique()}`;
  const leadIds = options.leadIds ?? [];
  const memberIds = options.memberIds ?? [];
  return testDb.community.create({
    data: {
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${unique()}`,
      purpose: options.purpose ?? `Where ${name} shares what it learns.`,
      access: options.access ?? "OPEN",
      allowsAnonymousQuestions: options.allowsAnonymousQuestions ?? false,
      memberCount: leadIds.length + memberIds.length,
      memberships: {
        create: [
          ...leadIds.map((memberId) => ({ memberId, role: "LEAD" as const })),
          ...memberIds.map((memberId) => ({ memberId, role: "MEMBER" as const })),
        ],
      },
    },
  });
}

export const createPrivateCommunity = (options: Omit<CommunityOptions, "access"> = {}) =>
  createCommunity({ ...options, access: "PRIVATE" });
