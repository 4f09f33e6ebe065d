// Private feedback is readable by its giver and its recipient only. One note with
// a unique marker word is sent through the real service; then, as a third member, a leader
// and an admin, every route's loader and every action is tried, and every other loader's
// result is searched (as JSON) for the marker and for the note's id.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { listAuditEntries, auditFilterOptions } from "@/lib/audit/queries";
import { adminOverview, listMembersForAdmin } from "@/lib/admin/queries";
import { feedPage, homeFeed } from "@/lib/feed/queries";
import { NotFound } from "@/lib/core/forms/errors";
import { findTeachersFor, getMemberProfile } from "@/lib/members/queries";
import { mentionMarkdown } from "@/lib/mentions/format";
import { hideContent } from "@/lib/moderation/moderate";
import {
  listHiddenContent,
  listReportQueue,
  openReportedItemCount,
} from "@/lib/moderation/queries";
import { REPORT_TARGETS, reportContent } from "@/lib/moderation/reports/report-content";
import { listNotifications } from "@/lib/notifications/queries";
import { periodSchema, quietMembers, recognitionSpread } from "@/lib/recognition/spread";
import {
  featuredForHome,
  getRecognition,
  listWall,
  profileRecognition,
} from "@/lib/recognition/queries";
import { SEARCH_TYPES, searchPageSchema } from "@/lib/search/schemas";
import { runSearch } from "@/lib/search/search";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createTeam } from "@/test/factories-members";
import { createPost } from "@/test/factories-posts";
import { markRead, sendPrivateFeedback } from "./feedback";
import {
  getPrivateFeedback,
  listReceived,
  listSent,
  openPrivateFeedback,
  unreadFeedbackCount,
} from "./queries";

/** A word that nothing else in the database contains (letters and digits: no stemming). */
const MARKER = `pfsecret${randomUUID().slice(0, 8)}`;
/** The same kind of word in a public post: proves each search below really searches. */
const PUBLIC_WORD = `pfpublic${randomUUID().slice(0, 8)}`;

type Member = Actor & { name: string };
let giver: Member;
let recipient: Member;
let third: Member;
let leader: Member;
let admin: Member;
let teamSlug: string;
let feedbackId: string;
let publicPostId: string;

beforeAll(async () => {
  const team = await createTeam();
  teamSlug = team.slug;
  [giver, recipient, third] = [
    await createMember({ teamId: team.id }),
    await createMember({ teamId: team.id }),
    await createMember({ teamId: team.id }),
  ];
  [leader, admin] = [await createLeader(), await createAdmin()];
  publicPostId = (await createPost(third.id, { title: `A public note about ${PUBLIC_WORD}` })).id;
  const sent = await sendPrivateFeedback(giver, {
    recipientId: recipient.id,
    // A mention of the third member must not tell them anything either.
    message: `You were ${MARKER} kind when ${mentionMarkdown(third)} was stuck. **Thank you.**`,
  });
  if (!sent.ok || !sent.data) throw new Error(`feedback not sent: ${JSON.stringify(sent)}`);
  feedbackId = sent.data.id;
});

/** The loader's result holds neither the note's words nor its id. */
function expectNoTrace(result: unknown) {
  const json = JSON.stringify(result);
  expect(json).not.toContain(MARKER);
  expect(json).not.toContain(feedbackId);
}

// Labels only: the members exist once beforeAll has run, after the tests are collected.
const OUTSIDERS = {
  "a third member": () => third,
  "a leader": () => leader,
  "an admin": () => admin,
};

const readAtNow = async () =>
  (await testDb.privateFeedback.findUniqueOrThrow({ where: { id: feedbackId } })).readAt;

describe("the giver and the recipient (the control: the marker is findable)", () => {
  it("both read the note, and each finds it in their own list", async () => {
    expect(JSON.stringify(await getPrivateFeedback(feedbackId, giver))).toContain(MARKER);
    expect(JSON.stringify(await getPrivateFeedback(feedbackId, recipient))).toContain(MARKER);
    expect((await listSent(giver)).items.map((item) => item.id)).toEqual([feedbackId]);
    expect((await listReceived(recipient)).items.map((item) => item.id)).toEqual([feedbackId]);
    expect(JSON.stringify(await listReceived(recipient))).toContain(MARKER);
    expectNoTrace(await listReceived(giver));
    expectNoTrace(await listSent(recipient));
  });
});

describe.each(Object.keys(OUTSIDERS) as (keyof typeof OUTSIDERS)[])("as %s", (label) => {
  let outsider: Member;
  beforeAll(() => {
    outsider = OUTSIDERS[label]();
  });

  it("the note is not found: getPrivateFeedback and the /feedback/[id] loader give null", async () => {
    expect(await getPrivateFeedback(feedbackId, outsider)).toBeNull();
    expect(await openPrivateFeedback(feedbackId, outsider)).toBeNull();
    expect(await readAtNow()).toBeNull();
  });

  it("markRead is refused and changes nothing", async () => {
    await expect(markRead(outsider, { id: feedbackId })).rejects.toBeInstanceOf(NotFound);
    expect(await readAtNow()).toBeNull();
  });

  it("their received and sent lists and their unread count show only their own", async () => {
    expectNoTrace(await listReceived(outsider));
    expectNoTrace(await listSent(outsider));
    expect(await unreadFeedbackCount(outsider)).toBe(0);
  });

  it("their notifications say nothing of it", async () => {
    expectNoTrace(await listNotifications(outsider.id));
  });

  it("member profiles (recipient's and giver's) and teacher suggestions show nothing", async () => {
    for (const member of [recipient, giver]) {
      const profile = await getMemberProfile(outsider, member.id);
      expect(profile).not.toBeNull();
      expectNoTrace(profile);
      expectNoTrace(await findTeachersFor(member.id));
    }
  });

  it("the home feed shows nothing", async () => {
    expectNoTrace(await homeFeed(outsider));
  });

  it("the recognition wall, home wall, profiles and a lookup by the note's id show nothing", async () => {
    expectNoTrace(await listWall(outsider, {}));
    expectNoTrace(await listWall(outsider, { memberId: recipient.id }));
    expectNoTrace(await featuredForHome(outsider));
    expect(await getRecognition(feedbackId, outsider)).toBeNull();
    const received = await profileRecognition(recipient.id, outsider);
    expectNoTrace(received);
    expect(received).toMatchObject({ receivedCount: 0, givenCount: 0, receivedByValue: [] });
    const given = await profileRecognition(giver.id, outsider);
    expectNoTrace(given);
    expect(given).toMatchObject({ receivedCount: 0, givenCount: 0 });
  });
});

describe("shared screens", () => {
  it("search finds nothing of it, in every result type, with or without members", async () => {
    const control = await runSearch(searchPageSchema.parse({ q: PUBLIC_WORD }), {
      viewer: third,
    });
    expect(control.flatMap((section) => section.items.map((hit) => hit.id))).toEqual([
      publicPostId,
    ]);
    for (const type of SEARCH_TYPES) {
      for (const members of [true, false]) {
        const sections = await runSearch(searchPageSchema.parse({ q: MARKER, type }), {
          viewer: third,
          members,
        });
        expect(sections.every((section) => section.items.length === 0)).toBe(true);
        expectNoTrace(sections);
      }
    }
  });

  it("the feed's stream shows nothing", async () => {
    expectNoTrace(await feedPage({ viewer: third }));
  });

  it("the audit log has no entry about it, in its rows or its filters", async () => {
    expectNoTrace(await listAuditEntries({}));
    expect(await listAuditEntries({ entityType: "PrivateFeedback" })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await auditFilterOptions()).entityTypes).not.toContain("PrivateFeedback");
    const [row] = await testDb.$queryRaw<{ count: number }[]>`
      SELECT COUNT(*)::int AS "count" FROM "AuditLog"
      WHERE "entityId" = ${feedbackId}
         OR "before"::text LIKE ${`%${MARKER}%`} OR "after"::text LIKE ${`%${MARKER}%`}`;
    expect(row!.count).toBe(0);
  });

  it("the moderation queue cannot see, take a report on, or hide it", async () => {
    for (const targetType of REPORT_TARGETS) {
      const report = reportContent(third, { targetType, targetId: feedbackId, reason: "Hidden?" });
      await expect(report).rejects.toBeInstanceOf(NotFound);
      const hide = hideContent(admin, { targetType, targetId: feedbackId });
      await expect(hide).rejects.toBeInstanceOf(NotFound);
    }
    expect(await testDb.report.count({ where: { targetId: feedbackId } })).toBe(0);
    expectNoTrace(await listReportQueue({}));
    expectNoTrace(await listHiddenContent({}));
    expect(typeof (await openReportedItemCount())).toBe("number");
  });

  it("the admin overview and member list show nothing", async () => {
    expectNoTrace(await adminOverview());
    expectNoTrace(await listMembersForAdmin({ q: recipient.name }));
  });

  it("leaders' insights do not count it as recognition", async () => {
    const spread = await recognitionSpread(leader, periodSchema.parse({}));
    expectNoTrace(spread);
    expect(spread.byTeam.find((team) => team.teamSlug === teamSlug)).toMatchObject({
      given: 0,
      received: 0,
      membersRecognised: 0,
    });
    const quiet = await quietMembers(leader, { teamSlug });
    expect(quiet.items.map((member) => member.id)).toEqual(
      expect.arrayContaining([giver.id, recipient.id]),
    );
  });
});

describe("notifications", () => {
  it("the recipient is told they have a note, without its words; nobody else is told", async () => {
    const [item, ...rest] = (await listNotifications(recipient.id)).items;
    expect(rest).toHaveLength(0);
    expect(item).toMatchObject({
      text: `${giver.name} sent you private feedback`,
      href: `/feedback/${feedbackId}`,
    });
    expect(JSON.stringify(item)).not.toContain(MARKER);
    const rows = await testDb.notification.findMany({
      where: { data: { path: ["feedbackId"], equals: feedbackId } },
    });
    expect(rows.map((row) => [row.recipientId, row.data])).toEqual([
      [recipient.id, { feedbackId }],
    ]);
    // The third member was mentioned in the note and still hears nothing.
    expect(await testDb.notification.count({ where: { recipientId: third.id } })).toBe(0);
    expectNoTrace(await listNotifications(giver.id));
  });
});
