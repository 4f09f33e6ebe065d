import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { formatNumber } from "@/lib/core/format";
import type { SkillsGap, SkillsGapSort } from "@/lib/insights/skills-gap";

const SORT_LABELS: Record<SkillsGapSort, string> = {
  gap: "Biggest gap",
  wanted: "Most wanted",
  supply: "Fewest who can teach or have shown it",
  name: "Name",
};

function pageHref(sort: SkillsGapSort, team: string | undefined) {
  const query = new URLSearchParams({ sort });
  if (team) query.set("team", team);
  return `/insights/skills?${query}`;
}

/** The team filter: a GET form, so the view is in the URL. */
export function SkillsGapTeamForm({ gap }: { gap: SkillsGap }) {
  return (
    <form
      method="get"
      action="/insights/skills"
      className="print-hidden flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <input type="hidden" name="sort" value={gap.sort} />
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="skills-team" className="font-medium text-stone-900">
          Team
        </label>
        <select
          id="skills-team"
          name="team"
          defaultValue={gap.team?.slug ?? ""}
          className="min-h-10 max-w-full rounded-md border border-stone-300 bg-white px-3 py-2"
        >
          <option value="">All teams</option>
          {gap.teams.map((team) => (
            <option key={team.id} value={team.slug}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}

/** "Sort by": plain links, the current one marked for screen readers. */
export function SkillsGapSortLinks({ gap }: { gap: SkillsGap }) {
  const sorts = Object.keys(SORT_LABELS) as SkillsGapSort[];
  return (
    <nav aria-label="Sort the skills" className="print-hidden text-sm">
      <span className="mr-2 text-stone-700">Sort by:</span>
      <ul className="inline-flex flex-wrap gap-x-3 gap-y-1">
        {sorts.map((sort) => (
          <li key={sort}>
            {sort === gap.sort ? (
              <span aria-current="page" className="font-semibold">
                {SORT_LABELS[sort]}
              </span>
            ) : (
              <Link href={pageHref(sort, gap.team?.slug)}>{SORT_LABELS[sort]}</Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The summary: one row per skill, each linking to its folded detail below. */
export function SkillsGapTable({ gap }: { gap: SkillsGap }) {
  const who = gap.team ? ` in ${gap.team.name}` : "";
  return (
    <DataTable
      caption={`Skills${who}, sorted by ${SORT_LABELS[gap.sort].toLowerCase()}`}
      columns={[
        { label: "Skill" },
        { label: "Want to learn", numeric: true },
        { label: "Can teach", numeric: true },
        { label: "Have shown it", numeric: true },
        { label: "Open questions", numeric: true },
        { label: "Open requests", numeric: true },
        { label: "Gap score", numeric: true },
      ]}
      rows={gap.skills.map((row) => ({
        key: row.id,
        cells: [
          <a key="name" href={`#skill-${row.id}`}>
            {row.name}
          </a>,
          formatNumber(row.wanted),
          formatNumber(row.teach),
          formatNumber(row.shown),
          formatNumber(row.openQuestions),
          formatNumber(row.openRequests),
          <span key="gap" className="font-semibold">
            {formatNumber(row.gap)}
          </span>,
        ],
      }))}
      empty="No member has said they want to learn or can teach a skill yet."
    />
  );
}
