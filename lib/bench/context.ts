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
