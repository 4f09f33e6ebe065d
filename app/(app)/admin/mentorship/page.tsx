import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { SORT_LABELS, STATUS_LABELS } from "@/lib/mentorship/labels";
import { MentorsTable } from "@/components/mentorship/admin/mentors-table";
import { PairingFiltersForm } from "@/components/mentorship/admin/pairing-filters-form";
import { PairingsTable } from "@/components/mentorship/admin/pairings-table";
import { ProgrammeSummary } from "@/components/mentorship/admin/programme-summary";
import { TrendTable } from "@/components/mentorship/admin/trend-table";
import { WaitingTable } from "@/components/mentorship/admin/waiting-table";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { TabLinks } from "@/components/ui/tab-links";
import type { CurrentUser } from "@/lib/core/auth/session";
import { requirePermission } from "@/lib/core/auth/session";
import { HEALTH_LABELS } from "@/lib/mentorship/health";
import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";
import {
  listPairings,
  mentorsWithCapacity,
  parsePairingFilters,
  programmeSummary,
  programmeTrend,
  waitingMentees,
  type PairingFilters,
} from "@/lib/mentorship/programme";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { urlText } from "@/lib/core/forms/text";

export const metadata: Metadata = { title: "Mentoring · Admin" };

const PATH = "/admin/mentorship";

const TABS = [
  { key: "pairings", href: PATH, label: "Pairings" },
  { key: "waiting", href: `${PATH}?tab=waiting`, label: "Mentees waiting" },
  { key: "mentors", href: `${PATH}?tab=mentors`, label: "Mentors with free places" },
  { key: "trend", href: `${PATH}?tab=trend`, label: "Over time" },
] as const;

type Tab = (typeof TABS)[number]["key"];

const paramsSchema = z.object({
  tab: z.enum(["pairings", "waiting", "mentors", "trend"]).optional(),
  cursor: urlText(500).optional(),
});

/** The filters as URL query values (the default order left out). */
function filterQuery(filters: PairingFilters): Record<string, string | undefined> {
  return {
    status: filters.status,
    health: filters.health,
    q: filters.q,
    sort: filters.sort === "newest" ? undefined : filters.sort,
  };
}

function pairingsCaption(filters: PairingFilters): string {
  const parts = [
    filters.status ? `status ${STATUS_LABELS[filters.status].toLowerCase()}` : null,
    filters.health ? `health “${HEALTH_LABELS[filters.health].toLowerCase()}”` : null,
    filters.q ? `name “${filters.q}”` : null,
  ].filter(Boolean);
  const which = parts.length ? `Pairings with ${parts.join(", ")}` : "All pairings";
  return `${which}, ${SORT_LABELS[filters.sort].toLowerCase()}`;
}

async function PairingsPanel({
  viewer,
  query,
  cursor,
}: {
  viewer: CurrentUser;
  query: Record<string, string | undefined>;
  cursor: string | undefined;
}) {
  const filters = parsePairingFilters(query);
  const page = await pageOrNotFound(listPairings(viewer, filters, cursor));
  const kept = filterQuery(filters);
  const filtered = Boolean(filters.status || filters.health || filters.q);
  return (
    <div className="space-y-4">
      <PairingFiltersForm filters={filters} />
      <p>
        <a href={hrefWith(`${PATH}/pairings.csv`, kept, {})} download>
          Download CSV
        </a>
        <span className="text-sm text-stone-600">
          {" "}
          (every pairing {filtered ? "matching these filters" : "in the programme"})
        </span>
      </p>
      <PairingsTable rows={page.items} caption={pairingsCaption(filters)} filtered={filtered} />
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!cursor}
        hrefFor={(next) => hrefWith(PATH, kept, { cursor: next })}
        label="Pages of pairings"
      />
    </div>
  );
}

async function WaitingPanel({
  viewer,
  cursor,
}: {
  viewer: CurrentUser;
  cursor: string | undefined;
}) {
  const page = await pageOrNotFound(waitingMentees(viewer, cursor));
  return (
    <div className="space-y-4">
      <p className="text-stone-700">
        Members who asked for a mentor. Open a mentee&apos;s suggestions to see who fits best, and
        why.
      </p>
      <WaitingTable rows={page.items} />
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!cursor}
        hrefFor={(next) => hrefWith(PATH, { tab: "waiting" }, { cursor: next })}
        label="Pages of mentees waiting"
      />
    </div>
  );
}

async function MentorsPanel({ viewer }: { viewer: CurrentUser }) {
  const mentors = await mentorsWithCapacity(viewer);
  return (
    <div className="space-y-4">
      <p className="text-stone-700">
        Members open to mentoring who have fewer active or paused pairings than the most they said
        they would take on.
      </p>
      <MentorsTable rows={mentors} />
    </div>
  );
}

async function TrendPanel({ viewer }: { viewer: CurrentUser }) {
  const months = await programmeTrend(viewer);
  return (
    <div className="space-y-3">
      <TrendTable rows={months} />
      <p className="text-sm text-stone-600">
        A pairing counts as active at a month&apos;s end when it had started and was not yet
        completed or ended; paused pairings count too. This month&apos;s figures include pairings
        set to start later in the month.
      </p>
    </div>
  );
}

function Panel({
  tab,
  viewer,
  query,
  cursor,
}: {
  tab: Tab;
  viewer: CurrentUser;
  query: Record<string, string | undefined>;
  cursor: string | undefined;
}) {
  switch (tab) {
    case "waiting":
      return <WaitingPanel viewer={viewer} cursor={cursor} />;
    case "mentors":
      return <MentorsPanel viewer={viewer} />;
    case "trend":
      return <TrendPanel viewer={viewer} />;
    default:
      return <PairingsPanel viewer={viewer} query={query} cursor={cursor} />;
  }
}

export default async function AdminMentorshipPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:mentorship-programme:any");
  const { query, params } = await listQueryOrNotFound(searchParams, paramsSchema);
  const tab: Tab = params.tab ?? "pairings";
  const current = TABS.find((t) => t.key === tab)!;
  const summary = await programmeSummary(viewer);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-3xl space-y-1">
          <h1 className="text-2xl font-semibold">Mentoring</h1>
          <p className="text-stone-700">
            Pair mentors with mentees and keep the pairings healthy. A pairing is overdue when no
            check-in was logged within its cadence and {MENTORSHIP_LIMITS.graceDays} more days.
          </p>
        </div>
        <Link href={`${PATH}/new`} className={buttonClasses("primary")}>
          New pairing
        </Link>
      </div>
      <ProgrammeSummary summary={summary} />
      <TabLinks label="Mentoring lists" links={TABS} current={current.href} />
      <section aria-labelledby="mentoring-list-heading" className="space-y-4">
        <h2 id="mentoring-list-heading" className="text-lg font-semibold">
          {current.label}
        </h2>
        <Panel tab={tab} viewer={viewer} query={query} cursor={params.cursor} />
      </section>
    </div>
  );
}
