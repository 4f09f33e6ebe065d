import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { notificationsFor } from "@/test/factories-notifications";
import { notifyTagFollowers, resolveTags } from "./resolve";

describe("resolveTags", () => {
  it("adds new tags once and finds existing ones by slug, in the given order", async () => {
    const word = unique("tag");
    const first = await testDb.$transaction((tx) => resolveTags(tx, [`${word} Review`, "x"]));
    const again = await testDb.$transaction((tx) =>
      resolveTags(tx, ["X", `${word.toUpperCase()}  review`]),
    );
    expect(first.map((tag) => tag.slug)).toEqual([`${word}-review`, "x"]);
    expect(again.map((tag) => tag.id)).toEqual([first[1]!.id, first[0]!.id]);
    expect(again[1]!.name).toBe(`${word} Review`);
  });

  it("gives two concurrent writers of a new tag the same row", async () => {
    const name = unique("race");
    const [a, b] = await Promise.all([
      testDb.$transaction((tx) => resolveTags(tx, [name])),
      testDb.$transaction((tx) => resolveTags(tx, [name])),
    ]);
    expect(a[0]!.id).toBe(b[0]!.id);
  });
});

describe("notifyTagFollowers", () => {
  it("tells each active follower once, named after the first tag they follow, never the author", async () => {
    const [author, followsBoth, followsSecond, deactivated] = [
      await createMember(),
      await createMember(),
      await createMember(),
      await createMember({ status: "DEACTIVATED" }),
    ];
    const [testing, pairing] = await testDb.$transaction((tx) =>
      resolveTags(tx, [unique("testing"), unique("pairing")]),
    );
    await testDb.tagFollow.createMany({
      data: [
        { userId: followsBoth.id, tagId: testing!.id },
        { userId: followsBoth.id, tagId: pairing!.id },
        { userId: followsSecond.id, tagId: pairing!.id },
        { userId: deactivated.id, tagId: testing!.id },
        { userId: author.id, tagId: testing!.id },
      ],
    });
    await testDb.$transaction((tx) =>
      notifyTagFollowers(tx, {
        actorId: author.id,
        tagIds: [testing!.id, pairing!.id],
        title: "Flaky tests",
        path: "/discussions/abc",
      }),
    );
    const both = await notificationsFor(followsBoth.id);
    expect(both).toHaveLength(1);
    expect(both[0]).toMatchObject({
      kind: "tag.new_content",
      data: { tagName: testing!.name, title: "Flaky tests", path: "/discussions/abc" },
    });
    expect((await notificationsFor(followsSecond.id))[0]!.data).toMatchObject({
      tagName: pairing!.name,
    });
    expect(await notificationsFor(deactivated.id)).toHaveLength(0);
    expect(await notificationsFor(author.id)).toHaveLength(0);
  });
});
