// The topic proposal form prefilled from a link (the skills gap's "Propose a session"): fitting
// values start the form, unfit ones are dropped, and opening the page writes nothing.
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMember } from "@/test/factories";
import { testDb } from "@/test/db";
import { signedInAs } from "@/test/session";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pathname": "/sessions/proposals/new" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

const { default: ProposeTopicPage } = await import("./page");

const render = async (query: Record<string, string>) =>
  renderToStaticMarkup(await ProposeTopicPage({ searchParams: Promise.resolve(query) }));

beforeEach(() => signedInAs(null));

describe("/sessions/proposals/new?title=&why=", () => {
  it("starts the form with the link's title and reason, and saves nothing", async () => {
    const member = await createMember();
    signedInAs(member);
    const html = await render({
      title: "Rust: a session to close the gap",
      why: "3 members want to learn Rust.\n\n- Teo Teacher: says they can teach it",
    });
    expect(html).toContain('value="Rust: a session to close the gap"');
    expect(html).toContain("- Teo Teacher: says they can teach it");
    expect(await testDb.topicProposal.count({ where: { proposerId: member.id } })).toBe(0);
  });

  it("drops a title with a line break and a reason with a control character", async () => {
    signedInAs(await createMember());
    const html = await render({ title: "Quokka\nbasics", why: "Zebrafish\u0000why" });
    expect(html).not.toContain("Quokka");
    expect(html).not.toContain("Zebrafish");
  });
});
