import { SEARCH_LIMITS } from "@/lib/search/limits";

/**
 * The site-wide search: a plain GET form to /search (no script on every page for it; the
 * results are a page load away either way), and the query lives in the URL. Give each instance on a page its own `id`. The button reads
 * "Search the site" to assistive technology, distinct from the Search buttons of page forms.
 * Narrower from lg to 2xl, where the main navigation, the bell with its count and the account
 * menu share one row (e2e/shell.spec.ts checks an admin's header at 1280 px).
 */
export function SearchBox({
  defaultValue,
  id = "site-search",
  label = "Search Learning Commons",
  className = "",
}: {
  defaultValue?: string;
  id?: string;
  label?: string;
  className?: string;
}) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label="Site search"
      className={`flex min-w-0 items-center gap-1 ${className}`}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={SEARCH_LIMITS.queryLength}
        placeholder="Search…"
        className="block w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-base shadow-sm focus:border-brand-600 sm:w-40 lg:w-28 2xl:w-40"
      />
      <button
        type="submit"
        className="inline-flex min-h-9 shrink-0 items-center rounded-md border border-stone-300 bg-white px-3 text-sm font-medium text-stone-900 hover:bg-stone-100"
      >
        Search<span className="sr-only"> the site</span>
      </button>
    </form>
  );
}
