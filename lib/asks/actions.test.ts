// The asks' and knowledge requests' server actions are public POST endpoints: signed out they
// redirect to sign-in; as a member who may not act (not the asked member, an outsider of a
// private community) or with malformed input they are refused. Nothing changes either way.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { createQuestion, createTag } from "@/test/factories-discussions";
import { createPrivateCommunity } from "@/test/factories-communities";
import { createPost } from "@/test/factories-posts";
import { form } from "@/test/form-data";
import { signedInAs } from "@/test/session";
import * as requestActions from "@/lib/knowledge-requests/actions";
import * as actions from "./actions";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pathname": "/requests" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

async function expectSignInRedirect(result: Promise<unknown>) {
  const error = await result.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect((error as { digest?: string } | null)?.digest ?? "").toContain("/signin");
}

const NEW_TITLE = `A new request ${unique()}`;

/** Everything the actions could change for this file's rows (other files run alongside). */
async function snapshot(ids: { question: string; request: string }) {
  return {
    asks: await testDb.ask.findMany({
      where: { OR: [{ discussionId: ids.question }, { requestId: ids.request }] },
      select: { id: true, status: true },
    }),
    request: await testDb.knowledgeRequest.findUnique({
      where: { id: ids.request },
      select: { status: true, voteCount: true },
    }),
    votes: await testDb.knowledgeRequestVote.count({ where: { requestId: ids.request } }),
    created: await testDb.knowledgeRequest.count({ where: { title: NEW_TITLE } }),
  };
}

describe("asks and requests actions", () => {
  let ids: { question: string; ask: string; request: string; post: string; insider: string };

  beforeEach(async () => {
    const [asker, helper, insider] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    const community = await createPrivateCommunity({
      memberIds: [asker.id, helper.id, insider.id],
    });
    const tag = await createTag(`Topic${unique()}`);
    const question = await createQuestion(asker.id, {
      tagIds: [tag.id],
      communityId: community.id,
    });
    const ask = await testDb.ask.create({
      data: { discussionId: question.id, askedMemberId: helper.id, reasons: [], score: 1 },
    });
    const request = await testDb.knowledgeRequest.create({
      data: { title: "We need a post", details: "", requesterId: asker.id },
    });
    const post = await createPost(helper.id);
    ids = {
      question: question.id,
      ask: ask.id,
      request: request.id,
      post: post.id,
      insider: insider.id,
    };
  });

  const calls = () => [
    () => actions.findHelpersAction(null, form({ discussionId: ids.question })),
    () => actions.passAskAction(null, form({ askId: ids.ask })),
    () => actions.suggestOtherAction(null, form({ askId: ids.ask, memberId: ids.insider })),
    () => actions.routeRequestAction(null, form({ requestId: ids.request })),
    () => requestActions.createRequestAction(null, form({ title: NEW_TITLE, details: "" })),
    () => requestActions.voteOnRequestAction(null, form({ requestId: ids.request, vote: "on" })),
    () =>
      requestActions.fulfilRequestAction(null, form({ requestId: ids.request, postId: ids.post })),
  ];

  it("redirects every action to sign-in when signed out, changing nothing", async () => {
    signedInAs(null);
    const before = await snapshot(ids);
    for (const call of calls()) await expectSignInRedirect(call());
    expect(await snapshot(ids)).toEqual(before);
  });

  it("refuses an outsider of the private community and someone else's ask", async () => {
    signedInAs(await createMember());
    const before = await snapshot(ids);
    const results = await Promise.all(
      calls()
        .slice(0, 3)
        .map((call) => call()),
    );
    for (const result of results) expect(result).toMatchObject({ ok: false });
    expect(
      await requestActions.fulfilRequestAction(
        null,
        form({ requestId: ids.request, postId: ids.post }),
      ),
    ).toMatchObject({
      ok: false,
    });
    expect(await snapshot(ids)).toEqual(before);
  });

  it("refuses malformed input beside its field", async () => {
    signedInAs(await createMember());
    const before = await snapshot(ids);
    const bad = [
      actions.findHelpersAction(null, form({ discussionId: "not an id" })),
      actions.passAskAction(null, form({})),
      actions.suggestOtherAction(null, form({ askId: ids.ask, memberId: "x\u0000" })),
      actions.routeRequestAction(null, form({ requestId: "'; DROP TABLE" })),
      requestActions.createRequestAction(null, form({ title: "", details: "x".repeat(5000) })),
      requestActions.voteOnRequestAction(null, form({ requestId: ids.request, vote: "twice" })),
      requestActions.fulfilRequestAction(null, form({ requestId: ids.request, postId: "" })),
    ];
    for (const result of await Promise.all(bad)) {
      expect(result).toMatchObject({ ok: false, fieldErrors: expect.any(Object) });
    }
    expect(await snapshot(ids)).toEqual(before);
  });
});
