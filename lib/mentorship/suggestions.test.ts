// Mentor suggestions end to end against the database. Every test wants skills named with a
// unique suffix, so mentors created by other test files never match (a mentor needs a
// wanted skill or evidence in one to be suggested).
import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { NotFound } from "@/lib/core/forms/errors";
import { statementCounter } from "@/test/count-statements";
import { createAdmin, createLeader, createMember, unique } from "@/test/factories";
import {
  acceptReply,
  createDiscussion,
  createPost,
  createReply,
  createTag,
} from "@/test/factories-content";
import { createMemberWithProfile, createTeam } from "@/test/factories-members";
import {
  createMentee,
  createMentor,
  createMentorRequest,
  createPairing,
  setMentorshipProfile,
} from "@/test/factories-mentorship";
import { createPastSession, createSession } from "@/test/factories-sessions";
import { mentorSuggestions } from "./suggestions";

const countStatements = statementCounter();

const HOUR = 3_600_000;

/** An accepted answer by `authorId` in a new discussion with `tags`. */
async function acceptedAnswer(
  authorId: string,
  tags: { id: string }[],
  overrides: {
    reply?: { hiddenAt?: Date; deletedAt?: Date };
    discussion?: { deletedAt?: Date };
  } = {},
) {
  const discussion = await createDiscussion({ kind: "QUESTION", tags, ...overrides.discussion });
  const reply = await createReply(discussion.id, { authorId, ...overrides.reply });
  await acceptReply(discussion.id, reply.id);
  return reply;
}

describe("mentorSuggestions", () => {
  it("ranks mentors with their skills, community evidence, capacity and team", async () => {
    const admin = await createAdmin();
    const [design, eng] = [await createTeam(), await createTeam()];
    const alpha = `Alpha ${unique()}`;
    const beta = `Beta ${unique()}`;
    const [alphaTag, betaTag] = [await createTag(alpha), await createTag(beta)];
    const mentee = await createMentee({
      name: `Ana ${unique()}`,
      team: eng,
      wants: [beta, alpha],
      goals: "Ship a design system",
    });
    const older = await createMentorRequest(mentee.id, {
      createdAt: new Date(Date.now() - 9 * 24 * HOUR),
    });
    await createMentorRequest(mentee.id, { createdAt: new Date(Date.now() - 2 * 24 * HOUR) });
    await createMentorRequest(mentee.id, {
      status: "WITHDRAWN",
      createdAt: new Date(Date.now() - 30 * 24 * HOUR),
    });

    // Bea offers Alpha; 1 accepted answer (3) + 1 post tagged Alpha and Beta (4) + 1 session
    // whose title names Alpha (5) = 12; 3 of 3 places free 6; Design vs Engineering 5.
    // 10 + 12 + 6 + 5 = 33.
    const bea = await createMentor({
      name: `Bea ${unique()}`,
      title: "Staff designer",
      team: design,
      offers: [alpha],
      maxMentees: 3,
    });
    await acceptedAnswer(bea.id, [alphaTag]);
    await createPost({ authorId: bea.id, tags: [alphaTag, betaTag] });
    await createPastSession([await createMember().then((m) => m.id), bea.id], {
      title: `Intro to ${alpha.toUpperCase()}`,
    });
    // None of these count: a hidden or deleted accepted answer, an answer in a deleted
    // discussion, a reply that is not accepted, a draft, hidden or deleted post, an
    // untagged post, a cancelled session, and a session that names Alpha only as part of a word.
    await acceptedAnswer(bea.id, [alphaTag], { reply: { hiddenAt: new Date() } });
    await acceptedAnswer(bea.id, [alphaTag], { reply: { deletedAt: new Date() } });
    await acceptedAnswer(bea.id, [alphaTag], { discussion: { deletedAt: new Date() } });
    const open = await createDiscussion({ tags: [alphaTag] });
    await createReply(open.id, { authorId: bea.id });
    await createPost({ authorId: bea.id, tags: [alphaTag], status: "DRAFT" });
    await createPost({ authorId: bea.id, tags: [alphaTag], hiddenAt: new Date() });
    await createPost({ authorId: bea.id, tags: [alphaTag], deletedAt: new Date() });
    await createPost({ authorId: bea.id });
    await createSession([bea.id], { title: `All about ${alpha}`, status: "CANCELLED" });
    await createSession([bea.id], { description: `Not quite ${alpha}x or x${alpha}` });

    // Cal offers both: 20; 2 of 2 free 4; same team 0 = 24.
    const cal = await createMentor({
      name: `Cal ${unique()}`,
      team: eng,
      offers: [alpha, beta],
      maxMentees: 2,
    });
    // Dee offers Beta and hosts an upcoming session whose description names it: 10 + 5;
    // 1 of 2 free 2 (one active pairing with someone else); no team = 17.
    const dee = await createMentor({ name: `Dee ${unique()}`, offers: [beta], maxMentees: 2 });
    await createPairing(dee.id, (await createMember()).id);
    await createSession([dee.id], { description: `Pairing on ${beta.toLowerCase()}, live` });
    // Eve offers something else only: not suggested.
    await createMentor({ name: `Eve ${unique()}`, team: design, offers: [`Other ${unique()}`] });

    const { mentee: info, suggestions } = await mentorSuggestions(admin, mentee.id);
    expect(info).toEqual({
      id: mentee.id,
      name: mentee.name,
      teamName: eng.name,
      wants: [alpha, beta],
      goals: "Ship a design system",
      waitingSince: older.createdAt,
      requestId: older.id,
    });
    // Top 33, band >= 30: Bea alone, then by score.
    expect(suggestions.map((s) => [s.mentorId, s.score, s.nearTop])).toEqual([
      [bea.id, 33, false],
      [cal.id, 24, false],
      [dee.id, 17, false],
    ]);
    const first = mentee.name;
    expect(suggestions[0]).toEqual({
      mentorId: bea.id,
      name: bea.name,
      title: "Staff designer",
      teamName: design.name,
      score: 33,
      parts: [
        { kind: "skills", points: 10, text: `Offers 1 of the 2 skills ${first} wants: ${alpha}` },
        {
          kind: "evidence",
          points: 12,
          text: `Shown in the community: 1 accepted answer, 1 knowledge post and 1 session hosted on ${alpha} and ${beta}`,
        },
        { kind: "capacity", points: 6, text: "Has 3 of 3 places free" },
        {
          kind: "team",
          points: 5,
          text: `Works in ${design.name}, a different team from ${first}'s: cross-team learning`,
        },
      ],
      freeSeats: 3,
      activeMentees: 0,
      maxMentees: 3,
      matchedSkills: [alpha],
      nearTop: false,
    });
    expect(suggestions[2]!.parts.map((p) => p.text)).toEqual([
      `Offers 1 of the 2 skills ${first} wants: ${beta}`,
      `Shown in the community: 1 session hosted on ${beta}`,
      "Has 1 of 2 places free",
    ]);
    expect(suggestions[2]!.activeMentees).toBe(1);

    const top = await mentorSuggestions(admin, mentee.id, 1);
    expect(top.suggestions.map((s) => s.mentorId)).toEqual([bea.id]);
  });

  it("matches a session by the skill's name as a whole word, symbols and all", async () => {
    const admin = await createAdmin();
    const cpp = `C++ ${unique()}`;
    const node = `Node.js ${unique()}`;
    const mentee = await createMentee({ wants: [cpp, node] });
    const host = await createMentor();
    await createSession([host.id], { title: `Modern ${cpp.toLowerCase()} in practice` });
    // "." must match a dot only, and "C++" must not match "C" followed by anything.
    await createSession([host.id], { title: node.replace(".", "x") });
    await createSession([host.id], { title: cpp.replace("++", "xx") });

    const { suggestions } = await mentorSuggestions(admin, mentee.id);
    expect(suggestions.map((s) => [s.mentorId, s.parts[0]!.text])).toEqual([
      [host.id, `Shown in the community: 1 session hosted on ${cpp}`],
    ]);
  });

  it("leaves out the mentee, current mentors, deactivated members and full mentors", async () => {
    const admin = await createAdmin();
    const skill = `Skill ${unique()}`;
    const mentee = await createMentee({ wants: [skill], offers: [skill] });
    // The mentee is open to mentoring too, and offers what they want.
    await setMentorshipProfile(mentee.id, { openToMentor: true, maxMentees: 3 });
    const other = await createMember();

    const free = await createMentor({ offers: [skill] });
    const current = await createMentor({ offers: [skill], maxMentees: 3 });
    await createPairing(current.id, mentee.id);
    const pausedWith = await createMentor({ offers: [skill], maxMentees: 3 });
    await createPairing(pausedWith.id, mentee.id, { status: "PAUSED" });
    const former = await createMentor({ offers: [skill] });
    await createPairing(former.id, mentee.id, { status: "COMPLETED" });
    const deactivated = await createMentor({ offers: [skill], status: "DEACTIVATED" });
    const full = await createMentor({ offers: [skill], maxMentees: 2 });
    await createPairing(full.id, other.id);
    await createPairing(full.id, (await createMember()).id);
    const fullWithPaused = await createMentor({ offers: [skill] });
    await createPairing(fullWithPaused.id, other.id, { status: "PAUSED" });
    const freedByEnd = await createMentor({ offers: [skill] });
    await createPairing(freedByEnd.id, other.id, { status: "ENDED" });
    const notOpen = await createMemberWithProfile({ offers: [skill] });
    const closed = await createMentor({ offers: [skill] });
    await setMentorshipProfile(closed.id, { openToMentor: false });

    const { suggestions } = await mentorSuggestions(admin, mentee.id, 50);
    const ids = suggestions.map((s) => s.mentorId);
    expect(new Set(ids)).toEqual(new Set([free.id, former.id, freedByEnd.id]));
    for (const excluded of [
      mentee,
      current,
      pausedWith,
      deactivated,
      full,
      fullWithPaused,
      notOpen,
      closed,
    ]) {
      expect(ids).not.toContain(excluded.id);
    }
  });

  it("is for admins only, and unknown or deactivated mentees are not found", async () => {
    const mentee = await createMentee({ wants: [`Skill ${unique()}`] });
    await expect(mentorSuggestions(await createLeader(), mentee.id)).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    await expect(mentorSuggestions(await createMember(), mentee.id)).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    await expect(mentorSuggestions(mentee, mentee.id)).rejects.toBeInstanceOf(PermissionDenied);

    const admin = await createAdmin();
    await expect(mentorSuggestions(admin, `missing-${unique()}`)).rejects.toBeInstanceOf(NotFound);
    const gone = await createMentee({ status: "DEACTIVATED" });
    await expect(mentorSuggestions(admin, gone.id)).rejects.toBeInstanceOf(NotFound);
  });

  it("gives a mentee without wanted skills a waiting date of null and ranks by capacity and team", async () => {
    const admin = await createAdmin();
    const mentee = await createMentee({ team: await createTeam() });
    const { mentee: info, suggestions } = await mentorSuggestions(admin, mentee.id, 5);
    expect(info).toMatchObject({ wants: [], goals: "", waitingSince: null, requestId: null });
    // Other files' mentors may appear here; every part is capacity or team.
    for (const suggestion of suggestions) {
      expect(suggestion.parts.every((p) => p.kind === "capacity" || p.kind === "team")).toBe(true);
    }
  });

  it("loads in two statements however many candidates there are", async () => {
    const admin = await createAdmin();
    const skill = `Skill ${unique()}`;
    const tag = await createTag(skill);
    const mentee = await createMentee({ wants: [skill], team: await createTeam() });
    await createMentorRequest(mentee.id);
    const addMentors = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const mentor = await createMentor({
          offers: [skill],
          team: await createTeam(),
          maxMentees: 3,
        });
        await acceptedAnswer(mentor.id, [tag]);
        await createPost({ authorId: mentor.id, tags: [tag] });
        await createSession([mentor.id], { title: `${skill} clinic` });
        await createPairing(mentor.id, (await createMember()).id);
      }
    };

    await addMentors(2);
    const few = await countStatements(() => mentorSuggestions(admin, mentee.id, 50));
    await addMentors(6);
    let result: Awaited<ReturnType<typeof mentorSuggestions>> | undefined;
    const many = await countStatements(async () => {
      result = await mentorSuggestions(admin, mentee.id, 50);
    });
    expect(result!.suggestions).toHaveLength(8);
    // 10 + 3 + 4 + 5 + 2 of 3 free 4 + another team 5 = 31 each: all in the band.
    expect(result!.suggestions.every((s) => s.score === 31 && s.nearTop)).toBe(true);
    expect(few).toBe(2);
    expect(many).toBe(2);
  });
});
