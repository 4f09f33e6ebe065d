import Form from "next/form";
import type { SearchType } from "@/lib/search/schemas";
import { SEARCH_LIMITS } from "@/lib/search/limits";
import { Button } from "@/components/ui/button";

const CONTROL =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600";

/** The search page's own form: the words, an optional tag, and the current result type kept. */
export function SearchForm({ q, type, tag }: { q: string; type: SearchType; tag?: string }) {
  return (
    <Form
      action="/search"
      role="search"
      aria-label="Search options"
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <div className="space-y-1">
          <label htmlFor="search-q" className="block text-sm font-medium text-stone-800">
            Search for
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={SEARCH_LIMITS.queryLength}
            aria-describedby="search-q-hint"
            className={CONTROL}
          />
          <p id="search-q-hint" className="text-sm text-stone-600">
            Use &quot;quotes&quot; for an exact phrase, and -word to leave a word out.
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor="search-tag" className="block text-sm font-medium text-stone-800">
            Only with tag
          </label>
          <input
            id="search-tag"
            name="tag"
            defaultValue={tag}
            maxLength={60}
            aria-describedby="search-tag-hint"
            className={CONTROL}
          />
          <p id="search-tag-hint" className="text-sm text-stone-600">
            Optional, for example: testing
          </p>
        </div>
      </div>
      {type !== "all" ? <input type="hidden" name="type" value={type} /> : null}
      <Button type="submit">Search</Button>
    </Form>
  );
}
