import type { DiscussionKind } from "@/lib/generated/prisma/enums";
import { KIND_LABELS } from "@/lib/discussions/labels";

type Tone = "brand" | "green" | "amber" | "red" | "stone";

/** A small label in one of the tones of globals.css (`.badge-<tone>`). */
export function Badge({ tone = "stone", children }: { tone?: Tone; children: string }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
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
