// The mentoring page's request form, prefilled from a link (the skills gap's "Ask for
// mentoring"): ?learn=<skill> starts the note; an unfit value leaves it empty; nothing is saved.
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMember } from "@/test/factories";
import { testDb } from "@/test/db";
import { signedInAs } from "@/test/session";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pathname": "/mentorship" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ push: () => undefined, refresh: () => undefined }),
}));

const { default: MentoringPage } = await import("./page");

const render = async (query: Record<string, string>) =>
  renderToStaticMarkup(await MentoringPage({ searchParams: Promise.resolve(query) }));

beforeEach(() => signedInAs(null));

describe("/mentorship?learn=", () => {
  it("starts the request's note with the skill, and saves nothing", async () => {
    const member = await createMember();
    signedInAs(member);
    const html = await render({ learn: "Kubernetes" });
    expect(html).toContain("I&#x27;d like a mentor to help me learn Kubernetes.</textarea>");
    expect(await testDb.mentorRequest.count({ where: { menteeId: member.id } })).toBe(0);
  });

  it("leaves the note empty for an unfit skill name", async () => {
    signedInAs(await createMember());
    const html = await render({ learn: "x".repeat(101) });
    expect(html).not.toContain("help me learn");
  });
});
