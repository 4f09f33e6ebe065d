import type { ReactNode } from "react";

/**
 * Detail folded behind a clear label (a native <details>: keyboard-operable, closed by
 * default), so that a long leader page leads with its summary.
 */
export function Fold({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <details className="fold">
      <summary className="fold-summary">{label}</summary>
      <div className="fold-body">{children}</div>
    </details>
  );
}
