import Form from "next/form";
import Link from "next/link";
import type { ListParams } from "@/lib/discussions/schemas";
import type { TagChip } from "@/lib/discussions/queries";
import { Button } from "@/components/ui/button";

const CONTROL =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600";

interface Option {
  value: string;
  label: string;
}

function FilterSelect({
  name,
  label,
  options,
  value,
}: {
  name: string;
  label: string;
  options: Option[];
  value?: string;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={`discussions-${name}`} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select id={`discussions-${name}`} name={name} defaultValue={value ?? ""} className={CONTROL}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A GET form: the filters and sort live in the URL, so a filtered list can be shared. */
export function DiscussionFilters({ params, tags }: { params: ListParams; tags: TagChip[] }) {
  const tagOptions = [
    { value: "", label: "Any tag" },
    ...tags.map((t) => ({ value: t.slug, label: t.name })),
  ];
  if (params.tag && !tags.some((tag) => tag.slug === params.tag))
    tagOptions.push({ value: params.tag, label: params.tag });
  return (
    <Form
      action="/discussions"
      role="search"
      aria-label="Filter discussions"
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5">
        <FilterSelect
          name="kind"
          label="Kind"
          value={params.kind}
          options={[
            { value: "", label: "All kinds" },
            { value: "discussion", label: "Discussions" },
            { value: "question", label: "Questions" },
          ]}
        />
        <FilterSelect
          name="status"
          label="Answered"
          value={params.status}
          options={[
            { value: "", label: "Any" },
            { value: "unanswered", label: "Unanswered questions" },
            { value: "answered", label: "Answered questions" },
          ]}
        />
        <FilterSelect name="tag" label="Tag" value={params.tag} options={tagOptions} />
        <FilterSelect
          name="scope"
          label="Started by"
          value={params.scope}
          options={[
            { value: "", label: "Anyone" },
            { value: "mine", label: "Me" },
            { value: "following", label: "Anyone, in tags I follow" },
          ]}
        />
        <FilterSelect
          name="sort"
          label="Sort by"
          value={params.sort}
          options={[
            { value: "activity", label: "Latest activity" },
            { value: "newest", label: "Newest" },
            { value: "reactions", label: "Most reactions" },
          ]}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">Apply filters</Button>
        <Link href="/discussions" className="text-sm">
          Clear filters
        </Link>
      </div>
    </Form>
  );
}
