import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";

export interface MentorRow {
  id: string;
  name: string;
  teamName: string | null;
  maxMentees: number;
  activeMentees: number;
  freeSeats: number;
  offers: string[];
}

const COLUMNS = [
  { label: "Mentor" },
  { label: "Team" },
  { label: "Skills offered", className: "min-w-48" },
  { label: "Places free", numeric: true, className: "whitespace-nowrap" },
  { label: "Actions", labelHidden: true, className: "whitespace-nowrap" },
];

function Skills({ row }: { row: MentorRow }) {
  if (!row.offers.length) return <span className="text-stone-600">None listed</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={`Skills ${row.name} offers`}>
      {row.offers.map((skill) => (
        <li key={skill} className="rounded bg-stone-100 px-2 py-0.5">
          {skill}
        </li>
      ))}
    </ul>
  );
}

/** Mentors open to mentoring who still have room for another mentee. */
export function MentorsTable({ rows }: { rows: MentorRow[] }) {
  return (
    <DataTable
      caption="Mentors open to mentoring with free places"
      label="Mentors with free places"
      columns={COLUMNS}
      empty="No mentor has a free place. Members can say they are open to mentoring on their profile."
      rows={rows.map((row) => ({
        key: row.id,
        cells: [
          <Link key="mentor" href={`/members/${row.id}`}>
            {row.name}
          </Link>,
          row.teamName ?? "No team",
          <Skills key="skills" row={row} />,
          `${row.freeSeats} of ${row.maxMentees}`,
          <Link key="pair" href={`/admin/mentorship/new?mentor=${encodeURIComponent(row.id)}`}>
            Pair<span className="sr-only"> {row.name} with a mentee</span>
          </Link>,
        ],
      }))}
    />
  );
}
