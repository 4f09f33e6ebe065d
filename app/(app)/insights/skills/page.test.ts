// The skills gap page: leaders and admins only (a member is refused, a signed-out visitor is
// sent to sign in), and a malformed URL shows the default view rather than failing.
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createLeader, createMember } from "@/test/factories";
import { accessFallbackStatus, redirectTarget } from "@/test/next-errors";
import { signedInAs } from "@/test/session";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pathname": "/insights/skills" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

// forbidden() is on in next.config.js (experimental.authInterrupts), which tests do not load.
vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");

const { default: SkillsGapPage } = await import("./page");

const open = (query: Record<string, string | string[]> = {}) =>
  SkillsGapPage({ searchParams: Promise.resolve(query) });

async function refusal(query: Record<string, string> = {}) {
  try {
    await open(query);
  } catch (error) {
    return { status: accessFallbackStatus(error), redirect: redirectTarget(error) };
  }
  return null;
}

beforeEach(() => signedInAs(null));

describe("/insights/skills", () => {
  it("sends a signed-out visitor to sign in", async () => {
    expect((await refusal())?.redirect).toMatch(/^\/signin/);
  });

  it("refuses a member", async () => {
    signedInAs(await createMember());
    expect((await refusal())?.status).toBe(403);
  });

  it("shows a leader the default view for malformed parameters", async () => {
    signedInAs(await createLeader());
    const html = renderToStaticMarkup(await open({ sort: ["'; drop", "x"], team: "%00<script>" }));
    expect(html).toContain("<h1");
    expect(html).toContain("Skills gap");
    expect(html).toContain('aria-current="page" class="font-semibold">Biggest gap</span>');
  });
});
