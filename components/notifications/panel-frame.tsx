import type { ReactNode } from "react";

/** The bell menu's floating box (under the bell; across the screen on a phone). */
export function PanelFrame({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div
      id={id}
      className="absolute right-0 z-50 mt-1.5 w-80 rounded-md max-sm:fixed max-sm:inset-x-3 max-sm:top-14 max-sm:w-auto border border-stone-200 bg-white p-1 shadow-lg"
    >
      {children}
    </div>
  );
}
