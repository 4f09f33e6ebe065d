"use client";
import { useId } from "react";
import { formatDateTime } from "@/lib/core/date-format";

/** "Restore draft from …?", for a field that starts with other text than the draft. */
export default function DraftOffer({
  savedAt,
  onRestore,
  onDiscard,
}: {
  savedAt: number;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const questionId = useId();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      <p id={questionId}>Restore your draft from {formatDateTime(new Date(savedAt), zone)}?</p>
      <div className="flex gap-2">
        <button
          type="button"
          aria-describedby={questionId}
          onClick={onRestore}
          className="rounded-md border border-stone-300 bg-white px-2.5 py-1 font-medium hover:bg-stone-50"
        >
          Restore
        </button>
        <button
          type="button"
          aria-describedby={questionId}
          onClick={onDiscard}
          className="rounded-md px-2.5 py-1 text-stone-700 underline hover:text-stone-900"
        >
          Discard
        </button>
      </div>
    </div>
  );
}
