// Knowledge requests against the real database: create (field errors), vote and unvote (the
// count in step), fulfil with the author's own published post (closes it, answers their ask),
// and routing a request to colleagues by its tags.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { createSkill } from "@/test/factories-members";
import { createPost } from "@/test/factories-posts";
import { routeRequest } from "@/lib/asks/respond";
import { createRequest, fulfilRequest, voteOnRequest } from "./requests";
import { getRequest, listRequests } from "./queries";

const member = (m: { id: string }) => ({ id: m.id, role: "MEMBER" as const });

async function newRequest(tags = "") {
  const requester = await createMember();
  const result = await createRequest(member(requester), {
    title: `We need a post on ${unique()}`,
    details: "What to do when it breaks.",
    tags,
  });
  expect(result.ok).toBe(true);
  return { requester, id: result.ok ? result.data!.id : "" };
}

describe("knowledge requests", () => {
  it("creates a request with its tags, and refuses a bad one beside its field", async () => {
    const tag = `Req${unique()}`;
    const { id } = await newRequest(tag);
    const row = await testDb.knowledgeRequest.findUnique({
      where: { id },
      include: { tags: { include: { tag: true } } },
    });
    expect(row).toMatchObject({ status: "OPEN", voteCount: 0 });
    expect(row!.tags.map((t) => t.tag.name)).toEqual([tag]);

    const before = await testDb.knowledgeRequest.count();
    const bad = await createRequest(member(await createMember()), {
      title: "x",
      details: "\u0000",
    });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { title: [expect.any(String)], details: [expect.any(String)] },
    });
    expect(await testDb.knowledgeRequest.count()).toBe(before);
  });

  it("counts one vote per member and takes it back", async () => {
    const { id } = await newRequest();
    const [a, b] = [await createMember(), await createMember()];
    await voteOnRequest(member(a), { requestId: id, vote: "on" });
    await voteOnRequest(member(a), { requestId: id, vote: "on" });
    await voteOnRequest(member(b), { requestId: id, vote: "on" });
    expect((await testDb.knowledgeRequest.findUnique({ where: { id } }))!.voteCount).toBe(2);
    await voteOnRequest(member(a), { requestId: id, vote: "off" });
    expect((await testDb.knowledgeRequest.findUnique({ where: { id } }))!.voteCount).toBe(1);
    const page = await listRequests({ sort: "newest" });
    expect(page.items.some((item) => item.id === id)).toBe(true);
  });

  it("is fulfilled by its author's published post only, which closes it and answers their ask", async () => {
    const name = `Topic${unique()}`;
    const { id, requester } = await newRequest(name);
    const writer = await createMember();
    const skill = await createSkill(name);
    await testDb.memberSkill.create({
      data: { userId: writer.id, skillId: skill.id, kind: "OFFERED" },
    });
    const voter = await createMember();
    await voteOnRequest(member(voter), { requestId: id, vote: "on" });
    const routed = await routeRequest(member(voter), { requestId: id });
    expect(routed).toMatchObject({ ok: true, data: { names: [writer.name] } });
    // The request's page shows the asked member their ask and why; nobody else sees one.
    const asked = (await getRequest(id, writer.id))!.myAsk;
    expect(asked).toMatchObject({ status: "ASKED", askedByName: voter.name });
    expect(asked!.reasons.map((reason) => reason.text).join(" ")).toContain(name);
    expect((await getRequest(id, voter.id))!.myAsk).toBeNull();
    expect((await getRequest(id, requester.id))!.myAsk).toBeNull();

    const someoneElses = await createPost(voter.id);
    const draft = await createPost(writer.id, { status: "DRAFT" });
    for (const postId of [someoneElses.id, draft.id]) {
      expect(await fulfilRequest(member(writer), { requestId: id, postId })).toMatchObject({
        ok: false,
        fieldErrors: { postId: [expect.any(String)] },
      });
    }
    expect((await testDb.knowledgeRequest.findUnique({ where: { id } }))!.status).toBe("OPEN");

    const post = await createPost(writer.id);
    expect(await fulfilRequest(member(writer), { requestId: id, postId: post.id })).toMatchObject({
      ok: true,
    });
    expect(await testDb.knowledgeRequest.findUnique({ where: { id } })).toMatchObject({
      status: "FULFILLED",
      fulfilledByPostId: post.id,
    });
    expect(
      await testDb.ask.findFirst({ where: { requestId: id, askedMemberId: writer.id } }),
    ).toMatchObject({
      status: "ANSWERED",
    });
    const told = await testDb.notification.findMany({
      where: { kind: "request.fulfilled", data: { path: ["requestId"], equals: id } },
      select: { recipientId: true },
    });
    expect(told.map((n) => n.recipientId).sort()).toEqual([requester.id, voter.id].sort());
    expect(await fulfilRequest(member(writer), { requestId: id, postId: post.id })).toMatchObject({
      ok: false,
    });
    expect(await voteOnRequest(member(writer), { requestId: id, vote: "on" })).toMatchObject({
      ok: false,
    });
  });
});
