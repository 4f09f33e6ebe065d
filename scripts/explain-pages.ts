// `npm run bench:explain`: EXPLAIN (ANALYZE, BUFFERS) of the SQL the main pages really run
// (captured from the page loaders through Prisma's query log) against DATABASE_URL, normally
// a database filled by `npm run bench:seed`. Prints each statement's execution time and
// the scans it uses, and exits non-zero when a statement reads a large table sequentially.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { BENCH_ACCOUNT, BENCH_SEARCH_WORD, BENCH_THREAD_TITLE } from "@/scripts/bench/constants";

const LARGE_TABLE_ROWS = 10_000;

interface Statement {
  query: string;
  params: unknown[];
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function scansIn(node: PlanNode): string[] {
  const here = node["Relation Name"]
    ? [
        `${node["Node Type"]} on ${node["Relation Name"]}${node["Index Name"] ? ` (${node["Index Name"]})` : ""}`,
      ]
    : [];
  return [...here, ...(node.Plans ?? []).flatMap(scansIn)];
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a database filled by `npm run bench:seed`.");
  const captured: Statement[] = [];
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) =>
    captured.push({ query: event.query, params: JSON.parse(event.params) }),
  );
  // lib/core/db/client's `db` uses the process-wide client when one is set.
  (globalThis as unknown as { prisma: PrismaClient }).prisma = client;

  const { listDiscussions } = await import("@/lib/discussions/queries");
  const { getThread } = await import("@/lib/discussions/thread-queries");
  const { listParamsSchema } = await import("@/lib/discussions/schemas");
  const { runSearch } = await import("@/lib/search/search");
  const { searchPageSchema } = await import("@/lib/search/schemas");
  const { listPosts } = await import("@/lib/posts/queries");
  const { homeFeed } = await import("@/lib/feed/queries");
  const { listHiddenContent } = await import("@/lib/moderation/queries");
  const { listTags } = await import("@/lib/tags/queries");
  const { communityStream } = await import("@/lib/communities/queries");
  const { loadCandidates } = await import("@/lib/asks/candidates");

  const viewer = await client.user.findUniqueOrThrow({
    where: { email: BENCH_ACCOUNT.email },
    select: { id: true, role: true },
  });
  const thread = await client.discussion.findFirstOrThrow({
    where: { title: BENCH_THREAD_TITLE },
    select: { id: true },
  });
  // The bench seed's biggest community and an unanswered question (issue 20's routing).
  const community = await client.community.findFirst({
    orderBy: { memberCount: "desc" },
    select: { id: true },
  });
  const question = await client.discussion.findFirst({
    where: { kind: "QUESTION", acceptedReplyId: null, deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const pages: Record<string, () => Promise<unknown>> = {
    "/discussions": () => listDiscussions(viewer, listParamsSchema.parse({})),
    "/discussions/<100 replies>": () => getThread(viewer, thread.id),
    [`/search?q=${BENCH_SEARCH_WORD}`]: () =>
      runSearch(searchPageSchema.parse({ q: BENCH_SEARCH_WORD }), { viewer }),
    "/search?q=<rare word>": () =>
      runSearch(searchPageSchema.parse({ q: "zebra quokka" }), { viewer }),
    "/posts": () => listPosts({ viewer }),
    "/ (home feed)": () => homeFeed(viewer),
    "/tags": () => listTags(viewer),
    "/admin/reports?view=hidden": () => listHiddenContent({}),
    ...(community && {
      "/communities/<largest> (its stream)": () => communityStream(community.id, null),
    }),
    ...(question && {
      "routing one unanswered question (Ask the right colleague)": () =>
        loadCandidates(client, {
          target: { kind: "question", id: question.id },
          weeklyCap: 3,
          now: new Date(),
        }),
    }),
  };

  const explainer = new pg.Client({ connectionString: url });
  await explainer.connect();
  const sizes = await explainer.query<{ relname: string; n: string }>(
    `SELECT relname, n_live_tup::text AS n FROM pg_stat_user_tables`,
  );
  const large = new Set(
    sizes.rows.filter((row) => Number(row.n) > LARGE_TABLE_ROWS).map((row) => row.relname),
  );
  let problems = 0;
  for (const [page, load] of Object.entries(pages)) {
    captured.length = 0;
    await load();
    console.log(`\n${page}: ${captured.length} statement(s)`);
    for (const statement of [...captured]) {
      const { rows } = await explainer.query(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.query}`,
        statement.params,
      );
      const [{ Plan, "Execution Time": ms }] = rows[0]["QUERY PLAN"] as [
        { Plan: PlanNode; "Execution Time": number },
      ];
      const scans = scansIn(Plan);
      const seqOnLarge = scans.filter((scan) =>
        [...large].some((table) => scan === `Seq Scan on ${table}`),
      );
      problems += seqOnLarge.length;
      console.log(
        `  ${ms.toFixed(2).padStart(8)} ms  ${statement.query.replace(/\s+/g, " ").slice(0, 90)}…`,
      );
      console.log(`              ${scans.join("; ") || "(no table scans)"}`);
      if (seqOnLarge.length)
        console.log(`              SEQUENTIAL SCAN OF A LARGE TABLE: ${seqOnLarge.join("; ")}`);
    }
  }
  await explainer.end();
  await client.$disconnect();
  if (problems) {
    console.error(`\n${problems} sequential scan(s) of large tables.`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
