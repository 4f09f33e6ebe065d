import Link from "next/link";
import { Fold } from "@/components/insights/fold";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { formatNumber } from "@/lib/core/format";
import {
  hostReasons,
  mentoringHref,
  sessionProposalHref,
  type QuarterFigures,
  type SkillGapRow,
} from "@/lib/insights/skills-gap";

function OpenList({
  heading,
  items,
  total,
  href,
}: {
  heading: string;
  items: { id: string; title: string }[];
  total: number;
  href: (id: string) => string;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <h3 className="font-medium">
        {heading} ({formatNumber(total)})
      </h3>
      {items.length ? (
        <ul className="list-disc space-y-1 pl-5">
          {items.map((item) => (
            <li key={item.id} className="break-words">
              <Link href={href(item.id)}>{item.title}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-700">None.</p>
      )}
    </div>
  );
}

function QuartersTable({ name, quarters }: { name: string; quarters: QuarterFigures[] }) {
  return (
    <DataTable
      caption={`${name} over the last four quarters`}
      columns={[
        { label: "Quarter", className: "whitespace-nowrap" },
        { label: "Members who showed it", numeric: true },
        { label: "Open questions at the quarter's end", numeric: true },
        { label: "Sessions on it" },
        { label: "Mentoring pairings started", numeric: true },
      ]}
      rows={quarters.map((quarter) => ({
        key: quarter.label,
        cells: [
          quarter.label,
          formatNumber(quarter.shown),
          formatNumber(quarter.openQuestions),
          quarter.sessions.length ? (
            <ul key="sessions" className="space-y-1">
              {quarter.sessions.map((session) => (
                <li key={session.id} className="break-words">
                  <Link href={`/sessions/${session.id}`}>{session.title}</Link>
                </li>
              ))}
            </ul>
          ) : (
            "—"
          ),
          formatNumber(quarter.pairingsStarted),
        ],
      }))}
      empty="No figures."
    />
  );
}

/** One skill's detail, folded: what to do about it, who could help, what waits, over time. */
export function SkillGapDetail({
  row,
  quarters,
}: {
  row: SkillGapRow;
  quarters: QuarterFigures[];
}) {
  return (
    <section id={`skill-${row.id}`} aria-label={row.name} className="scroll-mt-4">
      <Fold
        label={
          <>
            <span className="font-semibold">{row.name}</span>{" "}
            <span className="text-stone-700">(gap score {formatNumber(row.gap)})</span>
          </>
        }
      >
        <div className="space-y-4">
          <div className="flex flex-wrap gap-3">
            <Link href={sessionProposalHref(row)} className={buttonClasses("secondary")}>
              Propose a session<span className="sr-only"> on {row.name}</span>
            </Link>
            <Link href={mentoringHref(row)} className={buttonClasses("ghost")}>
              Ask for mentoring<span className="sr-only"> in {row.name}</span>
            </Link>
          </div>
          <div className="space-y-1">
            <h3 className="font-medium">Suggested hosts</h3>
            {row.hosts.length ? (
              <ul className="list-disc space-y-1 pl-5">
                {row.hosts.map((host) => (
                  <li key={host.id} className="break-words">
                    <Link href={`/members/${host.id}`}>{host.name}</Link>: {hostReasons(host)}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-stone-700">
                Nobody says they can teach it or has shown it yet: a mentor or host may come from
                outside the team.
              </p>
            )}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <OpenList
              heading="Open questions"
              items={row.questions}
              total={row.openQuestions}
              href={(id) => `/discussions/${id}`}
            />
            <OpenList
              heading="Open knowledge requests"
              items={row.requests}
              total={row.openRequests}
              href={(id) => `/requests/${id}`}
            />
          </div>
          <QuartersTable name={row.name} quarters={quarters} />
        </div>
      </Fold>
    </section>
  );
}
