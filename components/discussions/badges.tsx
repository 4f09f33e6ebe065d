import type { DiscussionKind } from "@/lib/generated/prisma/enums";
import { KIND_LABELS } from "@/lib/discussions/labels";

type Tone = "brand" | "green" | "amber" | "red" | "stone";

const TONES: Record<Tone, string> = {
  brand: "bg-brand-50 text-brand-800",
  green: "bg-green-100 text-green-900",
  amber: "bg-amber-100 text-amber-900",
  red: "bg-red-100 text-red-900",
  stone: "bg-stone-100 text-stone-800",
};

export function Badge({ tone = "stone", children }: { tone?: Tone; children: string }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${TONES[tone]}`}>
      {children}
    </span>
  );
}

/** The kind, and for a question whether it has an accepted answer. */
export function KindBadges({ kind, answered }: { kind: DiscussionKind; answered: boolean }) {
  return (
    <>
      <Badge tone="brand">{KIND_LABELS[kind]}</Badge>
      {kind === "QUESTION" ? (
        answered ? (
          <Badge tone="green">Answered</Badge>
        ) : (
          <Badge tone="amber">Unanswered</Badge>
        )
      ) : null}
    </>
  );
}
