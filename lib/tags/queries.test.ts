import { describe, expect, it } from "vitest";
import { encodeCursor, InvalidCursor } from "@/lib/core/pagination/cursor";
import { createMember, unique } from "@/test/factories";
import { createDiscussion, createPost, createTag, followTag } from "@/test/factories-content";
import { getTag, listTags, suggestTags } from "./queries";

describe("listTags", () => {
  it("counts visible discussions and published posts, and marks the tags I follow", async () => {
    const prefix = unique("lt");
    const [member, tag, quiet] = [
      await createMember(),
      await createTag(`${prefix} Testing`),
      await createTag(`${prefix} Quiet`),
    ];
    const tags = [tag];
    await createDiscussion({ tags });
    await createDiscussion({ tags });
    await createDiscussion({ tags, hiddenAt: new Date() });
    await createDiscussion({ tags, deletedAt: new Date() });
    await createDiscussion({ tags, hiddenAt: new Date(), deletedAt: new Date() });
    await createPost({ tags });
    await createPost({ tags, status: "DRAFT" });
    await createPost({ tags, hiddenAt: new Date() });
    await createPost({ tags, deletedAt: new Date() });
    await createPost({ tags, status: "DRAFT", hiddenAt: new Date() });
    await followTag(member.id, tag.id);

    const page = await listTags(member, { q: prefix });
    expect(page).toEqual({
      nextCursor: null,
      items: [
        {
          id: quiet.id,
          name: quiet.name,
          slug: quiet.slug,
          discussionCount: 0,
          postCount: 0,
          following: false,
        },
        {
          id: tag.id,
          name: tag.name,
          slug: tag.slug,
          discussionCount: 2,
          postCount: 1,
          following: true,
        },
      ],
    });
    expect((await listTags(await createMember(), { q: prefix })).items[1]?.following).toBe(false);
  });

  it("filters by the start of the name, however it is typed, and pages alphabetically", async () => {
    const prefix = unique("pg");
    for (const name of ["Delta", "Alpha", "Charlie", "Bravo", "Echo"]) {
      await createTag(`${prefix} ${name}`);
    }
    const member = await createMember();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listTags(member, { q: `  #${prefix.toUpperCase()} `, cursor }, 2);
      seen.push(...page.items.map((tag) => tag.name.split(" ")[1]!));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
    expect((await listTags(member, { q: `${prefix} c` })).items.map((t) => t.name)).toEqual([
      `${prefix} Charlie`,
    ]);
  });

  it("treats a malformed cursor as an invalid page", async () => {
    const member = await createMember();
    for (const cursor of ["nonsense", encodeCursor([1]), encodeCursor([""])]) {
      await expect(listTags(member, { cursor })).rejects.toBeInstanceOf(InvalidCursor);
    }
  });
});

describe("getTag", () => {
  it("finds a tag by its slug, and nothing for an unknown one", async () => {
    const member = await createMember();
    const tag = await createTag(`C# ${unique()}`);
    expect(await getTag(tag.slug, member.id)).toEqual({
      id: tag.id,
      name: tag.name,
      slug: tag.slug,
      following: false,
    });
    await followTag(member.id, tag.id);
    expect(await getTag(tag.slug, member.id)).toMatchObject({ following: true });
    expect(await getTag(`${tag.slug}-nope`, member.id)).toBeNull();
    expect(await getTag("", member.id)).toBeNull();
    expect(await getTag("x".repeat(300), member.id)).toBeNull();
  });
});

describe("suggestTags", () => {
  it("suggests up to ten tags that start like what was typed", async () => {
    const prefix = unique("sg");
    for (let i = 0; i < 12; i++) await createTag(`${prefix}-${String(i).padStart(2, "0")}`);
    const suggestions = await suggestTags(prefix.toUpperCase());
    expect(suggestions).toHaveLength(10);
    expect(suggestions[0]).toEqual({ name: `${prefix}-00`, slug: `${prefix}-00` });
    expect(await suggestTags("   ")).toEqual([]);
    expect(await suggestTags("%_")).toEqual([]);
  });
});
