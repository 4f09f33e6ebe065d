import type { Metadata } from "next";
import Link from "next/link";
import { SessionCardList } from "@/components/sessions/session-card";
import { SessionTabs } from "@/components/sessions/session-tabs";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { can, requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { listMySessions } from "@/lib/sessions/queries";
import { mySessionsParamsSchema } from "@/lib/sessions/schemas";

export const metadata: Metadata = { title: "My sessions" };

export default async function MySessionsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:session:any");
  const { query, params } = await listQueryOrNotFound(searchParams, mySessionsParamsSchema);
  const when = params.when ?? "upcoming";
  const page = await pageOrNotFound(listMySessions(viewer, when, params.cursor));
  const label = when === "upcoming" ? "My upcoming sessions" : "My past sessions";

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">My sessions</h1>
        <p className="text-stone-700">
          Sessions you host, and sessions you are going to or waiting for.
        </p>
      </div>
      <SessionTabs current="/sessions/mine" canSchedule={can(viewer, "create:session:any")} />
      <nav aria-label="When" className="flex gap-4 text-sm">
        <Link href="/sessions/mine" aria-current={when === "upcoming" ? "page" : undefined}>
          Upcoming
        </Link>
        <Link href="/sessions/mine?when=past" aria-current={when === "past" ? "page" : undefined}>
          Past
        </Link>
      </nav>
      <section aria-labelledby="mine-heading" className="space-y-3">
        <h2 id="mine-heading" className="text-lg font-semibold">
          {when === "upcoming" ? "Coming up" : "Earlier"}
        </h2>
        <SessionCardList
          sessions={page.items}
          timeZone={viewer.timeZone}
          label={label}
          empty={
            when === "upcoming" ? (
              <>
                Nothing planned. <Link href="/sessions">See what&apos;s coming up</Link>.
              </>
            ) : (
              "No past sessions yet."
            )
          }
        />
        <PaginationNav
          nextCursor={page.nextCursor}
          isFirstPage={!params.cursor}
          hrefFor={(cursor) => hrefWith("/sessions/mine", query, { cursor })}
          label="My session pages"
        />
      </section>
    </div>
  );
}
