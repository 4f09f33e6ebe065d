// GET /api/tags (app/api/tags/route.ts): the tag input's autocomplete.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMember, unique } from "@/test/factories";
import { createTag } from "@/test/factories-content";
import { signedInAs } from "@/test/session";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));

const { GET } = await import("@/app/api/tags/route");

const get = (q: string) =>
  GET(new NextRequest(`http://localhost/api/tags?q=${encodeURIComponent(q)}`));

beforeEach(() => {
  signedInAs(null);
});

describe("GET /api/tags", () => {
  it("refuses a signed-out visitor", async () => {
    const response = await get("a");
    expect(response.status).toBe(401);
  });

  it("suggests up to ten tags by prefix, as { name, slug }", async () => {
    const member = await createMember();
    signedInAs(member);
    const prefix = unique("api");
    const tag = await createTag(`${prefix} Pairing`);
    const response = await get(prefix.toUpperCase());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tags: [{ name: tag.name, slug: tag.slug }] });
  });

  it("rejects an over-long query", async () => {
    const member = await createMember();
    signedInAs(member);
    expect((await get("x".repeat(101))).status).toBe(400);
  });
});
