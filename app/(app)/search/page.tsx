import type { Metadata } from "next";
import Link from "next/link";
import { can, requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { firstValues, hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { runSearch, type SearchSection } from "@/lib/search/search";
import { searchPageSchema, SEARCH_TYPES, type SearchType } from "@/lib/search/schemas";
import { SearchForm } from "@/components/search/search-form";
import { SearchHitCard } from "@/components/search/search-hit-card";
import { PaginationNav } from "@/components/ui/pagination-nav";

type Props = { searchParams: Promise<SearchParams> };

const TYPE_LABELS: Record<SearchType, string> = {
  all: "All",
  discussions: "Discussions",
  replies: "Replies",
  posts: "Knowledge posts",
  members: "Members",
};

const MORE_LABELS: Record<Exclude<SearchType, "all">, string> = {
  discussions: "More matching discussions",
  replies: "More matching replies",
  posts: "More matching knowledge posts",
  members: "More matching members",
};

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = searchPageSchema.safeParse(firstValues(await searchParams));
  const q = parsed.success ? parsed.data.q : "";
  return { title: q ? `Search: ${q}` : "Search" };
}

function TypeLinks({
  query,
  current,
}: {
  query: Record<string, string | undefined>;
  current: SearchType;
}) {
  return (
    <nav aria-label="Result types">
      <ul className="flex flex-wrap gap-2">
        {SEARCH_TYPES.map((type) => (
          <li key={type}>
            <Link
              href={hrefWith("/search", query, {
                type: type === "all" ? null : type,
                cursor: null,
              })}
              aria-current={type === current ? "page" : undefined}
              className={`block rounded-md border px-3 py-1.5 text-sm font-medium no-underline hover:no-underline ${
                type === current
                  ? "border-brand-700 bg-brand-700 text-white"
                  : "border-stone-300 bg-white text-stone-800 hover:bg-stone-100"
              }`}
            >
              {TYPE_LABELS[type]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function TagNote({ type, tag }: { type: SearchType; tag: string }) {
  if (type === "members") return <>Tags apply to content only, so “{tag}” is ignored here.</>;
  return (
    <>
      Showing content tagged “{tag}”.
      {type === "all" ? " Members are left out: tags apply to content only." : null}
    </>
  );
}

function Section({
  section,
  query,
  onAll,
  cursor,
  timeZone,
}: {
  section: SearchSection;
  query: Record<string, string | undefined>;
  onAll: boolean;
  cursor?: string;
  timeZone: string;
}) {
  const headingId = `results-${section.type}`;
  const label = TYPE_LABELS[section.type];
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {label}
      </h2>
      {section.items.length ? (
        <ul aria-labelledby={headingId} className="space-y-3">
          {section.items.map((hit) => (
            <li key={hit.id}>
              <SearchHitCard hit={hit} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-700">No {label.toLowerCase()} match.</p>
      )}
      {onAll ? (
        section.nextCursor ? (
          <p>
            <Link href={hrefWith("/search", query, { type: section.type, cursor: null })}>
              {MORE_LABELS[section.type]}
            </Link>
          </p>
        ) : null
      ) : (
        <PaginationNav
          nextCursor={section.nextCursor}
          isFirstPage={!cursor}
          hrefFor={(next) => hrefWith("/search", query, { cursor: next })}
          label="Result pages"
        />
      )}
    </section>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const user = await requirePermission("read:content:any");
  const { query, params } = await listQueryOrNotFound(searchParams, searchPageSchema);
  const sections = await pageOrNotFound(
    runSearch(params, { viewer: user, members: can(user, "read:member:any") }),
  );
  const onAll = params.type === "all";
  const found = sections.some((section) => section.items.length > 0);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Search</h1>
      <SearchForm
        key={hrefWith("/search", query, { cursor: null })}
        q={params.q}
        type={params.type}
        tag={params.tag}
      />
      {!params.q ? (
        <p className="text-stone-700">
          Search discussions, replies, knowledge posts and members. Browse{" "}
          <Link href="/tags">all tags</Link> to find a topic.
        </p>
      ) : (
        <>
          <TypeLinks query={query} current={params.type} />
          {params.tag ? (
            <p className="text-stone-700">
              <TagNote type={params.type} tag={params.tag} />{" "}
              <Link href={hrefWith("/search", query, { tag: null, cursor: null })}>
                Remove the tag filter
              </Link>
            </p>
          ) : null}
          {!found && onAll ? (
            <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
              Nothing matches “{params.q}”. Try fewer or different words.
            </p>
          ) : (
            sections.map((section) => (
              <Section
                key={section.type}
                section={section}
                query={query}
                onAll={onAll}
                cursor={params.cursor}
                timeZone={user.timeZone}
              />
            ))
          )}
        </>
      )}
    </div>
  );
}
