// Words for the communities' values, for pages and forms alike.
import type { CommunityAccess, CommunityRole } from "@/lib/generated/prisma/enums";

export const COMMUNITY_ACCESS_LABELS: Record<CommunityAccess, string> = {
  OPEN: "Open: anyone joins",
  BY_REQUEST: "By request: a lead approves",
  PRIVATE: "Private: by invitation",
};

/** The short form shown beside a community's name. */
export const COMMUNITY_ACCESS_BADGES: Record<CommunityAccess, string> = {
  OPEN: "Open",
  BY_REQUEST: "By request",
  PRIVATE: "Private",
};

export const COMMUNITY_ROLE_LABELS: Record<CommunityRole, string> = {
  LEAD: "Lead",
  MEMBER: "Member",
};

export function membersPhrase(count: number): string {
  return count === 1 ? "1 member" : `${count} members`;
}
