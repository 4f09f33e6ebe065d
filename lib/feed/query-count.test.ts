// The home feed and search load in a fixed number of SQL statements, however
// much content matches.
import { describe, expect, it } from "vitest";
import { runSearch } from "@/lib/search/search";
import { searchPageSchema } from "@/lib/search/schemas";
import { statementCounter } from "@/test/count-statements";
import { createMember, unique } from "@/test/factories";
import {
  createDiscussion,
  createPost,
  createReply,
  createTag,
  followTag,
} from "@/test/factories-content";
import { homeFeed } from "./queries";

const countStatements = statementCounter();

async function content(count: number, word: string, tag: { id: string }) {
  for (let index = 0; index < count; index++) {
    const discussion = await createDiscussion({
      title: `About ${word} number ${index}`,
      kind: index % 2 ? "QUESTION" : "DISCUSSION",
      tags: [tag],
    });
    await createReply(discussion.id, { body: `A reply on ${word}` });
    await createPost({ title: `Notes on ${word} ${index}`, tags: [tag] });
  }
}

describe("query counts", () => {
  it("loads the home feed in one statement at any size", async () => {
    const member = await createMember();
    const tag = await createTag();
    await followTag(member.id, tag.id);
    const word = unique("feed");
    await content(2, word, tag);
    const few = await countStatements(() => homeFeed(member));
    await content(10, word, tag);
    const many = await countStatements(() => homeFeed(member));
    expect(many).toBe(few);
    expect(many).toBe(1);
  });

  it("searches every type in the same few statements at any size", async () => {
    const tag = await createTag();
    const word = unique("zq");
    const viewer = await createMember();
    const search = () => runSearch(searchPageSchema.parse({ q: word }), { viewer });
    await content(2, word, tag);
    const few = await countStatements(search);
    await content(10, word, tag);
    const many = await countStatements(search);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(5);
  });
});
