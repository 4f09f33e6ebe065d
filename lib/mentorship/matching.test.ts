// The ranking with fixtures whose scores and order are worked out by hand in the comments.
// Weights: 10 per offered wanted skill; evidence 3 per accepted answer, 4 per post, 5 per
// session, at most 30; 2 per free place, at most 6; 5 for a different team. Near-tie band:
// within 3 points of the top score.
import { describe, expect, it } from "vitest";
import {
  MATCH_WEIGHTS,
  NEAR_TIE_POINTS,
  rankMentors,
  type CandidateFacts,
  type MenteeFacts,
} from "./matching";

const skill = (name: string) => ({ slug: name.toLowerCase(), name });
const [REACT, TESTING, GO, PYTHON] = ["React", "Testing", "Go", "Python"].map(skill) as [
  ReturnType<typeof skill>,
  ReturnType<typeof skill>,
  ReturnType<typeof skill>,
  ReturnType<typeof skill>,
];

const ana: MenteeFacts = {
  id: "mentee-ana",
  name: "Ana",
  teamId: "eng",
  wants: [REACT, TESTING, GO],
};

function candidate(
  name: string,
  facts: Partial<Omit<CandidateFacts, "evidence">> & {
    evidence?: Partial<CandidateFacts["evidence"]>;
  } = {},
): CandidateFacts {
  const { evidence = {}, ...rest } = facts;
  return {
    mentorId: `mentor-${name.toLowerCase()}`,
    name,
    title: null,
    teamId: null,
    teamName: null,
    maxMentees: 1,
    activeMentees: 0,
    offers: [],
    ...rest,
    evidence: { acceptedAnswers: 0, posts: 0, sessions: 0, skills: [], ...evidence },
  };
}

const DESIGN = { teamId: "design", teamName: "Design" };
const ENG = { teamId: "eng", teamName: "Engineering" };
const OPS = { teamId: "ops", teamName: "Ops" };

describe("rankMentors", () => {
  it("exports the weights the explanations cite", () => {
    expect(MATCH_WEIGHTS).toEqual({
      perSkill: 10,
      perAcceptedAnswer: 3,
      perPost: 4,
      perSession: 5,
      evidenceMax: 30,
      perFreePlace: 2,
      capacityMax: 6,
      crossTeam: 5,
    });
    expect(NEAR_TIE_POINTS).toBe(3);
  });

  it("ranks a worked example in the order computed by hand", () => {
    // Ana (Engineering) wants React, Testing and Go.
    const candidates = [
      // Eli: Go 10 + 1 of 1 place free 2 + Ops 5 = 17.
      candidate("Eli", { ...OPS, offers: [GO] }),
      // Dee: no offers; evidence 2×3 + 3×4 + 4×5 = 38, capped at 30; 1 of 5 free 2;
      // no team 0 = 32.
      candidate("Dee", {
        maxMentees: 5,
        activeMentees: 4,
        evidence: { acceptedAnswers: 2, posts: 3, sessions: 4, skills: ["Go"] },
      }),
      // Fay: offers only Python and shows nothing in Ana's skills: not suggested, although
      // capacity 6 + Ops 5 would give 11.
      candidate("Fay", { ...OPS, maxMentees: 4, offers: [PYTHON] }),
      // Bea: React + Testing 20 + evidence 2×3 + 1×4 = 10 + 2 of 3 free 4 + Design 5 = 39.
      candidate("Bea", {
        ...DESIGN,
        maxMentees: 3,
        activeMentees: 1,
        offers: [TESTING, REACT, PYTHON],
        evidence: { acceptedAnswers: 2, posts: 1, skills: ["React"] },
      }),
      // Hal: Go 10 + 1 of 2 free 2 + Ops 5 = 17, ties Eli and Ida but has a mentee already.
      candidate("Hal", { ...OPS, maxMentees: 2, activeMentees: 1, offers: [GO] }),
      // Gus: would score well but has no free place: not suggested.
      candidate("Gus", { ...DESIGN, maxMentees: 2, activeMentees: 2, offers: [REACT, GO] }),
      // Cal: all three 30 + 2 of 2 free 4 + same team 0 = 34.
      candidate("Cal", { ...ENG, maxMentees: 2, offers: [GO, REACT, TESTING] }),
      // Ida: as Eli, 17; after Eli by name.
      candidate("Ida", { ...OPS, offers: [GO] }),
    ];
    // Top 39; the band (>= 36) holds Bea alone, so the order is by score, then fewer
    // mentees (Eli, Ida before Hal), then name (Eli before Ida).
    const ranked = rankMentors(ana, candidates);
    expect(ranked.map((s) => [s.name, s.score])).toEqual([
      ["Bea", 39],
      ["Cal", 34],
      ["Dee", 32],
      ["Eli", 17],
      ["Ida", 17],
      ["Hal", 17],
    ]);
    expect(ranked.every((s) => !s.nearTop)).toBe(true);

    const [bea, cal, dee, eli] = ranked;
    expect(bea!.parts).toEqual([
      { kind: "skills", points: 20, text: "Offers 2 of the 3 skills Ana wants: React, Testing" },
      {
        kind: "evidence",
        points: 10,
        text: "Shown in the community: 2 accepted answers and 1 knowledge post on React",
      },
      { kind: "capacity", points: 4, text: "Has 2 of 3 places free" },
      {
        kind: "team",
        points: 5,
        text: "Works in Design, a different team from Ana's: cross-team learning",
      },
    ]);
    expect(bea).toMatchObject({
      mentorId: "mentor-bea",
      teamName: "Design",
      freeSeats: 2,
      activeMentees: 1,
      maxMentees: 3,
      matchedSkills: ["React", "Testing"],
    });
    expect(cal!.parts).toEqual([
      { kind: "skills", points: 30, text: "Offers all 3 skills Ana wants: React, Testing, Go" },
      { kind: "capacity", points: 4, text: "Has 2 of 2 places free" },
    ]);
    expect(dee!.parts).toEqual([
      {
        kind: "evidence",
        points: 30,
        text: "Shown in the community: 2 accepted answers, 3 knowledge posts and 4 sessions hosted on Go",
      },
      { kind: "capacity", points: 2, text: "Has 1 of 5 places free" },
    ]);
    expect(dee!.matchedSkills).toEqual([]);
    expect(eli!.parts.map((p) => p.text)).toEqual([
      "Offers 1 of the 3 skills Ana wants: Go",
      "Has 1 of 1 place free",
      "Works in Ops, a different team from Ana's: cross-team learning",
    ]);
  });

  it("leaves out candidates with neither a wanted skill nor evidence, the mentee and full mentors", () => {
    const ranked = rankMentors(ana, [
      candidate("Nia", { ...OPS, maxMentees: 10, offers: [PYTHON] }),
      candidate("Ana", { offers: [REACT] }),
      { ...candidate("Self", { offers: [REACT] }), mentorId: ana.id },
      candidate("Full", { maxMentees: 2, activeMentees: 2, offers: [REACT] }),
      candidate("Over", { maxMentees: 1, activeMentees: 3, offers: [REACT] }),
      candidate("Zoe", { evidence: { posts: 1, skills: ["Testing"] } }),
    ]);
    // Ana (another member with the same name) offers React: 10 + 2 = 12; Zoe: post 4 + 2 = 6.
    expect(ranked.map((s) => [s.name, s.score])).toEqual([
      ["Ana", 12],
      ["Zoe", 6],
    ]);
    expect(ranked[1]!.parts[0]!.text).toBe("Shown in the community: 1 knowledge post on Testing");
  });

  it("adds the team part only when both have teams and they differ", () => {
    const teamPoints = (mentee: MenteeFacts, facts: Parameters<typeof candidate>[1]) =>
      rankMentors(mentee, [candidate("Bo", { offers: [REACT], ...facts })])[0]!.parts.find(
        (part) => part.kind === "team",
      )?.points ?? 0;
    const noTeam = { ...ana, teamId: null };
    expect(teamPoints(ana, DESIGN)).toBe(5);
    expect(teamPoints(ana, ENG)).toBe(0);
    expect(teamPoints(ana, {})).toBe(0);
    expect(teamPoints(noTeam, DESIGN)).toBe(0);
    expect(teamPoints(noTeam, {})).toBe(0);
  });

  it("gives 2 points per free place up to 6", () => {
    const capacity = (maxMentees: number, activeMentees: number) =>
      rankMentors(ana, [candidate("Bo", { offers: [REACT], maxMentees, activeMentees })])[0]!
        .parts[1];
    expect(capacity(1, 0)).toEqual({ kind: "capacity", points: 2, text: "Has 1 of 1 place free" });
    expect(capacity(3, 1)).toEqual({ kind: "capacity", points: 4, text: "Has 2 of 3 places free" });
    expect(capacity(4, 1)).toEqual({ kind: "capacity", points: 6, text: "Has 3 of 4 places free" });
    expect(capacity(10, 0)).toEqual({
      kind: "capacity",
      points: 6,
      text: "Has 10 of 10 places free",
    });
  });

  it("ranks everyone by capacity and team when the mentee wants no skills", () => {
    const open: MenteeFacts = { id: "mentee-open", name: "Oli", teamId: "eng", wants: [] };
    const ranked = rankMentors(open, [
      // 1 free 2 + Ops 5 = 7.
      candidate("Kai", { ...OPS, offers: [PYTHON] }),
      // 3 free 6 + same team 0 = 6; evidence is not counted without wanted skills.
      candidate("Lou", { ...ENG, maxMentees: 3, evidence: { posts: 5, skills: ["Go"] } }),
      // 3 free 6 + Design 5 = 11.
      candidate("Mo", { ...DESIGN, maxMentees: 4, activeMentees: 1 }),
    ]);
    // Top 11, band >= 8: Mo alone.
    expect(ranked.map((s) => [s.name, s.score])).toEqual([
      ["Mo", 11],
      ["Kai", 7],
      ["Lou", 6],
    ]);
    expect(
      ranked.every((s) => s.parts.every((p) => p.kind === "capacity" || p.kind === "team")),
    ).toBe(true);
  });

  it("words the parts in the singular when there is one", () => {
    const one: MenteeFacts = { id: "mentee-one", name: "Sam", teamId: null, wants: [REACT] };
    const [only] = rankMentors(one, [
      candidate("Ty", {
        offers: [REACT],
        evidence: { acceptedAnswers: 1, sessions: 1, skills: ["React"] },
      }),
    ]);
    expect(only!.parts.map((p) => [p.points, p.text])).toEqual([
      [10, "Offers the skill Sam wants: React"],
      [8, "Shown in the community: 1 accepted answer and 1 session hosted on React"],
      [2, "Has 1 of 1 place free"],
    ]);

    const two: MenteeFacts = { ...one, wants: [REACT, GO] };
    const [both] = rankMentors(two, [
      candidate("Ty", { evidence: { posts: 2, skills: ["Go", "React"] } }),
    ]);
    // The skills are listed in the mentee's order.
    expect(both!.parts[0]!.text).toBe("Shown in the community: 2 knowledge posts on React and Go");
  });

  describe("near-tie band", () => {
    // Ana wants React and Testing.
    const mentee = (id: string): MenteeFacts => ({
      id,
      name: "Ana",
      teamId: "eng",
      wants: [REACT, TESTING],
    });
    const candidates = [
      // Kim: 20 + 3 free 6 + Design 5 = 31 (the top).
      candidate("Kim", { ...DESIGN, maxMentees: 3, offers: [REACT, TESTING] }),
      // Lee: 20 + 2 free 4 + Ops 5 = 29 (in the band: >= 28).
      candidate("Lee", { ...OPS, maxMentees: 2, offers: [REACT, TESTING] }),
      // Max: 20 + 1 accepted answer 3 + 3 free 6 + same team 0 = 29 (in the band).
      candidate("Max", {
        ...ENG,
        maxMentees: 3,
        offers: [REACT, TESTING],
        evidence: { acceptedAnswers: 1, skills: ["React"] },
      }),
      // Ned: 20 + 1 free 2 + Ops 5 = 27: just outside the band, always fourth.
      candidate("Ned", { ...OPS, offers: [REACT, TESTING] }),
    ];
    const order = (menteeId: string, input = candidates) =>
      rankMentors(mentee(menteeId), input).map((s) => s.name);

    it("orders the band by mentee, so that two mentees see different first choices", () => {
      // The FNV-1a hashes of the pairs put Max, Kim, Lee for mentee-1 and Lee, Kim, Max
      // for mentee-4.
      expect(order("mentee-1")).toEqual(["Max", "Kim", "Lee", "Ned"]);
      expect(order("mentee-4")).toEqual(["Lee", "Kim", "Max", "Ned"]);
      const ranked = rankMentors(mentee("mentee-1"), candidates);
      expect(ranked.map((s) => [s.name, s.score, s.nearTop])).toEqual([
        ["Max", 29, true],
        ["Kim", 31, true],
        ["Lee", 29, true],
        ["Ned", 27, false],
      ]);
    });

    it("gives the same mentee the same order every time, whatever the input order", () => {
      const first = order("mentee-7");
      expect(order("mentee-7")).toEqual(first);
      expect(order("mentee-7", [...candidates].reverse())).toEqual(first);
      expect(first[3]).toBe("Ned");
    });

    it("spreads the first choice over the near-equal mentors", () => {
      const firsts = new Set(Array.from({ length: 30 }, (_, index) => order(`mentee-${index}`)[0]));
      expect(firsts).toEqual(new Set(["Kim", "Lee", "Max"]));
    });

    it("does not mark a top mentor alone in the band", () => {
      const ranked = rankMentors(mentee("mentee-1"), [candidates[0]!, candidates[3]!]);
      expect(ranked.map((s) => [s.name, s.nearTop])).toEqual([
        ["Kim", false],
        ["Ned", false],
      ]);
    });
  });
});
