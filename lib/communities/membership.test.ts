// Every community action tried as each kind of actor — signed out, non-member, member of
// another community, member, lead, admin — with well-formed and malformed input: refused
// means nothing changed; allowed means the membership, the member count and the audit trail
// all moved together.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createCommunity, createPrivateCommunity } from "@/test/factories-communities";
import { form } from "@/test/form-data";
import { signedInAs } from "@/test/session";
import { PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { NotFound } from "@/lib/core/forms/errors";
import { joinCommunityAction, inviteMemberAction } from "./actions";
import { archiveCommunity, createCommunity as startCommunity, updateCommunity } from "./manage";
import {
  answerInvitation,
  cancelInvitation,
  decideRequest,
  inviteMember,
  joinCommunity,
  leaveCommunity,
  removeMember,
  requestToJoin,
  setFollowing,
  setMemberRole,
  withdrawRequest,
} from "./membership";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

beforeEach(() => signedInAs(null));

/** Everything a refused action must leave as it was. */
async function snapshot(communityId: string) {
  const [community, memberships, audits, notices] = await Promise.all([
    testDb.community.findUniqueOrThrow({ where: { id: communityId } }),
    testDb.communityMembership.findMany({
      where: { communityId },
      orderBy: { memberId: "asc" },
      select: { memberId: true, role: true, status: true, following: true },
    }),
    testDb.auditLog.count({ where: { entityId: communityId } }),
    testDb.notification.count({ where: { kind: "community.membership" } }),
  ]);
  return { community, memberships, audits, notices };
}

async function activeCount(communityId: string) {
  return testDb.communityMembership.count({ where: { communityId, status: "ACTIVE" } });
}

async function expectCountInStep(communityId: string) {
  const community = await testDb.community.findUniqueOrThrow({ where: { id: communityId } });
  expect(community.memberCount).toBe(await activeCount(communityId));
}

/** A by-request community A (a lead, a member, a pending request, an invitation) and an actor of each kind. */
async function world() {
  const [lead, member, asker, invitee, outsider, otherMember, admin, target] = await Promise.all([
    createMember(),
    createMember(),
    createMember(),
    createMember(),
    createMember(),
    createMember(),
    createAdmin(),
    createMember(),
  ]);
  const community = await createCommunity({
    access: "BY_REQUEST",
    leadIds: [lead.id],
    memberIds: [member.id, target.id],
  });
  await createCommunity({ leadIds: [otherMember.id] });
  await testDb.communityMembership.createMany({
    data: [
      { communityId: community.id, memberId: asker.id, status: "REQUESTED" },
      { communityId: community.id, memberId: invitee.id, status: "INVITED" },
    ],
  });
  return { community, lead, member, asker, invitee, outsider, otherMember, admin, target };
}

type World = Awaited<ReturnType<typeof world>>;

/** The leads' actions, each with well-formed input for the world. */
const MANAGER_ACTIONS: [
  string,
  (actor: Actor, input: unknown) => Promise<unknown>,
  (w: World) => object,
][] = [
  ["approve a request", decideRequest, (w) => ({ memberId: w.asker.id, decision: "approve" })],
  ["decline a request", decideRequest, (w) => ({ memberId: w.asker.id, decision: "decline" })],
  ["invite", inviteMember, (w) => ({ memberId: w.outsider.id })],
  ["withdraw an invitation", cancelInvitation, (w) => ({ memberId: w.invitee.id })],
  ["remove a member", removeMember, (w) => ({ memberId: w.target.id })],
  ["promote a member", setMemberRole, (w) => ({ memberId: w.target.id, role: "LEAD" })],
  [
    "change settings",
    updateCommunity,
    () => ({ name: "Renamed guild", purpose: "A new purpose for us", access: "OPEN" }),
  ],
  ["archive", archiveCommunity, () => ({})],
];

describe.each(MANAGER_ACTIONS)("a lead's action: %s", (_name, service, inputOf) => {
  it("is refused to a non-member, a member of another community and a member; nothing changes", async () => {
    const w = await world();
    const before = await snapshot(w.community.id);
    for (const actor of [w.outsider, w.otherMember, w.member, w.asker]) {
      await expect(
        service(actor, { communityId: w.community.id, ...inputOf(w) }),
      ).rejects.toBeInstanceOf(PermissionDenied);
    }
    expect(await snapshot(w.community.id)).toEqual(before);
  });

  it("refuses malformed input, even to a lead, and changes nothing", async () => {
    const w = await world();
    const before = await snapshot(w.community.id);
    for (const bad of [
      {},
      { communityId: "x\u0000y", ...inputOf(w) },
      { ...inputOf(w), communityId: "nope" },
      {
        communityId: w.community.id,
        ...inputOf(w),
        memberId: "nope",
        role: "OWNER",
        decision: "maybe",
        name: "",
      },
    ].slice(0, service === archiveCommunity ? 3 : 4)) {
      expect(await service(w.lead, bad)).toMatchObject({ ok: false });
    }
    expect(await snapshot(w.community.id)).toEqual(before);
  });

  it.each(["lead", "admin"] as const)(
    "is done by a %s, with an audit entry and the count in step",
    async (who) => {
      const w = await world();
      const before = await snapshot(w.community.id);
      expect(await service(w[who], { communityId: w.community.id, ...inputOf(w) })).toMatchObject({
        ok: true,
      });
      const after = await snapshot(w.community.id);
      expect(after.audits).toBe(before.audits + 1);
      expect(after).not.toEqual(before);
      const entry = await testDb.auditLog.findFirstOrThrow({
        where: { entityId: w.community.id },
        orderBy: { createdAt: "desc" },
      });
      expect(entry).toMatchObject({ actorId: w[who].id, entityType: "Community" });
      await expectCountInStep(w.community.id);
    },
  );
});

describe("starting a community", () => {
  it("is for leaders and admins; the creator is its lead; slugs stay unique", async () => {
    const [member, leader, admin] = [
      await createMember(),
      await createLeader(),
      await createAdmin(),
    ];
    const fields = {
      name: `Frontend Guild ${Date.now()}`,
      purpose: "Everything about the web front end.",
      access: "OPEN",
    };
    await expect(startCommunity(member, fields)).rejects.toBeInstanceOf(PermissionDenied);
    const first = await startCommunity(leader, fields);
    const second = await startCommunity(admin, fields);
    expect(first).toMatchObject({ ok: true });
    const slugs = [first, second].map((r) => (r.ok ? r.data!.slug : ""));
    expect(slugs[1]).toBe(`${slugs[0]}-2`);
    const made = await testDb.community.findUniqueOrThrow({
      where: { slug: slugs[0] },
      include: { memberships: true },
    });
    expect(made.memberCount).toBe(1);
    expect(made.memberships).toMatchObject([
      { memberId: leader.id, role: "LEAD", status: "ACTIVE" },
    ]);
    expect(
      await testDb.auditLog.count({ where: { entityId: made.id, action: "community.create" } }),
    ).toBe(1);
  });

  it("refuses malformed fields beside each field and creates nothing", async () => {
    const leader = await createLeader();
    const result = await startCommunity(leader, {
      name: "a\u0000",
      purpose: "short",
      access: "SECRET",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        name: [expect.any(String)],
        purpose: [expect.any(String)],
        access: [expect.any(String)],
      },
    });
    expect(await testDb.community.count({ where: { createdById: leader.id } })).toBe(0);
  });
});

describe("joining and asking", () => {
  it("lets anyone join an open community, keeping the count; a second join changes nothing", async () => {
    const [lead, joiner] = [await createMember(), await createMember()];
    const community = await createCommunity({ leadIds: [lead.id] });
    expect(await joinCommunity(joiner, { communityId: community.id })).toMatchObject({ ok: true });
    expect(await joinCommunity(joiner, { communityId: community.id })).toMatchObject({ ok: true });
    expect(
      (await testDb.community.findUniqueOrThrow({ where: { id: community.id } })).memberCount,
    ).toBe(2);
    expect(
      await setFollowing(joiner, { communityId: community.id, following: "false" }),
    ).toMatchObject({ ok: true });
    const membership = await testDb.communityMembership.findUniqueOrThrow({
      where: { communityId_memberId: { communityId: community.id, memberId: joiner.id } },
    });
    expect(membership.following).toBe(false);
  });

  it("sends a signed-out visitor to sign in and changes nothing", async () => {
    const community = await createCommunity({ leadIds: [(await createMember()).id] });
    const before = await snapshot(community.id);
    await expect(
      joinCommunityAction(null, form({ communityId: community.id })),
    ).rejects.toMatchObject({
      digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin/),
    });
    await expect(
      inviteMemberAction(null, form({ communityId: community.id, memberId: community.id })),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/\/signin/) });
    expect(await snapshot(community.id)).toEqual(before);
  });

  it("takes a request for a by-request community; the lead is told, approves, the asker is told", async () => {
    const w = await world();
    const newcomer = await createMember();
    await expect(joinCommunity(newcomer, { communityId: w.community.id })).rejects.toThrow(
      /request/,
    );
    expect(await requestToJoin(newcomer, { communityId: w.community.id })).toMatchObject({
      ok: true,
    });
    expect(
      await testDb.notification.count({ where: { recipientId: w.lead.id, actorId: newcomer.id } }),
    ).toBe(1);
    expect(await withdrawRequest(newcomer, { communityId: w.community.id })).toMatchObject({
      ok: true,
    });
    await requestToJoin(newcomer, { communityId: w.community.id });
    await decideRequest(w.lead, {
      communityId: w.community.id,
      memberId: newcomer.id,
      decision: "approve",
    });
    const notice = await testDb.notification.findFirstOrThrow({
      where: { recipientId: newcomer.id },
    });
    expect(notice.data).toMatchObject({ event: "approved", slug: w.community.slug });
    await expectCountInStep(w.community.id);
  });

  it("hides a private community from an outsider who tries to join or ask", async () => {
    const community = await createPrivateCommunity({ leadIds: [(await createMember()).id] });
    const outsider = await createMember();
    await expect(joinCommunity(outsider, { communityId: community.id })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(requestToJoin(outsider, { communityId: community.id })).rejects.toBeInstanceOf(
      NotFound,
    );
  });
});

describe("invitations to a private community", () => {
  it("are answered by the invitee only: accept joins (count in step), decline leaves no trace", async () => {
    const [lead, invitee, other] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    const community = await createPrivateCommunity({ leadIds: [lead.id] });
    await inviteMember(lead, { communityId: community.id, memberId: invitee.id });
    await inviteMember(lead, { communityId: community.id, memberId: other.id });
    expect(
      await testDb.notification.count({
        where: { recipientId: invitee.id, kind: "community.membership" },
      }),
    ).toBe(1);
    await expect(
      answerInvitation(lead, { communityId: community.id, answer: "accept" }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(
      await answerInvitation(invitee, { communityId: community.id, answer: "accept" }),
    ).toMatchObject({ ok: true });
    expect(
      await answerInvitation(other, { communityId: community.id, answer: "decline" }),
    ).toMatchObject({ ok: true });
    expect(await testDb.communityMembership.count({ where: { communityId: community.id } })).toBe(
      2,
    );
    await expectCountInStep(community.id);
  });
});

describe("the last lead", () => {
  it("cannot leave without naming a member who leads next; the handover is audited", async () => {
    const [lead, member] = [await createMember(), await createMember()];
    const community = await createCommunity({ leadIds: [lead.id], memberIds: [member.id] });
    expect(
      await leaveCommunity(lead, { communityId: community.id }).catch((e: Error) => e.message),
    ).toMatch(/last lead/);
    await expect(
      setMemberRole(lead, { communityId: community.id, memberId: lead.id, role: "MEMBER" }),
    ).rejects.toThrow(/needs a lead/);
    await expect(
      removeMember(lead, { communityId: community.id, memberId: lead.id }),
    ).rejects.toThrow(/needs a lead/);
    expect(
      await leaveCommunity(lead, { communityId: community.id, successorId: member.id }),
    ).toMatchObject({ ok: true });
    const left = await testDb.communityMembership.findMany({
      where: { communityId: community.id },
    });
    expect(left).toMatchObject([{ memberId: member.id, role: "LEAD" }]);
    expect(
      await testDb.auditLog.count({
        where: { entityId: community.id, action: "community.lead.handover" },
      }),
    ).toBe(1);
    await expectCountInStep(community.id);
  });

  it("an ordinary member leaves freely; leaving twice is not found", async () => {
    const [lead, member] = [await createMember(), await createMember()];
    const community = await createCommunity({ leadIds: [lead.id], memberIds: [member.id] });
    expect(await leaveCommunity(member, { communityId: community.id })).toMatchObject({ ok: true });
    await expect(leaveCommunity(member, { communityId: community.id })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expectCountInStep(community.id);
  });
});

describe("an archived community", () => {
  it("takes no new members", async () => {
    const w = await world();
    await archiveCommunity(w.admin, { communityId: w.community.id });
    await expect(
      decideRequest(w.lead, {
        communityId: w.community.id,
        memberId: w.asker.id,
        decision: "approve",
      }),
    ).rejects.toThrow(/archived/);
  });
});
