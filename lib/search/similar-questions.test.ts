// Similar questions for a title being typed: lib/search/similar-questions.ts and its route,
// GET /api/discussions/similar.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMember, unique } from "@/test/factories";
import { createDiscussion, createQuestion } from "@/test/factories-discussions";
import { signedInAs } from "@/test/session";
import { similarQuestions } from "./similar-questions";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));

const { GET } = await import("@/app/api/discussions/similar/route");

const get = (q: string) =>
  GET(new NextRequest(`http://localhost/api/discussions/similar?q=${encodeURIComponent(q)}`));

/** A made-up word no other test's text holds (letters only, so it is one lexeme). */
const word = () =>
  unique("zq")
    .replace(/[0-9]/g, (digit) => "abcdefghij"[Number(digit)]!)
    .toLowerCase();

beforeEach(() => {
  signedInAs(null);
});

/** A member of no community: finds everything but private communities' questions. */
const viewer = { id: "similar-reader", role: "MEMBER" as const };

describe("similarQuestions", () => {
  it("finds a question by a couple of its title's words among others", async () => {
    const author = await createMember();
    const [first, second] = [word(), word()];
    const question = await createQuestion(author.id, {
      title: `How do we ${first} the ${second} rollout?`,
      replyCount: 3,
    });
    const found = await similarQuestions(viewer, `${second} and ${first} ${word()}`);
    expect(found).toEqual([
      {
        id: question.id,
        title: question.title,
        kind: "QUESTION",
        answered: false,
        replyCount: 3,
      },
    ]);
  });

  it("ranks a question above a discussion with the same words, and more shared words higher", async () => {
    const author = await createMember();
    const [a, b] = [word(), word()];
    const discussion = await createDiscussion(author.id, { title: `Notes on ${a} and ${b}` });
    const question = await createQuestion(author.id, { title: `Any advice on ${a} and ${b}?` });
    const partial = await createQuestion(author.id, { title: `Anyone using ${a}?` });
    const found = await similarQuestions(viewer, `${a} ${b}`);
    expect(found.map((q) => q.id)).toEqual([question.id, discussion.id, partial.id]);
  });

  it("matches a hyphenated word as the index holds it", async () => {
    const author = await createMember();
    const compound = `${word()}-and-${word()}`;
    const question = await createQuestion(author.id, { title: `Who runs the ${compound} now?` });
    expect((await similarQuestions(viewer, `${compound} ${word()}`)).map((q) => q.id)).toEqual([
      question.id,
    ]);
  });

  it("leaves out hidden and deleted discussions", async () => {
    const author = await createMember();
    const topic = word();
    const visible = await createQuestion(author.id, { title: `Where to start with ${topic}?` });
    await createQuestion(author.id, { title: `Hidden ${topic} question`, hiddenAt: new Date() });
    await createQuestion(author.id, { title: `Deleted ${topic} question`, deletedAt: new Date() });
    expect((await similarQuestions(viewer, `${topic} ${word()}`)).map((q) => q.id)).toEqual([
      visible.id,
    ]);
  });

  it("gives at most five", async () => {
    const author = await createMember();
    const topic = word();
    for (let i = 0; i < 7; i += 1) {
      await createQuestion(author.id, { title: `Question ${i} about ${topic}` });
    }
    expect(await similarQuestions(viewer, `${topic} ${word()}`)).toHaveLength(5);
  });

  it("gives nothing for text without searchable words, and never raises on symbols", async () => {
    expect(await similarQuestions(viewer, "")).toEqual([]);
    expect(await similarQuestions(viewer, "  !!! ??? ")).toEqual([]);
    expect(await similarQuestions(viewer, "the and of")).toEqual([]);
    await expect(
      similarQuestions(viewer, `it's & | ! ( :* \\ ' "quoted" -minus or`),
    ).resolves.toEqual(expect.any(Array));
  });
});

describe("GET /api/discussions/similar", () => {
  it("refuses a signed-out visitor", async () => {
    const response = await get("how do we run retros");
    expect(response.status).toBe(401);
  });

  it("answers a member with the similar questions, uncached", async () => {
    const author = await createMember();
    const topic = word();
    const question = await createQuestion(author.id, { title: `How do you learn ${topic}?` });
    signedInAs(author);
    const response = await get(`${topic} ${word()}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await response.json()).toEqual({
      questions: [expect.objectContaining({ id: question.id, answered: false })],
    });
    expect((await get("x".repeat(201))).status).toBe(400);
  });
});
