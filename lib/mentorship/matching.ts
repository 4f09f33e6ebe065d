// Ranking mentors for a mentee: a score made of parts, each explained in a plain sentence.
// Pure (no database): lib/mentorship/suggestions.ts gathers the facts and calls rankMentors.
//
//   skills    10 points for each skill the mentee wants that the mentor offers
//   evidence  accepted answers (3 each), published knowledge posts (4 each) and sessions
//             hosted (5 each) in the wanted skills, at most 30 points in all
//   capacity  2 points per free place, at most 6
//   team      5 points when both have a team and the teams differ (cross-team learning)
//
// When the mentee wants at least one skill, a mentor needs skill or evidence points to be
// suggested at all; capacity and team only order the ones who can help. When the mentee
// lists no wanted skills, every candidate is ranked by capacity and team.
//
// So that every mentee is not shown the same mentor first whenever several score nearly as
// well, the candidates within NEAR_TIE_POINTS of the top score are ordered among themselves
// by a hash of (mentee, mentor): each mentee sees a different but stable first choice.
import { plural } from "@/lib/core/format";

export const MATCH_WEIGHTS = {
  perSkill: 10,
  perAcceptedAnswer: 3,
  perPost: 4,
  perSession: 5,
  evidenceMax: 30,
  perFreePlace: 2,
  capacityMax: 6,
  crossTeam: 5,
} as const;

/** Candidates scoring at least (top score − this) share the top band. */
export const NEAR_TIE_POINTS = 3;

export interface SkillRef {
  slug: string;
  name: string;
}

export interface MenteeFacts {
  id: string;
  /** How the explanations name the mentee. */
  name: string;
  teamId: string | null;
  wants: SkillRef[];
}

export interface CandidateFacts {
  mentorId: string;
  name: string;
  title: string | null;
  teamId: string | null;
  teamName: string | null;
  maxMentees: number;
  /** Active and paused pairings in which the candidate is the mentor. */
  activeMentees: number;
  offers: SkillRef[];
  /** Community activity in the mentee's wanted skills only. */
  evidence: {
    acceptedAnswers: number;
    posts: number;
    sessions: number;
    /** Names of the wanted skills the evidence is in. */
    skills: string[];
  };
}

export interface ScorePart {
  kind: "skills" | "evidence" | "capacity" | "team";
  points: number;
  text: string;
}

export interface MentorSuggestion {
  mentorId: string;
  name: string;
  title: string | null;
  teamName: string | null;
  score: number;
  parts: ScorePart[];
  freeSeats: number;
  activeMentees: number;
  maxMentees: number;
  /** The wanted skills the mentor offers, in the mentee's order. */
  matchedSkills: string[];
  /** within the near-tie band of the top score; order inside the band varies by mentee */
  nearTop: boolean;
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** 32-bit FNV-1a over the pair: the stable per-mentee order inside the near-tie band. */
export function pairHash(menteeId: string, mentorId: string): number {
  const text = `${menteeId}\u0000${mentorId}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function skillsPart(mentee: MenteeFacts, matched: string[]): ScorePart | null {
  if (matched.length === 0) return null;
  const wanted = mentee.wants.length;
  const list = matched.join(", ");
  const text =
    wanted === 1
      ? `Offers the skill ${mentee.name} wants: ${list}`
      : matched.length === wanted
        ? `Offers all ${wanted} skills ${mentee.name} wants: ${list}`
        : `Offers ${matched.length} of the ${wanted} skills ${mentee.name} wants: ${list}`;
  return { kind: "skills", points: matched.length * MATCH_WEIGHTS.perSkill, text };
}

function evidencePart(mentee: MenteeFacts, candidate: CandidateFacts): ScorePart | null {
  const { acceptedAnswers, posts, sessions } = candidate.evidence;
  const raw =
    acceptedAnswers * MATCH_WEIGHTS.perAcceptedAnswer +
    posts * MATCH_WEIGHTS.perPost +
    sessions * MATCH_WEIGHTS.perSession;
  const points = Math.min(raw, MATCH_WEIGHTS.evidenceMax);
  if (points <= 0) return null;
  const counts = [
    acceptedAnswers > 0 ? plural(acceptedAnswers, "accepted answer", "accepted answers") : "",
    posts > 0 ? plural(posts, "knowledge post", "knowledge posts") : "",
    sessions > 0 ? plural(sessions, "session hosted", "sessions hosted") : "",
  ].filter(Boolean);
  // The skills in the mentee's order; any name the mentee does not list goes last.
  const order = mentee.wants.map((skill) => skill.name);
  const skills = [...new Set(candidate.evidence.skills)].sort((a, b) => {
    const [ia, ib] = [order.indexOf(a), order.indexOf(b)];
    if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const on = skills.length > 0 ? ` on ${listText(skills)}` : "";
  return { kind: "evidence", points, text: `Shown in the community: ${listText(counts)}${on}` };
}

function capacityPart(candidate: CandidateFacts, freeSeats: number): ScorePart | null {
  const points = Math.min(freeSeats * MATCH_WEIGHTS.perFreePlace, MATCH_WEIGHTS.capacityMax);
  if (points <= 0) return null;
  const max = candidate.maxMentees;
  return {
    kind: "capacity",
    points,
    text: `Has ${freeSeats} of ${max} ${max === 1 ? "place" : "places"} free`,
  };
}

function teamPart(mentee: MenteeFacts, candidate: CandidateFacts): ScorePart | null {
  if (!mentee.teamId || !candidate.teamId || mentee.teamId === candidate.teamId) return null;
  const team = candidate.teamName ?? "another team";
  return {
    kind: "team",
    points: MATCH_WEIGHTS.crossTeam,
    text: `Works in ${team}, a different team from ${mentee.name}'s: cross-team learning`,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Outside the band: score, then fewer mentees already, then name, then id. */
function byScore(a: MentorSuggestion, b: MentorSuggestion): number {
  return (
    b.score - a.score ||
    a.activeMentees - b.activeMentees ||
    compareText(a.name, b.name) ||
    compareText(a.mentorId, b.mentorId)
  );
}

/**
 * The candidates who can mentor `mentee`, best first, each with the parts of its score.
 * Candidates who are the mentee, or who have no free place, are left out as well (the
 * query already excludes them).
 */
export function rankMentors(mentee: MenteeFacts, candidates: CandidateFacts[]): MentorSuggestion[] {
  const wantsSkills = mentee.wants.length > 0;
  const scored: MentorSuggestion[] = [];
  for (const candidate of candidates) {
    const freeSeats = candidate.maxMentees - candidate.activeMentees;
    if (candidate.mentorId === mentee.id || freeSeats <= 0) continue;
    const offered = new Set(candidate.offers.map((skill) => skill.slug));
    const matchedSkills = mentee.wants
      .filter((skill) => offered.has(skill.slug))
      .map((skill) => skill.name);
    const skills = skillsPart(mentee, matchedSkills);
    const evidence = wantsSkills ? evidencePart(mentee, candidate) : null;
    if (wantsSkills && !skills && !evidence) continue;
    const parts = [
      skills,
      evidence,
      capacityPart(candidate, freeSeats),
      teamPart(mentee, candidate),
    ].filter((part): part is ScorePart => part !== null);
    scored.push({
      mentorId: candidate.mentorId,
      name: candidate.name,
      title: candidate.title,
      teamName: candidate.teamName,
      score: parts.reduce((sum, part) => sum + part.points, 0),
      parts,
      freeSeats,
      activeMentees: candidate.activeMentees,
      maxMentees: candidate.maxMentees,
      matchedSkills,
      nearTop: false,
    });
  }
  scored.sort(byScore);
  if (scored.length === 0) return scored;

  const floor = scored[0]!.score - NEAR_TIE_POINTS;
  const band = scored.filter((suggestion) => suggestion.score >= floor);
  const rest = scored.slice(band.length);
  // A band of one is just the top mentor: nothing to vary.
  if (band.length < 2) return scored;
  const hashOf = new Map(band.map((s) => [s.mentorId, pairHash(mentee.id, s.mentorId)]));
  band.sort(
    (a, b) =>
      hashOf.get(a.mentorId)! - hashOf.get(b.mentorId)! ||
      compareText(a.name, b.name) ||
      compareText(a.mentorId, b.mentorId),
  );
  for (const suggestion of band) suggestion.nearTop = true;
  return [...band, ...rest];
}
