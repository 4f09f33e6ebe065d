// Renders member-written markdown safely: GFM, no raw HTML (it shows as literal text), an
// allow-list sanitiser, and only http(s)/mailto links. Works in server and client components.
import type { ComponentPropsWithoutRef } from "react";
import type { Element } from "hast";
import { toJsxRuntime, type Components as RuntimeComponents } from "hast-util-to-jsx-runtime";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { markdownTree } from "@/lib/core/markdown/tree";

type Props<Tag extends keyof React.JSX.IntrinsicElements> = ComponentPropsWithoutRef<Tag> & {
  node?: Element;
};

function Link({ node: _node, href, children, ...props }: Props<"a">) {
  if (!href) return <span>{children}</span>;
  return (
    <a {...props} href={href} rel="nofollow noopener noreferrer">
      {children}
    </a>
  );
}

function Image({ node: _node, src, alt }: Props<"img">) {
  if (!src || typeof src !== "string") return alt ? <span>{alt}</span> : null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- members link any host; next/image needs known ones
    <img
      src={src}
      alt={alt ?? ""}
      loading="lazy"
      referrerPolicy="no-referrer"
      className="max-w-full"
    />
  );
}

// The page around the markdown owns h1 and h2; the writer's headings start at h3.
function heading(Tag: "h3" | "h4" | "h5" | "h6", size = "") {
  return function Heading({ node: _node, className, ...props }: Props<"h1">) {
    // Keep a class the pipeline set (GFM's visually hidden "Footnotes" label is sr-only).
    return (
      <Tag {...props} className={`mt-3 mb-1 font-semibold ${size} ${className ?? ""}`.trim()} />
    );
  };
}

// A code block wider than the page scrolls sideways; keyboard users must be able to scroll it.
function CodeBlock({ node: _node, ...props }: Props<"pre">) {
  return <pre {...props} tabIndex={0} />;
}

const components: Partial<RuntimeComponents> = {
  a: Link,
  pre: CodeBlock,
  img: Image,
  h1: heading("h3", "text-lg"),
  h2: heading("h4", "text-base"),
  h3: heading("h5"),
  h4: heading("h6"),
  h5: heading("h6"),
  h6: heading("h6"),
};

/**
 * `headingIds` gives each heading an id for a table of contents (see extractHeadings in
 * lib/core/markdown/headings.ts). Use it for at most one text per page, so ids stay unique.
 */
export function Markdown({
  source,
  className = "",
  headingIds = false,
}: {
  source: string;
  className?: string;
  headingIds?: boolean;
}) {
  return (
    <div className={`prose-content break-words ${className}`}>
      {toJsxRuntime(markdownTree(source, { headingIds }), {
        Fragment,
        jsx,
        jsxs,
        components,
        ignoreInvalidStyle: true,
        passKeys: true,
        passNode: true,
      })}
    </div>
  );
}
