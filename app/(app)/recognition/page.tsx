import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/posts/notice";
import { RecognitionList } from "@/components/recognition/recognition-card";
import { WallFilters } from "@/components/recognition/wall-filters";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { can, requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import {
  listWall,
  teamOptions,
  valueFilterOptions,
  wallFilters,
  wallMember,
  wallParamsSchema,
} from "@/lib/recognition/queries";
import { listActiveValues } from "@/lib/recognition/values/queries";

export const metadata: Metadata = { title: "Recognition" };

function wallHeading(member: { name: string } | null, as: string | undefined, filtered: boolean) {
  if (member && as === "received") return `Recognition ${member.name} received`;
  if (member && as === "given") return `Recognition ${member.name} gave`;
  if (member) return `Recognition given or received by ${member.name}`;
  return filtered ? "Matching recognitions" : "Latest recognitions";
}

export default async function RecognitionWallPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:recognition:any");
  const { query, params } = await listQueryOrNotFound(searchParams, wallParamsSchema);
  const filters = wallFilters(params);
  const [page, values, teams, member] = await Promise.all([
    pageOrNotFound(listWall(viewer, filters)),
    valueFilterOptions(),
    teamOptions(),
    filters.memberId ? wallMember(filters.memberId) : null,
  ]);
  const editable = page.items.some((card) => card.viewer.canEdit);
  const activeValues = editable ? await listActiveValues() : [];
  const filtered = Boolean(
    filters.valueSlug || filters.teamSlug || filters.memberId || filters.featured,
  );
  const heading = wallHeading(member, filters.memberAs, filtered);

  return (
    <div className="space-y-6">
      {query.deleted === "1" ? <Notice>Recognition deleted.</Notice> : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">Recognition</h1>
          <p className="text-stone-700">
            Colleagues thanking each other for sharing, teaching and helping, each for one of our
            values.
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          {can(viewer, "read:recognition-insights:any") ? (
            <Link href="/recognition/insights" className={buttonClasses("secondary")}>
              How recognition is spread
            </Link>
          ) : null}
          {can(viewer, "create:recognition:any") ? (
            <Link href="/recognition/new" className={buttonClasses("primary")}>
              Thank someone
            </Link>
          ) : null}
        </div>
      </div>
      <WallFilters params={params} values={values} teams={teams} member={member} />
      <section aria-labelledby="wall-heading" className="space-y-3">
        <h2 id="wall-heading" className="text-lg font-semibold break-words">
          {heading}
        </h2>
        <RecognitionList
          cards={page.items}
          timeZone={viewer.timeZone}
          values={activeValues}
          label={heading}
          empty={
            filtered ? (
              <>
                No recognitions match. <Link href="/recognition">Clear the filters</Link>.
              </>
            ) : (
              <>
                No recognitions yet. <Link href="/recognition/new">Thank a colleague</Link>.
              </>
            )
          }
        />
        <PaginationNav
          nextCursor={page.nextCursor}
          isFirstPage={!params.cursor}
          hrefFor={(cursor) => hrefWith("/recognition", query, { cursor, deleted: null })}
          label="Recognition pages"
        />
      </section>
    </div>
  );
}
