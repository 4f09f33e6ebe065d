// The skills gap on a small hand-built data set: exact counts, the gap order, the team filter,
// the private-community rule for counts and titles, the quarters, the permission and the
// URL's parameters.
import { beforeAll, describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { acceptReply, createDiscussion, createPost, createReply } from "@/test/factories-content";
import { createPrivateCommunity } from "@/test/factories-communities";
import { createTeam } from "@/test/factories-members";
import { createPairing } from "@/test/factories-mentorship";
import {
  createKnowledgeRequest,
  createSkillWithTag,
  createTaggedSession,
  declareSkill,
} from "@/test/factories-skills";
import { testDb } from "@/test/db";
import { mentorRequestNotePrefill } from "@/lib/mentorship/request-prefill";
import { proposalPrefill } from "@/lib/proposals/prefill";
import {
  lastQuarters,
  loadSkillsGap,
  mentoringHref,
  sessionProposalHref,
  skillsGapParamsSchema,
  type SkillsGap,
  type SkillsGapParams,
} from "./skills-gap";

const DAY = 86_400_000;
const DEFAULT: SkillsGapParams = { sort: "gap" };

interface World {
  skillId: string;
  scarceId: string;
  teamA: { slug: string };
  privateQuestionTitle: string;
  publicQuestionTitle: string;
  privateSessionTitle: string;
  hosts: { t1: string; h1: string };
}

let world: World;

async function build(): Promise<World> {
  const quarters = lastQuarters(new Date());
  const teamA = await createTeam();
  const teamB = await createTeam();
  const { skill, tag } = await createSkillWithTag();
  const member = (name: string, teamId?: string) => createMember({ name, teamId });
  const w1 = await member("Wanda One", teamA.id);
  const w2 = await member("Wanda Two", teamA.id);
  const w3 = await member("Wanda Three", teamB.id);
  const t1 = await member("Teo Teacher", teamA.id);
  const a1 = await member("Ada Answerer", teamB.id);
  const p1 = await member("Pia Poster", teamA.id);
  const h1 = await member("Hal Host");
  const x1 = await member("Xena Private");
  const gone = await createMember({ name: "Gone Wanter", status: "DEACTIVATED" });
  for (const wanter of [w1, w2, w3, gone]) await declareSkill(wanter.id, skill.id, "WANTED");
  await declareSkill(t1.id, skill.id, "OFFERED");

  // An accepted answer (by a1) to a question asked two quarters ago, accepted now.
  const q1 = await createDiscussion({
    authorId: w1.id,
    kind: "QUESTION",
    tags: [tag],
    createdAt: new Date(quarters[1]!.from.getTime() + DAY),
  });
  const answer = await createReply(q1.id, { authorId: a1.id });
  await acceptReply(q1.id, answer.id);
  // Published posts: p1's two quarters ago, t1's now; a draft counts for nobody.
  await createPost({
    authorId: p1.id,
    tags: [tag],
    publishedAt: new Date(quarters[1]!.from.getTime() + 2 * DAY),
  });
  await createPost({ authorId: t1.id, tags: [tag] });
  await createPost({ authorId: w2.id, tags: [tag], status: "DRAFT" });
  // A session h1 hosted, tagged through its notes.
  await createTaggedSession(h1.id, tag);
  // Open questions: one public (by w2), one in a private community, one deleted.
  const open = await createDiscussion({ authorId: w2.id, kind: "QUESTION", tags: [tag] });
  const community = await createPrivateCommunity({ memberIds: [x1.id] });
  const secret = await createDiscussion({ authorId: x1.id, kind: "QUESTION", tags: [tag] });
  await testDb.discussion.update({ where: { id: secret.id }, data: { communityId: community.id } });
  await createDiscussion({ kind: "QUESTION", tags: [tag], deletedAt: new Date() });
  // x1 shows the skill inside the private community only (a post and a session).
  const privatePost = await createPost({ authorId: x1.id, tags: [tag] });
  await testDb.knowledgePost.update({
    where: { id: privatePost.id },
    data: { communityId: community.id },
  });
  const privateSession = await createTaggedSession(x1.id, tag, { communityId: community.id });
  // Requests: one open (by w3), one fulfilled.
  await createKnowledgeRequest(w3.id, tag);
  await createKnowledgeRequest(w1.id, tag, "FULFILLED");
  // A pairing on the skill: the mentee wants it, the mentor teaches it.
  await createPairing(t1.id, w1.id);

  // A scarce skill: five want it, nobody teaches or has shown it.
  const scarce = await createSkillWithTag();
  for (let i = 0; i < 5; i += 1) {
    await declareSkill((await createMember()).id, scarce.skill.id, "WANTED");
  }

  return {
    skillId: skill.id,
    scarceId: scarce.skill.id,
    teamA,
    privateQuestionTitle: secret.title,
    publicQuestionTitle: open.title,
    privateSessionTitle: privateSession.title,
    hosts: { t1: t1.id, h1: h1.id },
  };
}

beforeAll(async () => {
  world = await build();
});

const rowOf = (gap: SkillsGap, id: string) => gap.skills.find((row) => row.id === id)!;

describe("the skills gap figures", () => {
  it("counts wanted, teach, shown, open questions and requests exactly (an admin reads all)", async () => {
    const gap = await loadSkillsGap(testDb, await createAdmin(), DEFAULT);
    const row = rowOf(gap, world.skillId);
    expect({
      wanted: row.wanted,
      teach: row.teach,
      shown: row.shown,
      supply: row.supply,
      openQuestions: row.openQuestions,
      openRequests: row.openRequests,
      gap: row.gap,
    }).toEqual({
      // w1, w2, w3 (not the deactivated member)
      wanted: 3,
      teach: 1,
      // a1 (answer), p1 and t1 (posts), h1 (session), x1 (private post and session)
      shown: 5,
      // t1 teaches and has shown it: counted once
      supply: 5,
      openQuestions: 2,
      openRequests: 1,
      gap: 3 - 5 + 2 + 1,
    });
    expect(row.questions.map((q) => q.title).sort()).toEqual(
      [world.publicQuestionTitle, world.privateQuestionTitle].sort(),
    );
    // t1 (teaches: 2, a post: 1) ties with x1 (a post, a session: 2) and comes first by name.
    expect(row.hosts[0]!.id).toBe(world.hosts.t1);
    expect(row.hosts.map((h) => h.id)).toContain(world.hosts.h1);
    expect(row.hosts[0]).toMatchObject({ teaches: true, posts: 1, answers: 0, sessions: 0 });
    expect(row.hosts).toHaveLength(3);
  });

  it("leaves a private community's content out of a non-member leader's counts and titles", async () => {
    const gap = await loadSkillsGap(testDb, await createLeader(), DEFAULT);
    const row = rowOf(gap, world.skillId);
    expect(row.shown).toBe(4);
    expect(row.openQuestions).toBe(1);
    expect(row.questions.map((q) => q.title)).toEqual([world.publicQuestionTitle]);
    expect(row.gap).toBe(3 - 4 + 1 + 1);
    const sessions = gap.quarters[world.skillId]!.flatMap((q) => q.sessions.map((s) => s.title));
    expect(sessions).not.toContain(world.privateSessionTitle);
  });

  it("ranks the biggest gap first, and sorts by name on ?sort=name", async () => {
    const admin = await createAdmin();
    const byGap = await loadSkillsGap(testDb, admin, DEFAULT);
    const ids = byGap.skills.map((row) => row.id);
    expect(ids.indexOf(world.scarceId)).toBeLessThan(ids.indexOf(world.skillId));
    expect(rowOf(byGap, world.scarceId)).toMatchObject({ wanted: 5, supply: 0, gap: 5 });
    for (const [a, b] of byGap.skills.slice(1).map((row, i) => [byGap.skills[i]!, row])) {
      expect(a!.gap).toBeGreaterThanOrEqual(b!.gap);
    }
    const byName = await loadSkillsGap(testDb, admin, { sort: "name" });
    const names = byName.skills.map((row) => row.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("counts one team's members, questions and requests with ?team=", async () => {
    const gap = await loadSkillsGap(testDb, await createAdmin(), {
      sort: "gap",
      team: world.teamA.slug,
    });
    expect(gap.team?.slug).toBe(world.teamA.slug);
    const row = rowOf(gap, world.skillId);
    expect(row).toMatchObject({
      wanted: 2,
      teach: 1,
      shown: 2,
      supply: 2,
      openQuestions: 1,
      openRequests: 0,
      gap: 1,
    });
  });

  it("shows the last four quarters: shown, open questions, sessions and pairings", async () => {
    const gap = await loadSkillsGap(testDb, await createAdmin(), DEFAULT);
    const quarters = gap.quarters[world.skillId]!;
    expect(quarters.map((q) => q.label)).toEqual(lastQuarters(new Date()).map((q) => q.label));
    expect(quarters.map((q) => q.shown)).toEqual([0, 1, 0, 4]);
    // q1 was open at the end of the two quarters before its answer; now q2 and the private one.
    expect(quarters.map((q) => q.openQuestions)).toEqual([0, 1, 1, 2]);
    expect(quarters.map((q) => q.sessions.length)).toEqual([0, 0, 0, 2]);
    expect(quarters.map((q) => q.pairingsStarted)).toEqual([0, 0, 0, 1]);
  });
});

describe("who may read it, and the URL", () => {
  it("refuses a member", async () => {
    await expect(loadSkillsGap(testDb, await createMember(), DEFAULT)).rejects.toThrow(
      PermissionDenied,
    );
  });

  it("reads malformed parameters as the default view", async () => {
    expect(skillsGapParamsSchema.parse({ sort: "drop table", team: "a b\u0000" })).toEqual({
      sort: "gap",
    });
    expect(skillsGapParamsSchema.parse({})).toEqual({ sort: "gap" });
    const unknownTeam = await loadSkillsGap(testDb, await createAdmin(), {
      sort: "gap",
      team: "no-such-team",
    });
    expect(unknownTeam.team).toBeNull();
    expect(rowOf(unknownTeam, world.skillId).wanted).toBe(3);
  });
});

describe("the one-click links", () => {
  it("fills the proposal form with the skill, its figures and the hosts' reasons", async () => {
    const gap = await loadSkillsGap(testDb, await createAdmin(), DEFAULT);
    const row = rowOf(gap, world.skillId);
    const url = new URL(sessionProposalHref(row), "http://localhost");
    expect(url.pathname).toBe("/sessions/proposals/new");
    const prefill = proposalPrefill(Object.fromEntries(url.searchParams));
    expect(prefill.title).toBe(`${row.name}: a session to close the gap`);
    expect(prefill.why).toContain(`3 members want to learn ${row.name}`);
    expect(prefill.why).toContain("- Teo Teacher: says they can teach it, 1 published post");
    expect(prefill.why).toContain("Hal Host: 1 session hosted");
  });

  it("names the skill in the mentor request's note", () => {
    const url = new URL(mentoringHref({ name: "C# & .NET" }), "http://localhost");
    expect(mentorRequestNotePrefill(Object.fromEntries(url.searchParams))).toBe(
      "I'd like a mentor to help me learn C# & .NET.",
    );
  });
});
