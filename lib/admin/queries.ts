import "server-only";
import { db } from "@/lib/core/db/client";
import { rows as run, sql, sqlb, type DB } from "@/lib/core/db/typed-sql";
import type { ExpressionBuilder } from "kysely";
import type { MemberStatus, Role } from "@/lib/generated/prisma/enums";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import { memberCursorSchema, type MemberFilter } from "./schemas";

export interface AdminMemberRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: MemberStatus;
  createdAt: Date;
  deactivatedAt: Date | null;
}

/**
 * "ann sm" → "ann:*A & sm:*A": every word must start a word of the member's name (the
 * search vector's weight-A part). Null when the text has no searchable word.
 */
export function namePrefixQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*A`).join(" & ") : null;
}

function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type UserEb = ExpressionBuilder<DB & { u: DB["User"] }, "u">;

function searchCondition(eb: UserEb, q: string) {
  const emailMatch = sql<boolean>`${eb.ref("u.email")} LIKE ${likePrefix(q)} ESCAPE '\\'`;
  const nameQuery = namePrefixQuery(q);
  if (!nameQuery) return emailMatch;
  // "searchVector" is Unsupported("tsvector") in the schema, so not in the typed columns.
  return sql<boolean>`(u."searchVector" @@ to_tsquery('simple', ${nameQuery}) OR ${emailMatch})`;
}

function conditions(eb: UserEb, filter: MemberFilter) {
  const list = [];
  if (filter.q) list.push(searchCondition(eb, filter.q));
  if (filter.role) list.push(eb("u.role", "=", sql<Role>`${filter.role}::"Role"`));
  if (filter.status)
    list.push(eb("u.status", "=", sql<MemberStatus>`${filter.status}::"MemberStatus"`));
  if (filter.cursor) {
    const key = decodeCursorOrThrow(filter.cursor, memberCursorSchema);
    list.push(sql<boolean>`(${eb.ref("u.name")}, ${eb.ref("u.id")}) > (${key[0]}, ${key[1]})`);
  }
  return list.length ? eb.and(list) : sql<boolean>`TRUE`;
}

/** Every member, active or not, by name; filtered in SQL and keyset-paginated on (name, id). */
export async function listMembersForAdmin(
  filter: MemberFilter,
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<AdminMemberRow>> {
  const rows = await run(
    db,
    sqlb
      .selectFrom("User as u")
      .select((eb) => [
        "u.id",
        "u.name",
        "u.email",
        sql<Role>`${eb.ref("u.role")}::text`.as("role"),
        sql<MemberStatus>`${eb.ref("u.status")}::text`.as("status"),
        "u.createdAt",
        "u.deactivatedAt",
      ])
      .where((eb) => conditions(eb, filter))
      .orderBy("u.name", "asc")
      .orderBy("u.id", "asc")
      .limit(take + 1),
  );
  return toPage(rows, take, (r) => [r.name, r.id]);
}

export interface AdminOverview {
  activeMembers: number;
  deactivatedMembers: number;
  activeAdmins: number;
  pendingInvitations: number;
  auditEntriesThisWeek: number;
}

export async function adminOverview(now = new Date()): Promise<AdminOverview> {
  const weekAgo = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const [groups, pendingInvitations, auditEntriesThisWeek] = await Promise.all([
    db.user.groupBy({ by: ["role", "status"], _count: { _all: true } }),
    db.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    db.auditLog.count({ where: { createdAt: { gte: weekAgo } } }),
  ]);
  const count = (match: (g: (typeof groups)[number]) => boolean) =>
    groups.filter(match).reduce((sum, g) => sum + g._count._all, 0);
  return {
    activeMembers: count((g) => g.status === "ACTIVE"),
    deactivatedMembers: count((g) => g.status === "DEACTIVATED"),
    activeAdmins: count((g) => g.status === "ACTIVE" && g.role === "ADMIN"),
    pendingInvitations,
    auditEntriesThisWeek,
  };
}
