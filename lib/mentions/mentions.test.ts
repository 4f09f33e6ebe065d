import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { notificationsFor } from "@/test/factories-notifications";
import { mentionMarkdown } from "./format";
import { extractMentionIds, MENTION_LIMIT, mentionProblem, notifyMentions } from "./mentions";

describe("mentions", () => {
  it("are profile links, extracted once each in order", () => {
    const text = `Ask ${mentionMarkdown({ id: "b1", name: "Bo [B]" })} or [@Al](/members/a1), cc [@Bo](/members/b1)`;
    expect(text).toContain("[@Bo B](/members/b1)");
    expect(extractMentionIds(text)).toEqual(["b1", "a1"]);
    expect(
      extractMentionIds("[Al](/members/a1) and @al and [@Al](https://x.example/members/a1)"),
    ).toEqual([]);
  });

  it("must name active members", async () => {
    const [active, gone] = [await createMember(), await createMember({ status: "DEACTIVATED" })];
    const problem = (text: string) => testDb.$transaction((tx) => mentionProblem(tx, text));
    expect(await problem(`Thanks ${mentionMarkdown(active)}`)).toBeUndefined();
    expect(await problem(`Hi ${mentionMarkdown(gone)}`)).toBe(
      `“@${gone.name}” is not an active member. Pick mentions from the suggestions.`,
    );
    expect(await problem("Hi [@Nobody](/members/doesnotexist)")).toContain("“@Nobody”");
    const many = Array.from({ length: MENTION_LIMIT + 1 }, (_, i) => `[@M${i}](/members/m${i})`);
    expect(await problem(many.join(" "))).toBe(`Mention at most ${MENTION_LIMIT} members.`);
  });

  it("notifies only the newly mentioned, never the writer", async () => {
    const [writer, old, added] = [await createMember(), await createMember(), await createMember()];
    const previous = `cc ${mentionMarkdown(old)}`;
    const notified = await testDb.$transaction((tx) =>
      notifyMentions(tx, {
        actorId: writer.id,
        previousMarkdown: previous,
        markdown: `${previous} ${mentionMarkdown(added)} ${mentionMarkdown(writer)}`,
        title: "Pairing guide",
        path: "/posts/p1",
      }),
    );
    expect(notified).toEqual([added.id]);
    expect(await notificationsFor(old.id)).toHaveLength(0);
    expect((await notificationsFor(added.id))[0]).toMatchObject({
      kind: "content.mentioned",
      actorId: writer.id,
      data: { title: "Pairing guide", path: "/posts/p1" },
    });
  });
});
