import type { ReactNode } from "react";

/** A confirmation after a redirect (?published=1 and the like), announced when it appears. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite">
      <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
        {children}
      </p>
    </div>
  );
}

/** The first of the notes named in the URL that this page knows, if any. */
export function noteFrom<Key extends string>(
  searchParams: Record<string, string | string[] | undefined>,
  messages: Record<Key, string>,
): string | undefined {
  const key = (Object.keys(messages) as Key[]).find((name) => searchParams[name] === "1");
  return key ? messages[key] : undefined;
}
