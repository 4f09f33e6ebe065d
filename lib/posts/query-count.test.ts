// The posts list and a post page load in a fixed number of SQL statements,
// however many posts, authors, tags and comments there are.
import { describe, expect, it } from "vitest";
import { statementCounter } from "@/test/count-statements";
import { createMember } from "@/test/factories";
import { createComment, createPost, createTag } from "@/test/factories-posts";
import { getPostComments, getPostPage, listPosts, pinnedPosts, relatedPosts } from "./queries";

const countStatements = statementCounter();

async function postsByManyAuthors(count: number, tagIds: string[]) {
  const authors = await Promise.all(Array.from({ length: count }, () => createMember()));
  return Promise.all(authors.map((author) => createPost(author.id, { tagIds })));
}

describe("query counts", () => {
  it("loads the list and its pinned block in the same few statements at any size", async () => {
    const tags = await Promise.all([createTag(), createTag(), createTag()]);
    const tagIds = tags.map((tag) => tag.id);
    const viewer = await createMember();
    const loadList = () => Promise.all([listPosts({ viewer }), pinnedPosts({ viewer })]);
    await postsByManyAuthors(3, tagIds);
    const few = await countStatements(loadList);
    await postsByManyAuthors(20, tagIds);
    const many = await countStatements(loadList);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(8);
  });

  it("loads a post with its comments and related posts in the same few statements", async () => {
    const viewer = await createMember();
    const tags = await Promise.all([createTag(), createTag()]);
    const tagIds = tags.map((tag) => tag.id);
    const [post] = await postsByManyAuthors(2, tagIds);
    const loadPage = () =>
      Promise.all([
        getPostPage(viewer, post!.id),
        getPostComments(viewer, post!.id),
        relatedPosts(viewer, post!.id),
      ]);
    const commenters = await Promise.all(Array.from({ length: 12 }, () => createMember()));
    await createComment(post!.id, commenters[0]!.id);
    const few = await countStatements(loadPage);
    for (const commenter of commenters) await createComment(post!.id, commenter.id);
    await postsByManyAuthors(8, tagIds);
    const many = await countStatements(loadPage);
    expect(many).toBe(few);
    // The post, its tags, author, the viewer's vote and bookmark, comments, related.
    expect(many).toBeLessThanOrEqual(9);
  });
});
