"use client";
import { lazy, Suspense } from "react";

// The markdown pipeline (parser, GFM, sanitiser) is most of a form's JavaScript; it is
// loaded when a member first asks for a preview, not with every page that has an editor.
const Markdown = lazy(() =>
  import("@/components/markdown").then((module) => ({ default: module.Markdown })),
);

/** <Markdown> for previews in forms, its renderer loaded on first use. */
export function MarkdownPreview({ source }: { source: string }) {
  return (
    <Suspense fallback={<p className="text-sm text-stone-600">Loading the preview…</p>}>
      <Markdown source={source} />
    </Suspense>
  );
}
