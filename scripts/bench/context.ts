// Shared state and small helpers for generating bench rows.
import type { Random } from "./random";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Content is spread over this much history. */
export const HISTORY_DAYS = 540;

export interface SeedContext {
  now: number;
  newId: () => string;
  /** Authors and readers; the first ones post the most (see pickMember). */
  members: readonly string[];
  /** The tag vocabulary, most popular first. */
  tagIds: readonly string[];
  /** Who is who, for the rows that care about teams, roles or deactivation. */
  people: People;
}

/** The members content can be about (generated ones and the demo seed's), with their teams. */
export interface People {
  /** ACTIVE members, in the same skewed order as SeedContext.members. */
  active: readonly string[];
  /** Every member's team (null: no team). */
  teamOf: ReadonlyMap<string, string | null>;
  /** ACTIVE members of each team. */
  teamMembers: ReadonlyMap<string, readonly string[]>;
  /** ACTIVE leaders and admins. */
  leaders: readonly string[];
  /** An ACTIVE admin, if the database has one (pairings are made by admins). */
  adminId: string | null;
}

export interface PersonRow {
  id: string;
  teamId: string | null;
  active: boolean;
  role: string;
}

/** People from member rows; `order` is the skewed order of SeedContext.members. */
export function describePeople(rows: readonly PersonRow[], order: readonly string[]): People {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const active = order.filter((id) => byId.get(id)?.active);
  const teamMembers = new Map<string, string[]>();
  for (const id of active) {
    const teamId = byId.get(id)!.teamId;
    if (teamId) teamMembers.set(teamId, [...(teamMembers.get(teamId) ?? []), id]);
  }
  const isActive = (role: string) => active.filter((id) => byId.get(id)!.role === role);
  return {
    active,
    teamOf: new Map(rows.map((row) => [row.id, row.teamId])),
    teamMembers,
    leaders: [...isActive("LEADER"), ...isActive("ADMIN")],
    adminId: isActive("ADMIN")[0] ?? null,
  };
}

/** Some members write far more than others. */
export function pickMember(ctx: SeedContext, random: Random): string {
  return ctx.members[random.skewedIndex(ctx.members.length, 2)]!;
}

export function distinctMembers(ctx: SeedContext, random: Random, count: number): string[] {
  return random.distinctIndices(ctx.members.length, count, 1.5).map((i) => ctx.members[i]!);
}

export function pickTags(ctx: SeedContext, random: Random, count: number): string[] {
  return random.distinctIndices(ctx.tagIds.length, count, 1.8).map((i) => ctx.tagIds[i]!);
}

/** A moment in the past `HISTORY_DAYS`, more of them recent. */
export function pastMoment(ctx: SeedContext, random: Random): number {
  return ctx.now - HOUR - Math.floor(random.next() ** 1.3 * HISTORY_DAYS * DAY);
}

/** An ACTIVE member, skewed like pickMember (some take part far more than others). */
export function pickActive(ctx: SeedContext, random: Random, power = 2): string {
  const { active } = ctx.people;
  return active[random.skewedIndex(active.length, power)]!;
}

/** Up to `count` distinct ACTIVE members, none of them in `except` (skewed like pickActive). */
export function distinctActive(
  ctx: SeedContext,
  random: Random,
  count: number,
  except: ReadonlySet<string> = new Set(),
  power = 1.5,
): string[] {
  const { active } = ctx.people;
  const chosen = new Set<string>();
  for (let attempt = 0; chosen.size < count && attempt < count * 20 + 20; attempt++) {
    const id = active[random.skewedIndex(active.length, power)]!;
    if (!except.has(id)) chosen.add(id);
  }
  return [...chosen];
}

/** A random version-4 UUID drawn from `random`, so that the same seed gives the same ids. */
export function uuid(random: Random): string {
  const bytes = Array.from({ length: 16 }, () => random.int(0, 255));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Midnight UTC of the day of `ms`. */
export const startOfDay = (ms: number) => Math.floor(ms / DAY) * DAY;

/** `delta` after `from`, but never in the future. */
export function later(ctx: SeedContext, from: number, delta: number): number {
  return Math.min(ctx.now - MINUTE, from + delta);
}

/** `count` sorted moments between `from` and `to`. */
export function momentsBetween(random: Random, count: number, from: number, to: number) {
  const span = Math.max(0, to - from);
  return Array.from({ length: count }, () => from + Math.floor(random.next() * span)).sort(
    (a, b) => a - b,
  );
}

const REACTION_KINDS = ["LIKE", "LIKE", "LIKE", "THANKS", "INSIGHTFUL", "INSIGHTFUL", "CELEBRATE"];
export const reactionKind = (random: Random) => random.pick(REACTION_KINDS);

/** What moderation did to a piece of content: mostly nothing. */
export function moderation(random: Random, rate: number): "hidden" | "deleted" | null {
  const roll = random.next();
  if (roll < rate) return "hidden";
  if (roll < 2 * rate) return "deleted";
  return null;
}

export const latest = (...moments: (number | null)[]) =>
  Math.max(...moments.filter((m): m is number => m !== null));
