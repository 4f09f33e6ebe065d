import type { MarkdownHeading } from "@/lib/core/markdown/headings";

const INDENT = ["", "pl-4", "pl-8", "pl-12"];

/** Links to the post's headings (ids from <Markdown headingIds>), indented by level. */
export function TableOfContents({ headings }: { headings: MarkdownHeading[] }) {
  const top = Math.min(...headings.map((heading) => heading.depth));
  return (
    <nav
      aria-labelledby="contents-heading"
      className="rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="contents-heading" className="mb-2 text-base font-semibold">
        Contents
      </h2>
      <ol className="space-y-1 text-sm">
        {headings.map((heading) => (
          <li key={heading.id} className={INDENT[Math.min(heading.depth - top, 3)]}>
            <a href={`#${heading.id}`} className="break-words">
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
