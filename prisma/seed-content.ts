// Demo content for a first run: a few discussions and questions (one answered, one still
// open), replies with mentions, reactions, one knowledge post of each type, tags and the
// demo member's tag follows. Written by the demo members of ./seed-data.ts, so run that
// first. Idempotent: an item that already exists (same author and title) is left alone.
// It writes no notifications, so the demo accounts start with an empty bell.
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import type {
  DiscussionKind,
  KnowledgePostType,
  PostStatus,
  ReactionKind,
} from "@/lib/generated/prisma/enums";
import { mentionMarkdown } from "@/lib/mentions/format";
import { tagSlug } from "@/lib/tags/schemas";

export const DEMO_MEMBER_EMAILS = {
  ada: "admin@example.com",
  leo: "leader@example.com",
  mia: "member@example.com",
  priya: "priya.nair@example.com",
  tomas: "tomas.berg@example.com",
  grace: "grace.okafor@example.com",
  sam: "sam.chen@example.com",
  lucia: "lucia.romero@example.com",
  jonas: "jonas.weber@example.com",
  aiko: "aiko.tanaka@example.com",
} as const;

export type Who = keyof typeof DEMO_MEMBER_EMAILS;
type Members = Record<Who, { id: string; name: string }>;

export const DEMO_TAGS = [
  "Onboarding",
  "Testing",
  "Pairing",
  "Accessibility",
  "Incident review",
  "Book club",
  "Mentoring",
] as const;
type TagName = (typeof DEMO_TAGS)[number];

/** The tags the demo member (member@example.com) follows. */
export const DEMO_MEMBER_FOLLOWS: TagName[] = ["Accessibility", "Testing", "Pairing"];

/** Markdown that may mention members: `{@mia}` becomes a mention link to Mia. */
type Text = string;

interface DemoReply {
  key: string;
  author: Who;
  daysAgo: number;
  body: Text;
  parent?: string;
  reactions?: [Who, ReactionKind][];
}

interface DemoDiscussion {
  kind: DiscussionKind;
  author: Who;
  title: string;
  body: Text;
  tags: TagName[];
  daysAgo: number;
  pinned?: boolean;
  replies: DemoReply[];
  accepted?: string;
  reactions?: [Who, ReactionKind][];
}

interface DemoPost {
  type: KnowledgePostType;
  status: PostStatus;
  author: Who;
  title: string;
  summary: string;
  body: string;
  tags: TagName[];
  daysAgo: number;
  /** Days from now (negative: already past, so readers see "may be out of date"). */
  reviewInDays: number;
  comments?: { author: Who; daysAgo: number; body: Text }[];
  helpful?: Who[];
  bookmarkedBy?: Who[];
}

export const DEMO_DISCUSSIONS: DemoDiscussion[] = [
  {
    kind: "DISCUSSION",
    author: "ada",
    title: "Welcome! Introduce yourself and one thing you want to learn this quarter",
    body: `This is our space for learning from each other: questions, half-formed ideas, notes from sessions, things that went wrong and what they taught us.

To start, say hello in a reply:

- who you are and what you work on,
- one thing you could teach someone in half an hour,
- one thing you would like to learn this quarter.

No question is too small here. If you are not sure where something belongs, post it anyway and we will help it find a home.`,
    tags: ["Onboarding", "Mentoring"],
    daysAgo: 21,
    pinned: true,
    reactions: [
      ["leo", "LIKE"],
      ["grace", "CELEBRATE"],
      ["sam", "LIKE"],
    ],
    replies: [
      {
        key: "priya-hello",
        author: "priya",
        daysAgo: 20,
        body: "Hi all, I'm Priya from Engineering. I could teach how to read a PostgreSQL query plan without panicking. This quarter I want to get better at facilitation: running a retro where the quiet people talk as much as the loud ones.",
        reactions: [["ada", "THANKS"]],
      },
      {
        key: "tomas-hello",
        author: "tomas",
        daysAgo: 19,
        body: "Hej! Tomás, product designer. I can show anyone how our design system tokens work. I'd like to learn enough React to prototype in code. {@mia}, you said you're learning accessibility: fancy a swap? An hour of screen readers for an hour of components.",
        reactions: [["mia", "LIKE"]],
      },
      {
        key: "mia-hello",
        author: "mia",
        daysAgo: 18.8,
        parent: "tomas-hello",
        body: "Yes please, {@tomas}! Thursday after lunch? I'll bring the profile form, which is my current accessibility homework.",
        reactions: [["tomas", "CELEBRATE"]],
      },
    ],
  },
  {
    kind: "QUESTION",
    author: "mia",
    title: "How do we announce form errors to screen reader users?",
    body: `On the profile form, errors appear next to each field, but with VoiceOver nothing is announced when I press **Save**: the page just sits there.

What pattern do you use? Do we move focus to the first error, use an \`aria-live\` region, or both?`,
    tags: ["Accessibility", "Testing"],
    daysAgo: 12,
    reactions: [
      ["tomas", "INSIGHTFUL"],
      ["aiko", "LIKE"],
    ],
    replies: [
      {
        key: "tomas-answer",
        author: "tomas",
        daysAgo: 11.9,
        body: `Both, for different jobs:

1. Keep each error beside its field and connect them with \`aria-describedby\`, so the error is read when the field gets focus.
2. After submitting, put a short summary ("2 fields need attention") in a polite live region (\`role="status"\`).
3. Move focus to the first invalid field only when the form is long; on a short form the summary is enough.

Then try it with VoiceOver *and* NVDA: they disagree more than you'd think.`,
        reactions: [
          ["mia", "THANKS"],
          ["priya", "INSIGHTFUL"],
          ["aiko", "LIKE"],
        ],
      },
      {
        key: "priya-axe",
        author: "priya",
        daysAgo: 11,
        body: "We added an axe check to our end-to-end tests. It won't catch announcement timing, but it does catch a missing label before a person has to.",
      },
      {
        key: "mia-thanks",
        author: "mia",
        daysAgo: 10,
        parent: "tomas-answer",
        body: "Thank you both. `aria-describedby` was the missing piece. I'll write it up as a how-to once the form is fixed.",
      },
    ],
    accepted: "tomas-answer",
  },
  {
    kind: "QUESTION",
    author: "sam",
    title: "Is anyone up for pairing on SQL window functions?",
    body: "I'm comfortable with `GROUP BY`, but window functions still feel like magic. Could anyone spare 45 minutes in the next couple of weeks? I'm in Toronto and happy to work around your time zone. I'll bring a real report that needs a running total.",
    tags: ["Pairing", "Mentoring"],
    daysAgo: 3,
    replies: [],
  },
  {
    kind: "DISCUSSION",
    author: "grace",
    title: "Book club: Team Topologies, chapters 1 to 3",
    body: `Thanks to everyone who came on Thursday. We left three questions open:

- Which of our teams carries the most *cognitive load*, and how would we know?
- Is our platform team a platform, or a ticket queue?
- What would change if we designed teams before architecture?

Add your thoughts below; chapters 4 to 6 are for the next session.`,
    tags: ["Book club"],
    daysAgo: 8,
    reactions: [
      ["leo", "INSIGHTFUL"],
      ["lucia", "LIKE"],
    ],
    replies: [
      {
        key: "leo-load",
        author: "leo",
        daysAgo: 7,
        body: "The cognitive load framing landed for me. Our on-call rota covers six services, and nobody can hold all six in their head at 3am. That's a team design problem, not a people problem.",
        reactions: [["grace", "INSIGHTFUL"]],
      },
      {
        key: "lucia-cs",
        author: "lucia",
        daysAgo: 6,
        body: "From Customer Success: we feel the ticket-queue version from the outside. {@grace}, could we invite someone from the platform team to the next session?",
      },
    ],
  },
  {
    kind: "DISCUSSION",
    author: "leo",
    title: "What made our last incident review feel safe to speak up in?",
    body: "The review after last month's payments outage was the most honest one we've had. I'd like to understand why, so we can do it on purpose next time. If you were in the room: what helped, and what still made you hesitate?",
    tags: ["Incident review"],
    daysAgo: 5,
    reactions: [
      ["ada", "LIKE"],
      ["jonas", "THANKS"],
    ],
    replies: [
      {
        key: "jonas-timeline",
        author: "jonas",
        daysAgo: 4.8,
        body: "Starting with the timeline instead of the root cause. By the time we got to causes, everyone had already seen how reasonable each decision looked at the time.",
        reactions: [["leo", "INSIGHTFUL"]],
      },
      {
        key: "aiko-facilitator",
        author: "aiko",
        daysAgo: 4,
        body: "The facilitator saying out loud, at the start, that we were there to learn about the system and not to find who. It sounds obvious, but it changed the room. What still made me hesitate: the recording. Could we take notes instead?",
        reactions: [
          ["leo", "THANKS"],
          ["ada", "LIKE"],
        ],
      },
    ],
  },
];

export const DEMO_POSTS: DemoPost[] = [
  {
    type: "HOW_TO",
    status: "PUBLISHED",
    author: "priya",
    title: "How to pair on a database migration without stepping on each other",
    summary:
      "A routine for two people changing a schema together: who drives, what to check before running anything, and how to hand over halfway.",
    body: `## Before you start

Agree on the goal in one sentence and write it at the top of the shared notes. Decide who drives first; swap every 25 minutes.

## Steps

1. Read the current schema together and write down what must not break.
2. Write the migration as the navigator talks it through.
3. Run it against a copy of production data, and read the query plans of the two slowest queries that touch the table.
4. Write the rollback before you need it.

## Pitfalls

- Long-running locks on big tables: add indexes concurrently.
- The navigator quietly taking over the keyboard. Swap on the timer, not on impatience.`,
    tags: ["Pairing", "Testing"],
    daysAgo: 30,
    reviewInDays: 150,
    comments: [
      {
        author: "sam",
        daysAgo: 28,
        body: "Step 3 is the one we always skip. Saving this for our next migration.",
      },
    ],
    helpful: ["sam", "mia", "leo"],
    bookmarkedBy: ["mia", "sam"],
  },
  {
    type: "LESSON_LEARNED",
    status: "PUBLISHED",
    author: "leo",
    title: "The Friday deploy that taught us to write runbooks",
    summary:
      "A late Friday deploy took the invoice service down for two hours. Nobody did anything wrong; we just had nothing written down.",
    body: `## What happened

At 17:40 on a Friday we deployed a configuration change to the invoice service. It failed to start in one region. The two people who knew the service best were on leave, and it took two hours to find the setting that had to be rolled back by hand.

## What we learned

- The knowledge lived in two heads, not in the repository.
- Our alerts told us *that* it was broken, not *where to look*.
- People were afraid to roll back because they did not know what rolling back would touch.

## What we'd do differently

- Every service gets a one-page runbook: how to tell it is healthy, how to roll back, who to call.
- We practise a rollback once a quarter, in working hours, on purpose.
- Deploys late on a Friday are fine, as long as the runbook is.`,
    tags: ["Incident review", "Onboarding"],
    daysAgo: 45,
    reviewInDays: 135,
    comments: [
      {
        author: "jonas",
        daysAgo: 44,
        body: "The point about being afraid to roll back is the one I'd underline. We've started adding a rollback section to every pull request template.",
      },
      {
        author: "grace",
        daysAgo: 40,
        body: "Sharing this with the product leads. {@leo}, would you be up for a ten-minute version at the next town hall?",
      },
    ],
    helpful: ["ada", "jonas", "priya", "tomas"],
    bookmarkedBy: ["mia"],
  },
  {
    type: "CASE_STUDY",
    status: "PUBLISHED",
    author: "ada",
    title: "Case study: a buddy programme that halved onboarding time",
    summary:
      "What happened when every new joiner got a buddy from another team for their first six weeks, and what it cost the buddies.",
    body: `## Context

New joiners told us they felt productive after about ten weeks, and that the hardest part was not knowing whom to ask.

## What we did

Each new joiner was paired with a buddy from a *different* team for six weeks: a 30-minute weekly check-in, a shared list of "people you should meet", and a short written reflection at the end.

## Results

- Time to first merged change fell from 19 days to 9.
- At six weeks, 8 out of 10 new joiners said they knew whom to ask.
- Buddies asked for their time to be recognised; it now counts as part of their learning goals.`,
    tags: ["Onboarding", "Mentoring"],
    daysAgo: 420,
    reviewInDays: -60,
    comments: [
      {
        author: "lucia",
        daysAgo: 400,
        body: "We borrowed this for Customer Success and it worked just as well. Buddies from another team were the key.",
      },
    ],
    helpful: ["leo", "grace"],
  },
  {
    type: "RESOURCE_NOTES",
    status: "DRAFT",
    author: "mia",
    title: "Notes on Inclusive Components by Heydon Pickering",
    summary:
      "My reading notes on building accessible interface components, chapter by chapter. Still a draft.",
    body: `## About the resource

*Inclusive Components* walks through common interface patterns (toggles, menus, tabs, notifications) and builds each one accessibly, explaining every decision.

## Key ideas

- Start from the semantic HTML element before reaching for ARIA.
- A notification should be announced, not just shown.

## How we might use it

- Review our form components against the chapter on notifications.
- Suggest it for the next book club.`,
    tags: ["Accessibility", "Book club"],
    daysAgo: 2,
    reviewInDays: 180,
  },
];

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (now: number, days: number) => new Date(now - days * DAY);

/** Midnight UTC, `days` from today (KnowledgePost.reviewBy is a date). */
function dateFromToday(now: number, days: number): Date {
  const date = new Date(now + days * DAY);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function withMentions(text: Text, members: Members): string {
  return text.replace(/\{@(\w+)\}/g, (_, who: string) => mentionMarkdown(members[who as Who]));
}

async function findMembers(db: Database): Promise<Members | null> {
  const emails = Object.values(DEMO_MEMBER_EMAILS);
  const rows = await db.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, name: true, email: true },
  });
  const byEmail = new Map(rows.map((row) => [row.email, row]));
  if (rows.length < emails.length) return null;
  const entries = Object.entries(DEMO_MEMBER_EMAILS).map(([who, email]) => {
    const row = byEmail.get(email)!;
    return [who, { id: row.id, name: row.name }];
  });
  return Object.fromEntries(entries) as Members;
}

async function ensureTags(db: Database): Promise<Record<TagName, string>> {
  const ids: Partial<Record<TagName, string>> = {};
  for (const name of DEMO_TAGS) {
    const tag = await db.tag.upsert({
      where: { slug: tagSlug(name) },
      update: {},
      create: { name, slug: tagSlug(name) },
    });
    ids[name] = tag.id;
  }
  return ids as Record<TagName, string>;
}

interface SeedScope {
  members: Members;
  tagIds: Record<TagName, string>;
  now: number;
}

async function createReplies(
  tx: TransactionClient,
  discussionId: string,
  demo: DemoDiscussion,
  scope: SeedScope,
): Promise<Map<string, string>> {
  const idOf = new Map<string, string>();
  for (const reply of demo.replies) {
    const at = daysAgo(scope.now, reply.daysAgo);
    const row = await tx.reply.create({
      data: {
        discussionId,
        authorId: scope.members[reply.author].id,
        parentId: reply.parent ? idOf.get(reply.parent) : undefined,
        body: withMentions(reply.body, scope.members),
        createdAt: at,
        updatedAt: at,
        reactionCount: reply.reactions?.length ?? 0,
      },
    });
    idOf.set(reply.key, row.id);
    await tx.replyReaction.createMany({
      data: (reply.reactions ?? []).map(([who, kind]) => ({
        replyId: row.id,
        userId: scope.members[who].id,
        kind,
        createdAt: at,
      })),
    });
  }
  return idOf;
}

/** Creates the discussion with its replies and reactions; false if it already exists. */
async function seedDiscussion(db: Database, demo: DemoDiscussion, scope: SeedScope) {
  const authorId = scope.members[demo.author].id;
  return db.$transaction(async (tx) => {
    if (await tx.discussion.findFirst({ where: { authorId, title: demo.title } })) return false;
    const createdAt = daysAgo(scope.now, demo.daysAgo);
    const lastReply = demo.replies.at(-1);
    const lastActivityAt = lastReply ? daysAgo(scope.now, lastReply.daysAgo) : createdAt;
    const discussion = await tx.discussion.create({
      data: {
        kind: demo.kind,
        title: demo.title,
        body: withMentions(demo.body, scope.members),
        authorId,
        createdAt,
        updatedAt: lastActivityAt,
        lastActivityAt,
        pinnedAt: demo.pinned ? createdAt : null,
        replyCount: demo.replies.length,
        reactionCount: demo.reactions?.length ?? 0,
        tags: { create: demo.tags.map((name) => ({ tagId: scope.tagIds[name] })) },
        reactions: {
          create: (demo.reactions ?? []).map(([who, kind]) => ({
            userId: scope.members[who].id,
            kind,
            createdAt,
          })),
        },
      },
    });
    const replyIds = await createReplies(tx, discussion.id, demo, scope);
    if (demo.accepted) {
      await tx.discussion.update({
        where: { id: discussion.id },
        data: { acceptedReplyId: replyIds.get(demo.accepted), updatedAt: lastActivityAt },
      });
    }
    return true;
  });
}

/** Creates the post with its comments, votes and bookmarks; false if it already exists. */
async function seedPost(db: Database, demo: DemoPost, scope: SeedScope) {
  const authorId = scope.members[demo.author].id;
  const { members, now } = scope;
  return db.$transaction(async (tx) => {
    if (await tx.knowledgePost.findFirst({ where: { authorId, title: demo.title } })) return false;
    const createdAt = daysAgo(now, demo.daysAgo);
    const comments = demo.comments ?? [];
    await tx.knowledgePost.create({
      data: {
        type: demo.type,
        status: demo.status,
        title: demo.title,
        summary: demo.summary,
        body: demo.body,
        authorId,
        createdAt,
        updatedAt: createdAt,
        publishedAt: demo.status === "PUBLISHED" ? createdAt : null,
        reviewBy: dateFromToday(now, demo.reviewInDays),
        helpfulCount: demo.helpful?.length ?? 0,
        commentCount: comments.length,
        tags: { create: demo.tags.map((name) => ({ tagId: scope.tagIds[name] })) },
        comments: {
          create: comments.map((comment) => ({
            authorId: members[comment.author].id,
            body: withMentions(comment.body, members),
            createdAt: daysAgo(now, comment.daysAgo),
            updatedAt: daysAgo(now, comment.daysAgo),
          })),
        },
        helpful: { create: (demo.helpful ?? []).map((who) => ({ userId: members[who].id })) },
        bookmarks: {
          create: (demo.bookmarkedBy ?? []).map((who) => ({ userId: members[who].id })),
        },
      },
    });
    return true;
  });
}

async function seedTagFollows(db: Database, scope: SeedScope) {
  const follows: [Who, TagName][] = [
    ...DEMO_MEMBER_FOLLOWS.map((tag): [Who, TagName] => ["mia", tag]),
    ["sam", "Pairing"],
    ["leo", "Incident review"],
    ["grace", "Book club"],
  ];
  for (const [who, tag] of follows) {
    const key = { userId: scope.members[who].id, tagId: scope.tagIds[tag] };
    await db.tagFollow.upsert({ where: { userId_tagId: key }, update: {}, create: key });
  }
}

/**
 * Adds the demo discussions, posts, tags and follows. Needs the demo members (seedDemoData);
 * without them (e.g. in production, where they are never created) it does nothing.
 */
export async function seedDemoContent(
  db: Database,
  options: { log?: (line: string) => void; now?: Date } = {},
) {
  const members = await findMembers(db);
  if (!members) {
    options.log?.("Demo content skipped: the demo members are missing (run the demo seed first).");
    return;
  }
  const scope: SeedScope = {
    members,
    tagIds: await ensureTags(db),
    now: (options.now ?? new Date()).getTime(),
  };
  let created = 0;
  for (const demo of DEMO_DISCUSSIONS) if (await seedDiscussion(db, demo, scope)) created += 1;
  for (const demo of DEMO_POSTS) if (await seedPost(db, demo, scope)) created += 1;
  await seedTagFollows(db, scope);
  options.log?.(
    created
      ? `Demo content ready: ${created} discussions and knowledge posts added.`
      : "Demo content already present: nothing added.",
  );
}
