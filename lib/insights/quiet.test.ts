// "Not heard from in 90 days", on members who joined in 1998 with `now` in 1999, inside a
// transaction rolled back: nobody else's members are that old (test/factories-insights.ts).
import { describe, expect, it } from "vitest";
import { InvalidCursor } from "@/lib/core/pagination/cursor";
import { unique } from "@/test/factories";
import {
  at,
  discussionIn,
  feedbackIn,
  inSnapshot,
  isolateEra,
  memberIn,
  postIn,
  recognitionIn,
  replyIn,
  rsvpIn,
  sessionIn,
  surveyIn,
  teamIn,
  valueIn,
} from "@/test/factories-insights";
import { notHeardFrom, type QuietMember } from "./quiet";

const NOW = at("1999-06-01T12:00");

describe("notHeardFrom", () => {
  it("lists quiet members, never heard first, with their last activity and team", async () => {
    await inSnapshot(async (tx) => {
      await isolateEra(tx, NOW);
      const marker = unique("Q");
      const team = await teamIn(tx, `Quiet team ${marker}`);
      const named = (name: string, teamId: string | null = null) =>
        memberIn(tx, { name: `${name} ${marker}`, teamId });
      const never = await named("A never", team.id);
      const surveyOnly = await named("B survey only");
      const hiddenOnly = await named("C hidden lately");
      const oldPost = await named("D spoke in December");
      const received = await named("E received thanks");
      const recent = await memberIn(tx, {
        name: `F joined lately ${marker}`,
        createdAt: at("1999-04-01"),
      });
      const going = await named("G going");
      const hosting = await named("H hosting");
      const posting = await named("I published");
      await memberIn(tx, { name: `J deactivated ${marker}`, status: "DEACTIVATED" });
      const giver = await named("K giver");
      const value = await valueIn(tx);
      const topic = await discussionIn(tx, giver.id, at("1998-02-01"));

      // The window is 3 March – 1 June 1999.
      await surveyIn(tx, {
        opensAt: at("1999-05-01"),
        closesAt: at("1999-05-20"),
        statements: ["I know where to find what colleagues know"],
        responses: [[2]],
        respondents: [surveyOnly.id],
      });
      const held = await sessionIn(tx, [hosting.id], at("1999-05-10"));
      await feedbackIn(tx, held.id, 2, at("1999-05-10")); // anonymous feedback: not a sign
      await tx.discussionReaction.create({
        data: {
          discussionId: topic.id,
          userId: surveyOnly.id,
          kind: "THANKS",
          createdAt: at("1999-05-02"),
        },
      }); // a reaction is not being heard from
      await replyIn(tx, topic.id, hiddenOnly.id, at("1998-10-01"));
      await discussionIn(tx, hiddenOnly.id, at("1999-05-01"), { hiddenAt: at("1999-05-02") });
      const cancelled = await sessionIn(tx, [giver.id], at("1999-05-03"), { status: "CANCELLED" });
      await rsvpIn(tx, cancelled.id, hiddenOnly.id, "GOING");
      await discussionIn(tx, oldPost.id, at("1998-12-01"));
      await recognitionIn(tx, giver.id, [received.id], value.id, at("1999-05-05"));
      await discussionIn(tx, recent.id, at("1999-01-01")); // (before joining; irrelevant)
      await rsvpIn(tx, held.id, going.id, "GOING");
      await postIn(tx, posting.id, { publishedAt: at("1999-04-01") });
      await discussionIn(tx, giver.id, at("1999-05-06")); // (and the giver gave thanks)

      const page = await notHeardFrom(tx, { now: NOW, limit: 20 });
      expect(page.total).toBe(4);
      expect(page.nextCursor).toBeNull();
      expect(page.items).toEqual<QuietMember[]>([
        { id: never.id, name: never.name, teamName: team.name, lastHeardAt: null },
        { id: surveyOnly.id, name: surveyOnly.name, teamName: null, lastHeardAt: null },
        { id: hiddenOnly.id, name: hiddenOnly.name, teamName: null, lastHeardAt: at("1998-10-01") },
        { id: oldPost.id, name: oldPost.name, teamName: null, lastHeardAt: at("1998-12-01") },
      ]);
    });
  });

  it("pages with a cursor across the never-heard and the dated members", async () => {
    await inSnapshot(async (tx) => {
      await isolateEra(tx, NOW);
      const marker = unique("Q");
      const members = [];
      for (const name of ["A", "B", "C", "D", "E"]) {
        members.push(await memberIn(tx, { name: `${name} ${marker}` }));
      }
      // A, C: never; E spoke in 1998-09, B in 1998-10, D in 1998-11.
      await discussionIn(tx, members[4]!.id, at("1998-09-01"));
      await discussionIn(tx, members[1]!.id, at("1998-10-01"));
      await discussionIn(tx, members[3]!.id, at("1998-11-01"));

      const names: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await notHeardFrom(tx, { now: NOW, limit: 2, cursor });
        expect(page.total).toBe(5);
        names.push(...page.items.map((item) => item.name.split(" ")[0]!));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(names).toEqual(["A", "C", "E", "B", "D"]);
      expect(pages).toBe(3);

      await expect(notHeardFrom(tx, { now: NOW, cursor: "not-a-cursor" })).rejects.toThrow(
        InvalidCursor,
      );
    });
  });
});
