import Form from "next/form";
import Link from "next/link";
import { TAG_FILTER_LENGTH } from "@/lib/tags/schemas";
import { Button } from "@/components/ui/button";

/** A GET form for /tags: tags whose name starts with what was typed. */
export function TagsFilterForm({ q }: { q?: string }) {
  return (
    <Form
      action="/tags"
      role="search"
      aria-label="Filter tags"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="min-w-0 flex-1 space-y-1 sm:max-w-sm">
        <label htmlFor="tags-q" className="block text-sm font-medium text-stone-800">
          Tag name starts with
        </label>
        <input
          id="tags-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={TAG_FILTER_LENGTH}
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600"
        />
      </div>
      <Button type="submit">Filter</Button>
      {q ? (
        <Link href="/tags" className="pb-2 text-sm">
          Show all tags
        </Link>
      ) : null}
    </Form>
  );
}
