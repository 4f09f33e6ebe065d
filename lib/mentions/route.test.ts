// GET /api/mentions (app/api/mentions/route.ts): the editor's @mention autocomplete.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMember, unique } from "@/test/factories";
import { signedInAs } from "@/test/session";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));

const { GET } = await import("@/app/api/mentions/route");

const get = (q: string) =>
  GET(new NextRequest(`http://localhost/api/mentions?q=${encodeURIComponent(q)}`));

beforeEach(() => {
  signedInAs(null);
});

describe("GET /api/mentions", () => {
  it("refuses a signed-out visitor", async () => {
    expect((await get("a")).status).toBe(401);
  });

  it("suggests active members whose name starts with the typed words", async () => {
    const viewer = await createMember();
    signedInAs(viewer);
    const surname = unique("Zed");
    const active = await createMember({ name: `Mira ${surname}`, title: "Tester" });
    await createMember({ name: `Milo ${surname}`, status: "DEACTIVATED" });
    const response = await get(`mi ${surname.slice(0, 6)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      members: [{ id: active.id, name: active.name, title: "Tester" }],
    });
    expect(await (await get("   ")).json()).toEqual({ members: [] });
  });

  it("rejects an over-long query", async () => {
    const viewer = await createMember();
    signedInAs(viewer);
    expect((await get("x".repeat(101))).status).toBe(400);
  });
});
