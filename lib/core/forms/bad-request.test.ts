// Bad input that used to reach the database or Next.js's own request handling and answer
// 500. A NUL byte in a URL (a path segment, a query value, a page cursor) reaches no query; a
// server action called with JSON, without a form or with a body over its limit is a 4xx.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createLeader, createMember } from "@/test/factories";
import { isAccessFallbackError } from "@/test/next-errors";
import { signedInAs } from "@/test/session";
import {
  decodeCursor,
  decodeCursorOrThrow,
  encodeCursor,
  InvalidCursor,
} from "@/lib/core/pagination/cursor";
import { listQueryOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { firstValues } from "@/lib/core/pagination/search-params";
import { getTag } from "@/lib/tags/queries";
import { ACTION_BODY_LIMIT_BYTES } from "./limits.cjs";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-pathname": "/" }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));

const { proxy } = await import("@/proxy");
const apiRoutes = {
  tags: (await import("@/app/api/tags/route")).GET,
  skills: (await import("@/app/api/skills/route")).GET,
  mentions: (await import("@/app/api/mentions/route")).GET,
  posts: (await import("@/app/api/posts/route")).GET,
};
const { GET: sessionIcs } = await import("@/app/(app)/sessions/[id]/ics/route");
const { GET: feedbackCsv } = await import("@/app/(app)/sessions/[id]/feedback.csv/route");
const { GET: surveyCsv } = await import("@/app/(app)/insights/surveys/[id]/results.csv/route");
const { GET: openNotification } = await import("@/app/(app)/notifications/[id]/open/route");
const { GET: replyLink } = await import("@/app/(app)/discussions/[id]/replies/[replyId]/route");
const { GET: calendarFeed } = await import("@/app/calendar/[feed]/route");
const { createDiscussionAction } = await import("@/lib/discussions/actions");
const { updateProfileAction } = await import("@/lib/members/actions");
const { createPostAction } = await import("@/lib/posts/actions");

beforeEach(() => signedInAs(null));

/** What a route or page answers: its Response, or the status Next.js gives what it threw. */
async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run();
    return result instanceof Response ? result.status : 200;
  } catch (error) {
    if (isAccessFallbackError(error)) return 404;
    throw error;
  }
}

describe("a NUL byte or a control character in a URL", () => {
  it("the autocomplete APIs answer 400, not a database error", async () => {
    signedInAs(await createLeader());
    for (const [name, GET] of Object.entries(apiRoutes)) {
      for (const q of ["ab\u0000", "\u0000", "ab\u001bcd"]) {
        const request = new NextRequest(`http://localhost/api/${name}?q=${encodeURIComponent(q)}`);
        expect({ name, q, status: (await GET(request)).status }).toEqual({ name, q, status: 400 });
      }
    }
  });

  it("the route handlers named by an id answer 404", async () => {
    const leader = await createLeader();
    signedInAs(leader);
    const request = new NextRequest("http://localhost/x");
    for (const id of ["\u0000", "cm0abc\u0000", "abc\ndef"]) {
      const params = Promise.resolve({ id });
      expect(await statusOf(() => sessionIcs(request, { params }))).toBe(404);
      expect(await statusOf(() => feedbackCsv(request, { params }))).toBe(404);
      expect(await statusOf(() => surveyCsv(request, { params }))).toBe(404);
      expect(await statusOf(() => openNotification(request, { params }))).toBe(404);
      expect(
        await statusOf(() =>
          replyLink(request, { params: Promise.resolve({ id: "cm0abcdefgh", replyId: id }) }),
        ),
      ).toBe(404);
      expect(
        await statusOf(() =>
          calendarFeed(request, { params: Promise.resolve({ feed: `${id}.ics` }) }),
        ),
      ).toBe(404);
    }
  });

  it("a tag page's slug with a control character names no tag", async () => {
    const member = await createMember();
    for (const slug of ["\u0000", "testing\u0000", "a\nb"]) {
      expect(await getTag(slug, member.id)).toBeNull();
    }
  });

  it("a page cursor holding a control character is malformed (first page, or 404)", () => {
    const key = z.tuple([z.string(), z.string()]);
    const tampered = encodeCursor(["Ada\u0000", "cm0abc"]);
    expect(decodeCursor(tampered, key)).toBeNull();
    expect(() => decodeCursorOrThrow(tampered, key)).toThrow(InvalidCursor);
    expect(decodeCursor(encodeCursor(["Ada", "cm0abc"]), key)).toEqual(["Ada", "cm0abc"]);
  });

  it("a query value holding a control character reads as absent, and a list page is a 404", async () => {
    expect(firstValues({ q: "a\u0000", tab: "sent", cursor: ["\u0000", "x"] })).toEqual({
      q: undefined,
      tab: "sent",
      cursor: undefined,
    });
    const schema = z.object({ q: z.string().optional() });
    expect(
      await statusOf(async () => {
        await listQueryOrNotFound(Promise.resolve({ q: "a\u0000" }), schema);
        return new Response(null, { status: 200 });
      }),
    ).toBe(404);
  });

  it("the proxy answers a page path holding a control character with the 404 page", () => {
    for (const path of ["/tags/%00", "/sessions/%00", "/members/abc%0Adef", "/posts/%7F"]) {
      const response = proxy(new NextRequest(`http://localhost${path}`));
      expect(response.status).toBe(404);
      expect(response.headers.get("x-middleware-rewrite")).toMatch(/\/not-found$/);
    }
    const ok = proxy(new NextRequest("http://localhost/tags/c%23"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-middleware-rewrite")).toBeNull();
  });
});

describe("a server action called with something else than its form", () => {
  const post = (headers: Record<string, string>) =>
    proxy(
      new NextRequest("http://localhost/discussions/new", {
        method: "POST",
        headers: { "next-action": "7f00aa", origin: "http://localhost", ...headers },
      }),
    );

  it("the proxy refuses JSON (415), a body over the limit (413) or of unknown size (411), and only those", () => {
    expect(post({ "content-type": "application/json", "content-length": "20" }).status).toBe(415);
    expect(
      post({ "content-type": "application/x-www-form-urlencoded", "content-length": "9" }).status,
    ).toBe(415);
    const over = String(ACTION_BODY_LIMIT_BYTES + 1);
    const multipart = "multipart/form-data; boundary=----x";
    expect(post({ "content-type": multipart, "content-length": over }).status).toBe(413);
    expect(
      post({ "content-type": "text/plain;charset=UTF-8", "content-length": over }).status,
    ).toBe(413);
    expect(post({ "content-type": multipart }).status).toBe(411);
    // A form posted without JavaScript carries no Next-Action header: the same limit.
    const noScript = proxy(
      new NextRequest("http://localhost/discussions/new", {
        method: "POST",
        headers: { "content-type": multipart, "content-length": over },
      }),
    );
    expect(noScript.status).toBe(413);
    // The app's own requests, FormData or arguments encoded as text, up to the limit, go on.
    const size = String(ACTION_BODY_LIMIT_BYTES);
    for (const type of ["multipart/form-data; boundary=----x", "text/plain;charset=UTF-8"]) {
      const response = post({ "content-type": type, "content-length": size });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
  });

  it("an action given JSON-like arguments instead of FormData answers 404, logging no error", async () => {
    signedInAs(await createMember());
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const argument of [undefined, null, { title: "Hi" }, "title=Hi", ["cm0abcdefgh"]]) {
      for (const action of [createDiscussionAction, updateProfileAction, createPostAction]) {
        const call = () => action(null, argument as unknown as FormData) as Promise<unknown>;
        await expect(call()).rejects.toSatisfy(isAccessFallbackError);
      }
    }
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
