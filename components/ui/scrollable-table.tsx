import type { ReactNode } from "react";

/**
 * A table's frame that scrolls sideways on a narrow screen. It is focusable and named, so
 * that keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      {children}
    </div>
  );
}
