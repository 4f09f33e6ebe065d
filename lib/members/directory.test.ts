import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/core/pagination/cursor";
import { skillSlug } from "@/lib/core/vocabulary";
import { unique } from "@/test/factories";
import { createMemberWithProfile, createTeam } from "@/test/factories-members";
import {
  findMembers,
  parseDirectoryParams,
  toDirectoryQuery,
  type DirectoryQuery,
} from "./directory";

function query(params: Record<string, string>): DirectoryQuery {
  const parsed = parseDirectoryParams(params);
  if (!parsed) throw new Error(`bad params ${JSON.stringify(params)}`);
  const result = toDirectoryQuery(parsed);
  if (!result) throw new Error(`bad cursor ${params.cursor}`);
  return result;
}

async function names(params: Record<string, string>) {
  const page = await findMembers(query(params));
  return page.items.map((m) => m.name);
}

async function inSequence<T>(steps: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (const step of steps) results.push(await step());
  return results;
}

/** Follows "Next page" until the end; returns every member id in the order shown. */
async function allPages(params: Record<string, string>, pageSize: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await findMembers(query(cursor ? { ...params, cursor } : params), pageSize);
    ids.push(...page.items.map((m) => m.id));
    if (!page.nextCursor) return { ids, pages: pages + 1 };
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("member directory search", () => {
  it("finds members by a prefix of their name, across words", async () => {
    const tag = unique("z");
    await createMemberWithProfile({ name: `${tag}ana Ferreira` });
    await createMemberWithProfile({ name: `${tag}ana Bloggs` });
    await createMemberWithProfile({ name: `${tag}bob Ferreira` });
    expect(await names({ q: `${tag}an` })).toEqual([`${tag}ana Bloggs`, `${tag}ana Ferreira`]);
    expect(await names({ q: `${tag.toUpperCase()}ANA fer` })).toEqual([`${tag}ana Ferreira`]);
  });

  it("finds members by skill, title and team, ranking name matches first", async () => {
    const tag = unique("q");
    const team = await createTeam(`${tag}team Ops`);
    await createMemberWithProfile({
      name: `Title Match ${unique()}`,
      title: `${tag}word engineer`,
    });
    await createMemberWithProfile({ name: `${tag}word Named` });
    await createMemberWithProfile({
      name: `Skill Match ${unique()}`,
      offers: [`${tag}word craft`],
    });
    await createMemberWithProfile({ name: `Team Match ${unique()}`, team });

    const found = await names({ q: `${tag}word` });
    expect(found).toHaveLength(3);
    expect(found[0]).toBe(`${tag}word Named`);
    expect(found[1]).toMatch(/^Skill Match/); // skills weigh more than titles
    expect(found[2]).toMatch(/^Title Match/);
    expect(await names({ q: `${tag}team` })).toEqual([expect.stringMatching(/^Team Match/)]);
  });

  it("keeps dotted skills such as Node.js searchable", async () => {
    const tag = unique("n");
    await createMemberWithProfile({ name: `${tag} Dev`, offers: [`${tag}node.js`] });
    expect(await names({ q: `${tag}node.js` })).toEqual([`${tag} Dev`]);
    expect(await names({ q: `${tag}node` })).toEqual([`${tag} Dev`]);
  });

  it("filters by skill offered, skill wanted and team (by slug), with or without a search", async () => {
    const tag = unique("f");
    const skill = `${tag} Rust`;
    const team = await createTeam(`${tag} Platform`);
    const teacher = await createMemberWithProfile({
      name: `${tag} Teacher`,
      offers: [skill],
      team,
    });
    const learner = await createMemberWithProfile({ name: `${tag} Learner`, wants: [skill] });
    await createMemberWithProfile({ name: `${tag} Other` });

    const ids = async (params: Record<string, string>) =>
      (await findMembers(query(params))).items.map((m) => m.id);
    expect(await ids({ offered: skillSlug(skill) })).toEqual([teacher.id]);
    expect(await ids({ wanted: skillSlug(skill) })).toEqual([learner.id]);
    expect(await ids({ team: team.slug })).toEqual([teacher.id]);
    expect(await ids({ q: tag, offered: skillSlug(skill) })).toEqual([teacher.id]);
    expect(await ids({ q: tag, wanted: skillSlug(skill), team: team.slug })).toEqual([]);
    expect(await ids({ offered: `no-such-skill-${tag}` })).toEqual([]);
  });

  it("shows each member's title, team and skills", async () => {
    const tag = unique("c");
    const team = await createTeam(`${tag} Design`);
    await createMemberWithProfile({
      name: `${tag} Card`,
      title: "Designer",
      team,
      offers: [`${tag} Figma`],
      wants: [`${tag} SQL`],
    });
    const [card] = (await findMembers(query({ q: tag }))).items;
    expect(card).toMatchObject({
      name: `${tag} Card`,
      title: "Designer",
      team: { name: team.name, slug: team.slug },
      deactivated: false,
      offered: [{ name: `${tag} Figma`, slug: skillSlug(`${tag} Figma`) }],
      wanted: [{ name: `${tag} SQL`, slug: skillSlug(`${tag} SQL`) }],
    });
  });

  it("leaves out deactivated members", async () => {
    const tag = unique("d");
    const team = await createTeam(`${tag} Team`);
    await createMemberWithProfile({ name: `${tag} Active`, team });
    await createMemberWithProfile({ name: `${tag} Gone`, team, status: "DEACTIVATED" });
    expect(await names({ q: tag })).toEqual([`${tag} Active`]);
    expect(await names({ team: team.slug })).toEqual([`${tag} Active`]);
  });

  it.each([
    `"c++ & (|`,
    "'",
    "\\",
    ":*",
    "!!",
    "a <-> b",
    '\'; DROP TABLE "User"; --',
    "(((",
    "...",
    "&|!",
    "é:*",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  ])("does not throw on stray symbols: %j", async (q) => {
    await expect(findMembers(query({ q }))).resolves.toHaveProperty("items");
  });

  it("finds C++ people by the letters of the search", async () => {
    const tag = unique("p");
    await createMemberWithProfile({ name: `${tag} Coder`, offers: ["C++"] });
    expect(await names({ q: `"c++ ${tag}` })).toEqual([`${tag} Coder`]);
  });
});

describe("member directory pagination", () => {
  it("returns every member exactly once across pages, in name order (ties broken by id)", async () => {
    const team = await createTeam();
    const names = ["Ava", "Ava", "Ava", "Ben", "Cleo", "Dev", "Dev", "Eli", "Fay", "Gus", "Hal"];
    const created = await inSequence(
      names.map((name) => () => createMemberWithProfile({ name, team })),
    );
    const { ids, pages } = await allPages({ team: team.slug }, 4);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(created.length);
    expect([...ids].sort()).toEqual(created.map((m) => m.id).sort());
    const byId = new Map(created.map((m) => [m.id, m.name]));
    expect(ids.map((id) => byId.get(id))).toEqual([...names].sort());
  });

  it("pages through search results by rank without repeats or gaps", async () => {
    const tag = unique("r");
    const created = await inSequence([
      ...Array.from(
        { length: 4 },
        (_, i) => () => createMemberWithProfile({ name: `${tag} Name ${i}` }),
      ),
      ...Array.from(
        { length: 4 },
        (_, i) => () => createMemberWithProfile({ name: `Skilled ${i}`, offers: [`${tag} skill`] }),
      ),
      ...Array.from(
        { length: 3 },
        (_, i) => () => createMemberWithProfile({ name: `Titled ${i}`, title: `${tag} lead` }),
      ),
    ]);
    const { ids, pages } = await allPages({ q: tag }, 3);
    expect(pages).toBe(4);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(created.map((m) => m.id).sort());
    // Name matches first, then skill matches, then title matches: the order they were created.
    expect(ids).toEqual(created.map((m) => m.id));
  });

  it("rejects a malformed cursor, or one from the other kind of listing", async () => {
    const parse = (params: Record<string, string>) =>
      toDirectoryQuery(parseDirectoryParams(params)!);
    expect(parse({ cursor: "not-a-cursor" })).toBeNull();
    expect(parse({ cursor: encodeCursor([1, 2]) })).toBeNull();
    expect(parse({ q: "ann", cursor: encodeCursor(["Ann", "c123"]) })).toBeNull();
    expect(parse({ q: "ann", cursor: encodeCursor(["0.5", "Ann", "c123"]) })).not.toBeNull();
    expect(parse({ cursor: encodeCursor(["Ann", "c123"]) })).not.toBeNull();
  });
});

describe("parseDirectoryParams", () => {
  it("ignores empty values and takes the first of repeated ones", () => {
    expect(parseDirectoryParams({ q: ["ann", "bob"], offered: "", team: undefined })).toEqual({
      q: "ann",
    });
  });

  it("rejects malformed filters", () => {
    expect(parseDirectoryParams({ offered: "has spaces" })).toBeNull();
    expect(parseDirectoryParams({ team: "x".repeat(81) })).toBeNull();
  });
});
