// GET /api/posts (app/api/posts/route.ts): the pre-reading picker's suggestions.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMember, unique } from "@/test/factories";
import { createPost } from "@/test/factories-posts";
import { signedInAs } from "@/test/session";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));

const { GET } = await import("@/app/api/posts/route");

const get = (q: string) =>
  GET(new NextRequest(`http://localhost/api/posts?q=${encodeURIComponent(q)}`));

beforeEach(() => {
  signedInAs(null);
});

describe("GET /api/posts", () => {
  it("refuses a signed-out visitor", async () => {
    expect((await get("a")).status).toBe(401);
  });

  it("suggests published posts by a word's prefix, never drafts or hidden ones", async () => {
    const author = await createMember();
    signedInAs(author);
    const word = unique("zebrafish").toLowerCase();
    const published = await createPost(author.id, { title: `Caring for ${word} tanks` });
    await createPost(author.id, { title: `Draft on ${word}`, status: "DRAFT" });
    await createPost(author.id, { title: `Hidden ${word}`, hiddenAt: new Date() });
    const response = await get(word.slice(0, 12));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { posts: { id: string }[] };
    expect(body.posts.map((post) => post.id)).toEqual([published.id]);
    expect(await (await get(" !! ")).json()).toEqual({ posts: [] });
  });

  it("rejects an over-long query", async () => {
    const member = await createMember();
    signedInAs(member);
    expect((await get("x".repeat(101))).status).toBe(400);
  });
});
