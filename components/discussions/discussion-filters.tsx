"use client";
import Form from "next/form";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, useSyncExternalStore, useTransition, type ChangeEvent } from "react";
import type { ListParams } from "@/lib/discussions/schemas";
import type { TagChip } from "@/lib/discussions/queries";
import { Button } from "@/components/ui/button";

interface Option {
  value: string;
  label: string;
}

type FilterName = "kind" | "status" | "tag" | "scope" | "sort";
type FilterValues = Record<FilterName, string>;

const KIND_OPTIONS: Option[] = [
  { value: "", label: "All kinds" },
  { value: "discussion", label: "Discussions" },
  { value: "question", label: "Questions" },
];
const STATUS_OPTIONS: Option[] = [
  { value: "", label: "Any" },
  { value: "unanswered", label: "Unanswered questions" },
  { value: "answered", label: "Answered questions" },
];
const SCOPE_OPTIONS: Option[] = [
  { value: "", label: "Anyone" },
  { value: "mine", label: "Me" },
  { value: "following", label: "Anyone, in tags I follow" },
];
const SORT_OPTIONS: Option[] = [
  { value: "activity", label: "Latest activity" },
  { value: "newest", label: "Newest" },
  { value: "reactions", label: "Most reactions" },
];

// Whether the page is hydrated: false in the server's HTML, true once the browser runs it.
const neverChanges = () => () => {};
const inTheBrowser = () => true;
const onTheServer = () => false;

function valuesOf(params: ListParams): FilterValues {
  return {
    kind: params.kind ?? "",
    status: params.status ?? "",
    tag: params.tag ?? "",
    scope: params.scope ?? "",
    sort: params.sort,
  };
}

/** The list's address for these filters: empty ones and the default sort left out, no cursor. */
function filtersHref(path: string, values: FilterValues): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value && !(name === "sort" && value === "activity")) query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

function FilterSelect({
  name,
  label,
  options,
  value,
  onChange,
}: {
  name: FilterName;
  label: string;
  options: Option[];
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}) {
  return (
    <div className="min-w-0">
      <label htmlFor={`discussions-${name}`} className="filter-label">
        {label}
      </label>
      <select
        id={`discussions-${name}`}
        name={name}
        value={value}
        onChange={onChange}
        className="filter-select"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The list's filters and sort, kept in the URL so a filtered list can be shared. Without
 * JavaScript a plain GET form with an Apply button; with it, changing a select replaces the
 * URL at once and focus stays on the select (the page announces the new count). The selects
 * are controlled, and follow the URL when it changes elsewhere (a tag link, "Clear filters").
 * On a phone they fold behind "Filters" (a <details>, so it opens without JavaScript too).
 */
export function DiscussionFilters({ params, tags }: { params: ListParams; tags: TagChip[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const hydrated = useSyncExternalStore(neverChanges, inTheBrowser, onTheServer);
  const [pending, startTransition] = useTransition();
  const fromUrl = valuesOf(params);
  const [values, setValues] = useState(fromUrl);
  const [shown, setShown] = useState(fromUrl);
  // Adjusting state to new props while rendering (React's documented pattern, not an effect).
  if (filtersHref("", fromUrl) !== filtersHref("", shown)) {
    setShown(fromUrl);
    setValues(fromUrl);
  }

  const change = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = { ...values, [event.target.name]: event.target.value } as FilterValues;
    setValues(next);
    startTransition(() => router.replace(filtersHref(pathname, next), { scroll: false }));
  };

  const tagOptions: Option[] = [
    { value: "", label: "Any tag" },
    ...tags.map((tag) => ({ value: tag.slug, label: tag.name })),
  ];
  if (values.tag && !tags.some((tag) => tag.slug === values.tag))
    tagOptions.push({ value: values.tag, label: values.tag });
  const active = (["kind", "status", "tag", "scope"] as const).filter((name) => values[name]);

  return (
    <details className="filter-fold">
      <summary>{active.length ? `Filters (${active.length} on)` : "Filters"}</summary>
      <Form
        action="/discussions"
        role="search"
        aria-label="Filter discussions"
        aria-busy={pending || undefined}
        className="filter-form"
      >
        <FilterSelect
          name="kind"
          label="Kind"
          value={values.kind}
          options={KIND_OPTIONS}
          onChange={change}
        />
        <FilterSelect
          name="status"
          label="Answered"
          value={values.status}
          options={STATUS_OPTIONS}
          onChange={change}
        />
        <FilterSelect
          name="tag"
          label="Tag"
          value={values.tag}
          options={tagOptions}
          onChange={change}
        />
        <FilterSelect
          name="scope"
          label="Started by"
          value={values.scope}
          options={SCOPE_OPTIONS}
          onChange={change}
        />
        <FilterSelect
          name="sort"
          label="Sort by"
          value={values.sort}
          options={SORT_OPTIONS}
          onChange={change}
        />
        <div className="filter-actions">
          <Button type="submit" hidden={hydrated}>
            Apply filters
          </Button>
          <Link href={pathname} replace scroll={false}>
            Clear filters
          </Link>
        </div>
      </Form>
    </details>
  );
}
