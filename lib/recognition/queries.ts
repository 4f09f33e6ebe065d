// Page loaders for the recognition wall, one recognition's page, profiles and the home wall.
// A wall page is one findMany: giver, recipients, team, value, what it thanks and the
// viewer's own applause come with it. Only public recognitions are read here (private
// feedback is another table that this module never touches).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PostStatus, RecognitionKind, MemberStatus } from "@/lib/generated/prisma/enums";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { readsEveryCommunity } from "@/lib/communities/visibility";
import { mayReport } from "@/lib/moderation/access";
import { canOpenPairing } from "@/lib/mentorship/access";
import { mayApplaud, mayDeleteRecognition, mayEditRecognition, SHOWN_RECOGNITION } from "./access";
import { urlText } from "@/lib/core/forms/text";
import { idSchema } from "@/lib/core/ids";

/** The giver may change the message and value for this long after giving. */
/** Names shown on a card; a team recognition can have many more recipients. */
export const RECIPIENTS_SHOWN = 20;
export const PROFILE_LIST_SIZE = 5;

const timeKey = z.tuple([z.iso.datetime(), idSchema]);

/** Public: not deleted by its giver, not hidden by a moderator. */
const PUBLIC_RECOGNITION = SHOWN_RECOGNITION;

export interface PersonLink {
  id: string;
  name: string;
  /** Deactivated members have no public profile to link to. */
  active: boolean;
  /** Their profile photo, or null for initials. */
  avatarId: string | null;
}

export interface ValueBadge {
  id: string;
  name: string;
  slug: string;
  emoji: string;
  colour: string;
}

/**
 * What a recognition thanks, when the viewer may see it. A mentorship is named to everyone
 * but only linked for its two members and admins (its page is private to them).
 */
export interface ThankedLink {
  kind: "discussion" | "reply" | "post" | "session" | "mentorship";
  href: string | null;
  title: string;
}

export interface RecognitionCard {
  id: string;
  kind: RecognitionKind;
  message: string;
  createdAt: Date;
  editedAt: Date | null;
  featured: boolean;
  hidden: boolean;
  giver: PersonLink;
  recipients: PersonLink[];
  /** More recipients than the ones listed (a whole team). */
  moreRecipients: boolean;
  team: { id: string; name: string; slug: string } | null;
  value: ValueBadge;
  link: ThankedLink | null;
  applauseCount: number;
  /** The viewer's own state and what they may do. */
  viewer: {
    applauded: boolean;
    canApplaud: boolean;
    canEdit: boolean;
    canDelete: boolean;
    canFeature: boolean;
    canReport: boolean;
  };
}

const person = { select: { id: true, name: true, status: true, avatarId: true } } as const;
const visibleFlags = { deletedAt: true, hiddenAt: true, communityId: true } as const;

const cardSelect = (viewerId: string) =>
  ({
    id: true,
    kind: true,
    message: true,
    createdAt: true,
    editedAt: true,
    featuredAt: true,
    hiddenAt: true,
    applauseCount: true,
    giver: person,
    recipients: {
      orderBy: { user: { name: "asc" } },
      take: RECIPIENTS_SHOWN + 1,
      select: { user: person },
    },
    team: { select: { id: true, name: true, slug: true } },
    value: { select: { id: true, name: true, slug: true, emoji: true, colour: true } },
    discussion: { select: { id: true, title: true, ...visibleFlags } },
    reply: {
      select: {
        id: true,
        deletedAt: true,
        hiddenAt: true,
        discussion: { select: { id: true, title: true, ...visibleFlags } },
      },
    },
    post: { select: { id: true, title: true, status: true, ...visibleFlags } },
    session: { select: { id: true, title: true, communityId: true } },
    pairing: {
      select: {
        id: true,
        mentorId: true,
        menteeId: true,
        mentor: { select: { name: true } },
        mentee: { select: { name: true } },
      },
    },
    applause: { where: { userId: viewerId }, select: { userId: true } },
    _count: { select: { recipients: { where: { userId: viewerId } } } },
  }) satisfies Prisma.RecognitionSelect;

type CardRow = Prisma.RecognitionGetPayload<{ select: ReturnType<typeof cardSelect> }>;

/**
 * The private communities among those of the cards' linked content that the viewer may not
 * read: their content's titles and links are not shown. No statement when no card links a
 * community's content (most cards), one when some do.
 */
async function closedCommunities(rows: CardRow[], viewer: Actor): Promise<Set<string>> {
  const ids = new Set(
    rows.flatMap((row) => [
      row.discussion?.communityId,
      row.reply?.discussion.communityId,
      row.post?.communityId,
      row.session?.communityId,
    ]),
  );
  ids.delete(null);
  ids.delete(undefined);
  if (ids.size === 0 || readsEveryCommunity(viewer)) return new Set();
  const closed = await db.community.findMany({
    where: {
      id: { in: [...ids] as string[] },
      access: "PRIVATE",
      memberships: { none: { memberId: viewer.id, status: "ACTIVE" } },
    },
    select: { id: true },
  });
  return new Set(closed.map((community) => community.id));
}

interface Linked {
  deletedAt: Date | null;
  hiddenAt: Date | null;
  communityId: string | null;
}

/** The thanked item, only while it is itself public (a hidden reply's thread stays private). */
function thankedLink(row: CardRow, viewer: Actor, closed: Set<string>): ThankedLink | null {
  const isPublic = (item: Linked) =>
    !item.deletedAt && !item.hiddenAt && !(item.communityId && closed.has(item.communityId));
  const { reply, discussion, post, session, pairing } = row;
  if (reply && isPublic(reply.discussion) && !reply.deletedAt && !reply.hiddenAt) {
    return {
      kind: "reply",
      href: `/discussions/${reply.discussion.id}/replies/${reply.id}`,
      title: reply.discussion.title,
    };
  }
  if (discussion && isPublic(discussion)) {
    return { kind: "discussion", href: `/discussions/${discussion.id}`, title: discussion.title };
  }
  if (post && isPublic(post) && post.status === "PUBLISHED") {
    return { kind: "post", href: `/posts/${post.id}`, title: post.title };
  }
  if (session && !(session.communityId && closed.has(session.communityId)))
    return { kind: "session", href: `/sessions/${session.id}`, title: session.title };
  if (pairing) {
    const opens = canOpenPairing(viewer, pairing);
    return {
      kind: "mentorship",
      href: opens ? `/mentorship/${pairing.id}` : null,
      title: `${pairing.mentor.name} mentoring ${pairing.mentee.name}`,
    };
  }
  return null;
}

const toPerson = (user: {
  id: string;
  name: string;
  status: string;
  avatarId: string | null;
}): PersonLink => ({
  id: user.id,
  name: user.name,
  active: user.status === "ACTIVE",
  avatarId: user.avatarId,
});

function toCard(row: CardRow, viewer: Actor, now: Date, closed: Set<string>): RecognitionCard {
  const giverId = row.giver.id;
  const hidden = row.hiddenAt !== null;
  const isRecipient = row._count.recipients > 0;
  return {
    id: row.id,
    kind: row.kind,
    message: row.message,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    featured: row.featuredAt !== null,
    hidden,
    giver: toPerson(row.giver),
    recipients: row.recipients.slice(0, RECIPIENTS_SHOWN).map(({ user }) => toPerson(user)),
    moreRecipients: row.recipients.length > RECIPIENTS_SHOWN,
    team: row.team,
    value: row.value,
    link: thankedLink(row, viewer, closed),
    applauseCount: row.applauseCount,
    viewer: {
      applauded: row.applause.length > 0,
      canApplaud: mayApplaud(viewer, { giverId, received: isRecipient }) && !hidden,
      canEdit: mayEditRecognition(viewer, { giverId, hidden, createdAt: row.createdAt }, now),
      canDelete: mayDeleteRecognition(viewer, { giverId, hidden }),
      canFeature: !hidden && hasPermission(viewer.role, "update:recognition-feature:any"),
      canReport: mayReport(viewer, { authorId: giverId }) && !hidden,
    },
  };
}

export interface WallFilters {
  valueSlug?: string;
  teamSlug?: string;
  memberId?: string;
  /** With memberId: only what the member received, or only what they gave. */
  memberAs?: "received" | "given";
  featured?: boolean;
  cursor?: string;
}

function memberWhere(memberId: string, as?: "received" | "given"): Prisma.RecognitionWhereInput {
  const received = { recipients: { some: { userId: memberId } } };
  const given = { giverId: memberId };
  if (as === "received") return received;
  if (as === "given") return given;
  return { OR: [received, given] };
}

/** A team's recognitions: to the whole team, or to any of its current members. */
const teamWhere = (slug: string): Prisma.RecognitionWhereInput => ({
  OR: [{ team: { slug } }, { recipients: { some: { user: { team: { slug } } } } }],
});

function wallWhere(filters: WallFilters): Prisma.RecognitionWhereInput {
  const { valueSlug, teamSlug, memberId, memberAs, featured } = filters;
  return {
    AND: [
      PUBLIC_RECOGNITION,
      valueSlug ? { value: { slug: valueSlug } } : {},
      teamSlug ? teamWhere(teamSlug) : {},
      memberId ? memberWhere(memberId, memberAs) : {},
      featured ? { featuredAt: { not: null } } : {},
    ],
  };
}

/** Public recognitions, newest first, keyset-paginated on (createdAt, id). */
export async function listWall(
  viewer: Actor,
  filters: WallFilters,
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<RecognitionCard>> {
  const after = filters.cursor ? decodeCursorOrThrow(filters.cursor, timeKey) : null;
  const rows = await db.recognition.findMany({
    where: {
      AND: [
        wallWhere(filters),
        after
          ? {
              OR: [
                { createdAt: { lt: new Date(after[0]) } },
                { createdAt: new Date(after[0]), id: { lt: after[1] } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: cardSelect(viewer.id),
  });
  const page = toPage(rows, take, (row) => [row.createdAt.toISOString(), row.id]);
  const now = new Date();
  const closed = await closedCommunities(page.items, viewer);
  return { ...page, items: page.items.map((row) => toCard(row, viewer, now, closed)) };
}

/**
 * One recognition as the viewer may see it, or null (→ 404): unknown, deleted, or hidden by
 * a moderator from anyone but an admin.
 */
export async function getRecognition(id: string, viewer: Actor): Promise<RecognitionCard | null> {
  if (!idSchema.safeParse(id).success) return null;
  const row = await db.recognition.findFirst({
    where: { id, deletedAt: null, ...(seesHiddenContent(viewer) ? {} : { hiddenAt: null }) },
    select: cardSelect(viewer.id),
  });
  return row && toCard(row, viewer, new Date(), await closedCommunities([row], viewer));
}

/**
 * One column of the row `key` points at in `table` (null when it points nowhere). The
 * featured query reads its linked content through these small lookups rather than nine
 * LEFT JOINs: with the joins, PostgreSQL spent 16 ms planning a query that ran in 3 (4 ms
 * planning this way; measured on the bench seed).
 */
function linked<T>(table: string, column: string, key: string) {
  return sql<T | null>`(SELECT x.${sql.ref(column)} FROM ${sql.table(table)} x WHERE x."id" = ${sql.ref(key)})`;
}

/** One column of the discussion a reply (r."replyId") belongs to. */
function replyDiscussion<T>(column: string) {
  return sql<T | null>`(SELECT x.${sql.ref(column)} FROM "Discussion" x
    JOIN "Reply" rp ON rp."discussionId" = x."id" WHERE rp."id" = r."replyId")`;
}

/** The name of a pairing's mentor or mentee. */
function pairingMember(role: "mentorId" | "menteeId") {
  return sql<string | null>`(SELECT u."name" FROM "User" u
    JOIN "MentorPairing" mp ON mp.${sql.ref(role)} = u."id" WHERE mp."id" = r."pairingId")`;
}

/** Whether the viewer has a row in this table for the recognition (applauded, received). */
function viewerRowIn(table: "RecognitionApplause" | "RecognitionRecipient", viewerId: string) {
  return sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(table)} x
    WHERE x."recognitionId" = r."id" AND x."userId" = ${viewerId})`;
}

/**
 * The newest featured public recognitions, as one statement: the rows `cardSelect` reads,
 * looked up in the same statement instead of relation by relation (a dozen statements
 * through Prisma).
 */
function featuredRows(viewerId: string, limit: number) {
  return rows(
    db,
    sqlb
      .selectFrom("Recognition as r")
      .innerJoin("User as giver", "giver.id", "r.giverId")
      .innerJoin("CompanyValue as v", "v.id", "r.valueId")
      .select((eb) => [
        "r.id",
        sql<RecognitionKind>`${eb.ref("r.kind")}::text`.as("kind"),
        "r.message",
        "r.createdAt",
        "r.editedAt",
        "r.featuredAt",
        "r.hiddenAt",
        "r.applauseCount",
        "giver.id as giverId",
        "giver.name as giverName",
        sql<MemberStatus>`${eb.ref("giver.status")}::text`.as("giverStatus"),
        "giver.avatarId as giverAvatarId",
        sql<PersonRow[]>`(SELECT coalesce(json_agg(json_build_object('id', u."id", 'name', u."name",
          'status', u."status"::text, 'avatarId', u."avatarId") ORDER BY u."name", u."id"), '[]'::json)
          FROM (SELECT "User".* FROM "RecognitionRecipient" rr JOIN "User" ON "User"."id" = rr."userId"
            WHERE rr."recognitionId" = ${eb.ref("r.id")}
            ORDER BY "User"."name", "User"."id" LIMIT ${RECIPIENTS_SHOWN + 1}) u)`.as("recipients"),
        "r.teamId",
        linked<string>("Team", "name", "r.teamId").as("teamName"),
        linked<string>("Team", "slug", "r.teamId").as("teamSlug"),
        "v.id as valueId",
        "v.name as valueName",
        "v.slug as valueSlug",
        "v.emoji as valueEmoji",
        "v.colour as valueColour",
        "r.discussionId",
        linked<string>("Discussion", "title", "r.discussionId").as("discussionTitle"),
        linked<Date>("Discussion", "deletedAt", "r.discussionId").as("discussionDeletedAt"),
        linked<Date>("Discussion", "hiddenAt", "r.discussionId").as("discussionHiddenAt"),
        linked<string>("Discussion", "communityId", "r.discussionId").as("discussionCommunityId"),
        "r.replyId",
        linked<Date>("Reply", "deletedAt", "r.replyId").as("replyDeletedAt"),
        linked<Date>("Reply", "hiddenAt", "r.replyId").as("replyHiddenAt"),
        replyDiscussion<string>("id").as("replyDiscussionId"),
        replyDiscussion<string>("title").as("replyDiscussionTitle"),
        replyDiscussion<Date>("deletedAt").as("replyDiscussionDeletedAt"),
        replyDiscussion<Date>("hiddenAt").as("replyDiscussionHiddenAt"),
        replyDiscussion<string>("communityId").as("replyDiscussionCommunityId"),
        "r.postId",
        linked<string>("KnowledgePost", "title", "r.postId").as("postTitle"),
        sql<PostStatus | null>`(SELECT x."status"::text FROM "KnowledgePost" x WHERE x."id" = r."postId")`.as(
          "postStatus",
        ),
        linked<Date>("KnowledgePost", "deletedAt", "r.postId").as("postDeletedAt"),
        linked<Date>("KnowledgePost", "hiddenAt", "r.postId").as("postHiddenAt"),
        linked<string>("KnowledgePost", "communityId", "r.postId").as("postCommunityId"),
        "r.sessionId",
        linked<string>("LearningSession", "title", "r.sessionId").as("sessionTitle"),
        linked<string>("LearningSession", "communityId", "r.sessionId").as("sessionCommunityId"),
        "r.pairingId",
        linked<string>("MentorPairing", "mentorId", "r.pairingId").as("mentorId"),
        linked<string>("MentorPairing", "menteeId", "r.pairingId").as("menteeId"),
        pairingMember("mentorId").as("mentorName"),
        pairingMember("menteeId").as("menteeName"),
        viewerRowIn("RecognitionApplause", viewerId).as("applauded"),
        viewerRowIn("RecognitionRecipient", viewerId).as("received"),
      ])
      .where((eb) =>
        eb.and([
          eb("r.deletedAt", "is", null),
          eb("r.hiddenAt", "is", null),
          eb("r.featuredAt", "is not", null),
        ]),
      )
      .orderBy("r.featuredAt", "desc")
      .orderBy("r.id", "desc")
      .limit(limit),
  );
}

type PersonRow = { id: string; name: string; status: MemberStatus; avatarId: string | null };
type FeaturedRow = Awaited<ReturnType<typeof featuredRows>>[number];

/** A joined row in the shape `cardSelect` loads, so that `toCard` decides what shows. */
function featuredCardRow(row: FeaturedRow, viewerId: string): CardRow {
  const flags = (deletedAt: Date | null, hiddenAt: Date | null) => ({ deletedAt, hiddenAt });
  return {
    id: row.id,
    kind: row.kind,
    message: row.message,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    featuredAt: row.featuredAt,
    hiddenAt: row.hiddenAt,
    applauseCount: row.applauseCount,
    giver: {
      id: row.giverId,
      name: row.giverName,
      status: row.giverStatus,
      avatarId: row.giverAvatarId,
    },
    recipients: row.recipients.map((user) => ({ user })),
    team: row.teamId ? { id: row.teamId, name: row.teamName!, slug: row.teamSlug! } : null,
    value: {
      id: row.valueId,
      name: row.valueName,
      slug: row.valueSlug,
      emoji: row.valueEmoji,
      colour: row.valueColour,
    },
    discussion: row.discussionId
      ? {
          id: row.discussionId,
          title: row.discussionTitle!,
          ...flags(row.discussionDeletedAt, row.discussionHiddenAt),
          communityId: row.discussionCommunityId,
        }
      : null,
    reply: row.replyId
      ? {
          id: row.replyId,
          ...flags(row.replyDeletedAt, row.replyHiddenAt),
          discussion: {
            id: row.replyDiscussionId!,
            title: row.replyDiscussionTitle!,
            ...flags(row.replyDiscussionDeletedAt, row.replyDiscussionHiddenAt),
            communityId: row.replyDiscussionCommunityId,
          },
        }
      : null,
    post: row.postId
      ? {
          id: row.postId,
          title: row.postTitle!,
          status: row.postStatus!,
          ...flags(row.postDeletedAt, row.postHiddenAt),
          communityId: row.postCommunityId,
        }
      : null,
    session: row.sessionId
      ? { id: row.sessionId, title: row.sessionTitle!, communityId: row.sessionCommunityId }
      : null,
    pairing: row.pairingId
      ? {
          id: row.pairingId,
          mentorId: row.mentorId!,
          menteeId: row.menteeId!,
          mentor: { name: row.mentorName! },
          mentee: { name: row.menteeName! },
        }
      : null,
    applause: row.applauded ? [{ userId: viewerId }] : [],
    _count: { recipients: row.received ? 1 : 0 },
  };
}

/** The newest featured recognitions (leaders' own and those they featured), for the home page. */
export async function featuredForHome(viewer: Actor, limit = 3): Promise<RecognitionCard[]> {
  const found = (await featuredRows(viewer.id, limit)).map((row) =>
    featuredCardRow(row, viewer.id),
  );
  const now = new Date();
  const closed = await closedCommunities(found, viewer);
  return found.map((row) => toCard(row, viewer, now, closed));
}

export interface ValueCount extends ValueBadge {
  count: number;
}

export interface ProfileRecognition {
  received: RecognitionCard[];
  given: RecognitionCard[];
  receivedCount: number;
  givenCount: number;
  /** Public recognitions received, by value, the most frequent first. */
  receivedByValue: ValueCount[];
}

async function receivedByValue(memberId: string): Promise<ValueCount[]> {
  return rows(
    db,
    sqlb
      .selectFrom("RecognitionRecipient as rr")
      .innerJoin("Recognition as r", "r.id", "rr.recognitionId")
      .innerJoin("CompanyValue as v", "v.id", "r.valueId")
      .select([
        "v.id",
        "v.name",
        "v.slug",
        "v.emoji",
        "v.colour",
        sql<number>`COUNT(*)::int`.as("count"),
      ])
      .where((eb) =>
        eb.and([
          eb("rr.userId", "=", memberId),
          eb("r.deletedAt", "is", null),
          eb("r.hiddenAt", "is", null),
        ]),
      )
      .groupBy("v.id")
      .orderBy("count", "desc")
      .orderBy("v.position", "asc")
      .orderBy("v.name", "asc"),
  );
}

/** A profile's "Recognition" section: latest received and given, counts by value. */
export async function profileRecognition(
  memberId: string,
  viewer: Actor,
  take = PROFILE_LIST_SIZE,
): Promise<ProfileRecognition> {
  const received = { ...PUBLIC_RECOGNITION, recipients: { some: { userId: memberId } } };
  const given = { ...PUBLIC_RECOGNITION, giverId: memberId };
  const latest = (where: Prisma.RecognitionWhereInput) =>
    db.recognition.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: cardSelect(viewer.id),
    });
  const [receivedRows, givenRows, receivedCount, givenCount, byValue] = await Promise.all([
    latest(received),
    latest(given),
    db.recognition.count({ where: received }),
    db.recognition.count({ where: given }),
    receivedByValue(memberId),
  ]);
  const now = new Date();
  const closed = await closedCommunities([...receivedRows, ...givenRows], viewer);
  return {
    received: receivedRows.map((row) => toCard(row, viewer, now, closed)),
    given: givenRows.map((row) => toCard(row, viewer, now, closed)),
    receivedCount,
    givenCount,
    receivedByValue: byValue,
  };
}

export interface TeamOption {
  id: string;
  name: string;
  slug: string;
}

/** Teams for the wall's filter and the give form (an organisation has a bounded number). */
export function teamOptions(): Promise<TeamOption[]> {
  return db.team.findMany({
    select: { id: true, name: true, slug: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
}

/** Every value, archived ones too, for the wall's filter (old recognitions keep theirs). */
export function valueFilterOptions(): Promise<ValueBadge[]> {
  return db.companyValue.findMany({
    select: { id: true, name: true, slug: true, emoji: true, colour: true },
    orderBy: [
      { archivedAt: { sort: "asc", nulls: "first" } },
      { position: "asc" },
      { name: "asc" },
    ],
    take: 200,
  });
}

/** The member a wall filter names, for its heading; null when unknown. */
export async function wallMember(id: string): Promise<{ id: string; name: string } | null> {
  if (!idSchema.safeParse(id).success) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, name: true } });
}

/** The wall's URL query; a value the schema refuses is the 404 page. */
export const wallParamsSchema = z.object({
  value: urlText(80).optional(),
  team: urlText(80).optional(),
  member: urlText(40).optional(),
  as: z.enum(["received", "given"]).optional(),
  featured: z.enum(["1", "on", ""]).optional(),
  cursor: urlText(500).optional(),
});

export type WallParams = z.infer<typeof wallParamsSchema>;

export function wallFilters(params: WallParams): WallFilters {
  return {
    valueSlug: params.value || undefined,
    teamSlug: params.team || undefined,
    memberId: params.member || undefined,
    memberAs: params.member ? params.as : undefined,
    featured: params.featured === "1" || params.featured === "on",
    cursor: params.cursor,
  };
}

/** The member a "Thank" link names, when they may be thanked (active, not the viewer). */
export async function thankableMember(
  id: string,
  viewer: Actor,
): Promise<{ id: string; name: string } | null> {
  if (!idSchema.safeParse(id).success || id === viewer.id) return null;
  return db.user.findFirst({ where: { id, status: "ACTIVE" }, select: { id: true, name: true } });
}
