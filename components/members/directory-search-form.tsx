import Form from "next/form";
import Link from "next/link";
import type { DirectoryParams } from "@/lib/members/schemas";
import type { TeamOption } from "@/lib/members/queries";
import type { SkillOption } from "@/lib/skills/queries";
import { Button } from "@/components/ui/button";

const CONTROL =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600";

function FilterSelect({
  name,
  label,
  anyLabel,
  options,
  value,
}: {
  name: string;
  label: string;
  anyLabel: string;
  options: SkillOption[];
  value?: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={`directory-${name}`} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select id={`directory-${name}`} name={name} defaultValue={value ?? ""} className={CONTROL}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.slug} value={option.slug}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A GET form, so the search and filters live in the URL and work without JavaScript. */
export function DirectorySearchForm({
  params,
  skills,
  teams,
}: {
  params: DirectoryParams;
  skills: SkillOption[];
  teams: TeamOption[];
}) {
  return (
    <Form
      action="/members"
      role="search"
      aria-label="Member directory"
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="space-y-1">
        <label htmlFor="directory-q" className="block text-sm font-medium text-stone-800">
          Search members
        </label>
        <input
          id="directory-q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={100}
          aria-describedby="directory-q-hint"
          className={CONTROL}
        />
        <p id="directory-q-hint" className="text-sm text-stone-600">
          Name, skill, team or title. The start of a word is enough.
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <FilterSelect
          name="offered"
          label="Can teach"
          anyLabel="Any skill"
          options={skills}
          value={params.offered}
        />
        <FilterSelect
          name="wanted"
          label="Wants to learn"
          anyLabel="Any skill"
          options={skills}
          value={params.wanted}
        />
        <FilterSelect
          name="team"
          label="Team"
          anyLabel="Any team"
          options={teams}
          value={params.team}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">Search</Button>
        <Link href="/members" className="text-sm">
          Clear search and filters
        </Link>
      </div>
    </Form>
  );
}
