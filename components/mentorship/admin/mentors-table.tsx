import Link from "next/link";
import { ScrollableTable } from "@/components/ui/scrollable-table";
import { CELL, NUMBER } from "./pairings-table";

export interface MentorRow {
  id: string;
  name: string;
  teamName: string | null;
  maxMentees: number;
  activeMentees: number;
  freeSeats: number;
  offers: string[];
}

/** Mentors open to mentoring who still have room for another mentee. */
export function MentorsTable({ rows }: { rows: MentorRow[] }) {
  return (
    <ScrollableTable label="Mentors with free places">
      <table className="relative w-full text-sm">
        <caption className="p-3 text-left font-semibold">
          Mentors open to mentoring with free places
        </caption>
        <thead>
          <tr>
            <th scope="col" className={CELL}>
              Mentor
            </th>
            <th scope="col" className={CELL}>
              Team
            </th>
            <th scope="col" className={CELL}>
              Skills offered
            </th>
            <th scope="col" className={NUMBER}>
              Places free
            </th>
            <th scope="col" className={CELL}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={`${CELL} font-medium`}>
                <Link href={`/members/${row.id}`}>{row.name}</Link>
              </th>
              <td className={CELL}>{row.teamName ?? "No team"}</td>
              <td className={`${CELL} min-w-48`}>
                {row.offers.length ? (
                  <ul className="flex flex-wrap gap-1" aria-label={`Skills ${row.name} offers`}>
                    {row.offers.map((skill) => (
                      <li key={skill} className="rounded bg-stone-100 px-2 py-0.5">
                        {skill}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-stone-600">None listed</span>
                )}
              </td>
              <td className={`${NUMBER} whitespace-nowrap`}>
                {row.freeSeats} of {row.maxMentees}
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <Link href={`/admin/mentorship/new?mentor=${encodeURIComponent(row.id)}`}>
                  Pair<span className="sr-only"> {row.name} with a mentee</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length ? null : (
        <p className="p-3 text-stone-700">
          No mentor has a free place. Members can say they are open to mentoring on their profile.
        </p>
      )}
    </ScrollableTable>
  );
}
