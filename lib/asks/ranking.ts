// Ranking the members who could answer a question (or write for a knowledge request): a score
// made of parts, each explained in a plain sentence, as the mentoring suggestions do. Pure (no
// database): lib/asks/candidates.ts gathers the facts in one statement and calls rankHelpers.
//
//   teaches      10 points for each of the topic's skills the member says they can teach (max 20)
//   answers      3 points per accepted answer in the topic's tags (max 15)
//   posts        4 points per published knowledge post in the tags (max 12)
//   sessions     5 points per session hosted on the topic (max 10)
//   recognition  2 points per recognition received for content in the tags (max 6)
//
// Fair spread (on unless a benchmark turns it off; docs/decisions/022-asking-colleagues.md):
//   recent       −5 points per ask the member received in the last 7 days
//   open         −3 points per ask the member has not answered, passed or redirected yet
//   fresh voice  when none of the chosen is a newer or quieter member and one with evidence
//                exists, the best of them takes the last place
// The weekly cap (no member asked more than N times in 7 days) is a hard filter in the SQL.
import { plural } from "@/lib/core/format";

export const ASK_WEIGHTS = {
  perSkill: 10,
  skillsMax: 20,
  perAnswer: 3,
  answersMax: 15,
  perPost: 4,
  postsMax: 12,
  perSession: 5,
  sessionsMax: 10,
  perRecognition: 2,
  recognitionMax: 6,
  perRecentAsk: -5,
  perOpenAsk: -3,
} as const;

/** Up to this many people are asked at once. */
export const ASKS_PER_ROUND = 3;

/** Joined within this many days: a newer member. */
export const NEWER_MEMBER_DAYS = 90;
/** Fewer replies than this in all: a quieter member. */
export const QUIETER_MEMBER_REPLIES = 10;

export type ReasonKind =
  | "teaches"
  | "answers"
  | "posts"
  | "sessions"
  | "recognition"
  | "recent"
  | "open"
  | "fresh"
  /** Named by the member who was asked first ("Suggest someone else"). */
  | "suggested";

export interface AskReason {
  kind: ReasonKind;
  points: number;
  text: string;
}

export interface HelperFacts {
  memberId: string;
  name: string;
  joinedAt: Date;
  /** Names of the topic's skills the member offers to teach. */
  teaches: string[];
  acceptedAnswers: number;
  posts: number;
  sessions: number;
  recognitions: number;
  /** Names of the topic's tags the evidence (answers, posts, sessions, recognition) is in. */
  evidenceTags: string[];
  /** Asks received in the last 7 days. */
  weekAsks: number;
  /** Asks still ASKED. */
  openAsks: number;
  /** Replies written in all, counted up to QUIETER_MEMBER_REPLIES. */
  replies: number;
}

export interface HelperSuggestion {
  memberId: string;
  name: string;
  score: number;
  reasons: AskReason[];
  /** Newer or quieter (see NEWER_MEMBER_DAYS, QUIETER_MEMBER_REPLIES). */
  freshVoice: boolean;
}

export interface RankOptions {
  /** Fair-spread penalties and the fresh-voice place; off only to measure their effect. */
  fair: boolean;
  now: Date;
  take?: number;
}

/** "A", "A and B", "A, B and C". */
function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const on = (tags: string[]) => (tags.length ? ` on ${listText(tags)}` : "");

function capped(count: number, per: number, max: number) {
  return Math.min(count * per, max);
}

function evidenceReasons(facts: HelperFacts): AskReason[] {
  const w = ASK_WEIGHTS;
  const tags = [...new Set(facts.evidenceTags)].sort();
  const reasons: AskReason[] = [];
  if (facts.teaches.length)
    reasons.push({
      kind: "teaches",
      points: capped(facts.teaches.length, w.perSkill, w.skillsMax),
      text: `Says they can teach ${listText([...facts.teaches].sort())}`,
    });
  if (facts.acceptedAnswers)
    reasons.push({
      kind: "answers",
      points: capped(facts.acceptedAnswers, w.perAnswer, w.answersMax),
      text: `Wrote ${plural(facts.acceptedAnswers, "accepted answer", "accepted answers")}${on(tags)}`,
    });
  if (facts.posts)
    reasons.push({
      kind: "posts",
      points: capped(facts.posts, w.perPost, w.postsMax),
      text: `Published ${plural(facts.posts, "knowledge post", "knowledge posts")}${on(tags)}`,
    });
  if (facts.sessions)
    reasons.push({
      kind: "sessions",
      points: capped(facts.sessions, w.perSession, w.sessionsMax),
      text: `Hosted ${plural(facts.sessions, "session", "sessions")}${on(tags)}`,
    });
  if (facts.recognitions)
    reasons.push({
      kind: "recognition",
      points: capped(facts.recognitions, w.perRecognition, w.recognitionMax),
      text: `Was recognised ${plural(facts.recognitions, "time", "times")} for help${on(tags)}`,
    });
  return reasons;
}

function spreadReasons(facts: HelperFacts): AskReason[] {
  const reasons: AskReason[] = [];
  if (facts.weekAsks)
    reasons.push({
      kind: "recent",
      points: facts.weekAsks * ASK_WEIGHTS.perRecentAsk,
      text: `Was asked ${plural(facts.weekAsks, "time", "times")} this week: ranked lower so that asks spread`,
    });
  if (facts.openAsks)
    reasons.push({
      kind: "open",
      points: facts.openAsks * ASK_WEIGHTS.perOpenAsk,
      text: `Has ${plural(facts.openAsks, "open ask", "open asks")}: ranked lower so that nobody is swamped`,
    });
  return reasons;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function daysSince(date: Date, now: Date) {
  return Math.max(0, Math.floor((now.getTime() - date.getTime()) / DAY_MS));
}

function isFreshVoice(facts: HelperFacts, now: Date) {
  return (
    daysSince(facts.joinedAt, now) < NEWER_MEMBER_DAYS || facts.replies < QUIETER_MEMBER_REPLIES
  );
}

function freshReason(facts: HelperFacts, now: Date): AskReason {
  const days = daysSince(facts.joinedAt, now);
  const text =
    days < NEWER_MEMBER_DAYS
      ? `Newer here (joined ${plural(days, "day", "days")} ago): a fresh voice with the skill`
      : `Quieter so far (${plural(facts.replies, "reply", "replies")} in all): a fresh voice with the skill`;
  return { kind: "fresh", points: 0, text };
}

function compare(a: HelperSuggestion, b: HelperSuggestion) {
  return b.score - a.score || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
}

/**
 * Up to `take` (3) members to ask, best first, each with the reasons for their score. Only
 * members with some evidence (a skill they teach, or content in the topic's tags) are
 * suggested. With `fair`, recent and open asks lower the score and a newer or quieter member
 * with evidence takes the last place when none of the chosen is one.
 */
export function rankHelpers(candidates: HelperFacts[], options: RankOptions): HelperSuggestion[] {
  const take = options.take ?? ASKS_PER_ROUND;
  const scored: HelperSuggestion[] = [];
  for (const facts of candidates) {
    const evidence = evidenceReasons(facts);
    if (evidence.length === 0) continue;
    const reasons = options.fair ? [...evidence, ...spreadReasons(facts)] : evidence;
    scored.push({
      memberId: facts.memberId,
      name: facts.name,
      score: reasons.reduce((sum, reason) => sum + reason.points, 0),
      reasons,
      freshVoice: isFreshVoice(facts, options.now),
    });
  }
  scored.sort(compare);
  const chosen = scored.slice(0, take);
  if (!options.fair || chosen.length === 0 || chosen.some((s) => s.freshVoice)) return chosen;
  const fresh = scored.slice(take).find((s) => s.freshVoice);
  if (!fresh) return chosen;
  const facts = candidates.find((c) => c.memberId === fresh.memberId)!;
  const withReason = { ...fresh, reasons: [...fresh.reasons, freshReason(facts, options.now)] };
  return chosen.length < take ? [...chosen, withReason] : [...chosen.slice(0, -1), withReason];
}
