// Bad text input as a member sees it: a NUL byte in a form made PostgreSQL refuse the write
// (22021) and the member read "Something went wrong"; a line break in a title went into .ics
// files. Through real server actions, each now comes back as a message beside the field, and
// nothing is written.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createLeader, createMember, unique } from "@/test/factories";
import { form } from "@/test/form-data";
import { signedInAs } from "@/test/session";
import { createDiscussionAction, createReplyAction } from "@/lib/discussions/actions";
import { updateProfileAction } from "@/lib/members/actions";
import { createPostAction } from "@/lib/posts/actions";
import { createSessionAction } from "@/lib/sessions/actions";
import { CONTROL_CHARACTER_MESSAGE, SINGLE_LINE_MESSAGE } from "./text";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-pathname": "/" }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));

const errors = vi.spyOn(console, "error");

beforeEach(() => {
  signedInAs(null);
  errors.mockClear();
});

/** Refused beside `field` with `message`, and not as "Something went wrong". */
function expectRefused(result: unknown, field: string, message: string) {
  expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
  expect(errors).not.toHaveBeenCalled();
}

describe("a NUL byte or a stray line break in a form", () => {
  it("a discussion: refused beside its title, its body or its tags; nothing saved", async () => {
    const author = await createMember();
    signedInAs(author);
    const title = unique("A fine title");
    const ok = { kind: "DISCUSSION", title, body: "A body long enough to be a body.", tags: "" };

    for (const [field, value, message] of [
      ["title", `${title}\u0000`, SINGLE_LINE_MESSAGE],
      ["title", `${title}\nEND:VEVENT`, SINGLE_LINE_MESSAGE],
      ["body", "A body with a NUL \u0000 in the middle of it.", CONTROL_CHARACTER_MESSAGE],
      ["tags", "testing, pair\u0000ing", CONTROL_CHARACTER_MESSAGE],
    ] as const) {
      const result = await createDiscussionAction(null, form({ ...ok, [field]: value }));
      expectRefused(result, field, message);
    }
    expect(await testDb.discussion.count({ where: { authorId: author.id } })).toBe(0);
  });

  it("a reply: refused beside its body", async () => {
    const author = await createMember();
    signedInAs(author);
    const discussion = await testDb.discussion.create({
      data: { kind: "DISCUSSION", title: unique("Thread"), body: "Body text", authorId: author.id },
    });
    const result = await createReplyAction(
      null,
      form({ discussionId: discussion.id, body: "Reply\u0000" }),
    );
    expectRefused(result, "body", CONTROL_CHARACTER_MESSAGE);
    expect(await testDb.reply.count({ where: { discussionId: discussion.id } })).toBe(0);
  });

  it("a profile: refused beside the name, title, team and bio; nothing changed", async () => {
    const member = await createMember({ name: "Unchanged Name" });
    signedInAs(member);
    const ok = { name: "New Name", title: "", team: "", timeZone: "UTC", bio: "" };
    for (const [field, value, message] of [
      ["name", "New\u0000Name", SINGLE_LINE_MESSAGE],
      ["name", "New\r\nName", SINGLE_LINE_MESSAGE],
      ["title", "Engineer\u001b[31m", SINGLE_LINE_MESSAGE],
      ["team", "Plat\u0000form", SINGLE_LINE_MESSAGE],
      ["bio", "Line one\nLine two\u0000", CONTROL_CHARACTER_MESSAGE],
      ["offered", "Go, Ru\u0000st", CONTROL_CHARACTER_MESSAGE],
    ] as const) {
      const input = field === "offered" ? { ...ok, offeredAdd: value } : { ...ok, [field]: value };
      expectRefused(await updateProfileAction(null, form(input)), field, message);
    }
    const after = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.name).toBe("Unchanged Name");
  });

  it("a session: refused beside its title and place, which go into calendar files", async () => {
    const leader = await createLeader();
    signedInAs(leader);
    const title = unique("Session title");
    const ok = {
      title,
      format: "WORKSHOP",
      description: "What it is about.",
      startsAt: "2031-03-04T10:00",
      endsAt: "2031-03-04T11:00",
      location: "Room 1",
      meetingUrl: "",
      capacity: "",
      hostIds: leader.id,
      goals: "",
      scope: "",
      openQuestions: "",
      proposalId: "",
    };
    for (const [field, value, message] of [
      ["title", `${title}\r\nATTENDEE:mailto:eve@evil.test`, SINGLE_LINE_MESSAGE],
      ["title", `${title}\u0000`, SINGLE_LINE_MESSAGE],
      ["location", "Room 1\nORGANIZER:mailto:eve@evil.test", SINGLE_LINE_MESSAGE],
      ["meetingUrl", "https://meet.example.com/a\nb", SINGLE_LINE_MESSAGE],
      ["description", "About \u0000 this", CONTROL_CHARACTER_MESSAGE],
    ] as const) {
      expectRefused(
        await createSessionAction(null, form({ ...ok, [field]: value })),
        field,
        message,
      );
    }
    expect(await testDb.learningSession.count({ where: { title: { startsWith: title } } })).toBe(0);
  });

  it("a knowledge post: refused beside its title and summary", async () => {
    const author = await createMember();
    signedInAs(author);
    const ok = {
      type: "HOW_TO",
      title: unique("How to test"),
      summary: "A summary that is long enough.",
      body: "The body.",
      tags: "",
    };
    for (const [field, value, message] of [
      ["title", `${ok.title}\n`, SINGLE_LINE_MESSAGE],
      ["summary", "A summary \u0000 that is long enough.", CONTROL_CHARACTER_MESSAGE],
    ] as const) {
      expectRefused(await createPostAction(null, form({ ...ok, [field]: value })), field, message);
    }
    expect(await testDb.knowledgePost.count({ where: { authorId: author.id } })).toBe(0);
  });
});
