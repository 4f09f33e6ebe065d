// A mention an edit takes out: the member's "mentioned you" notification for that text goes,
// in the edit's transaction. Their mentions elsewhere stay; mentioned again, they are told again.
import { describe, expect, it } from "vitest";
import { createDiscussion } from "@/lib/discussions/create-discussion";
import { editDiscussion } from "@/lib/discussions/edit-discussion";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { discussionInput, mention } from "@/test/factories-discussions";

const mentionsOf = (recipientId: string) =>
  testDb.notification.findMany({
    where: { recipientId, kind: "content.mentioned" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

describe("a mention removed by an edit", () => {
  it("withdraws that notification only; mentioning again notifies again", async () => {
    const [writer, mia, bo] = [await createMember(), await createMember(), await createMember()];
    const start = async (body: string) => {
      const created = await createDiscussion(writer, discussionInput({ body }));
      if (!created.ok || !created.data) throw new Error(JSON.stringify(created));
      return created.data.id;
    };
    const id = await start(`Ideas? cc ${mention(mia)} ${mention(bo)}`);
    const elsewhere = await start(`Also ${mention(mia)}`);
    const edit = (body: string) => editDiscussion(writer, { id, title: "Ideas", body, tags: "" });

    expect(await edit(`Ideas? cc ${mention(bo)}`)).toMatchObject({ ok: true });
    expect((await mentionsOf(mia.id)).map((n) => n.data)).toEqual([
      expect.objectContaining({ path: `/discussions/${elsewhere}` }),
    ]);
    expect(await mentionsOf(bo.id)).toHaveLength(1);

    await edit(`Ideas? cc ${mention(bo)} and ${mention(mia)} after all`);
    expect(await mentionsOf(mia.id)).toHaveLength(2);
    expect(await mentionsOf(bo.id)).toHaveLength(1);
  });
});
