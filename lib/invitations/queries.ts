import "server-only";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import { invitationCursorSchema, type InvitationFilter } from "./schemas";
import { invitationStatus, type InvitationStatus } from "./tokens";

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  emailedAt: Date | null;
  emailCount: number;
  invitedBy: { id: string; name: string } | null;
  acceptedBy: { id: string; name: string } | null;
}

function statusWhere(status: InvitationStatus | undefined, now: Date): Prisma.InvitationWhereInput {
  switch (status) {
    case "accepted":
      return { acceptedAt: { not: null } };
    case "revoked":
      return { acceptedAt: null, revokedAt: { not: null } };
    case "expired":
      return { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } };
    case "pending":
      return { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
    default:
      return {};
  }
}

function afterCursor(raw: string | undefined): Prisma.InvitationWhereInput {
  if (!raw) return {};
  const key = decodeCursorOrThrow(raw, invitationCursorSchema);
  const createdAt = new Date(key[0]);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: key[1] } }] };
}

/** Newest first, keyset-paginated on (createdAt, id). Token hashes are never selected. */
export async function listInvitations(
  filter: InvitationFilter,
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<InvitationRow>> {
  const now = new Date();
  const rows = await db.invitation.findMany({
    where: { AND: [statusWhere(filter.status, now), afterCursor(filter.cursor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      emailedAt: true,
      emailCount: true,
      invitedBy: { select: { id: true, name: true } },
      acceptedBy: { select: { id: true, name: true } },
    },
  });
  const page = toPage(rows, take, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({ ...r, status: invitationStatus(r, now) })),
  };
}
