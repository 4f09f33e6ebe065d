// The fixed set of reactions (the ReactionKind enum): labels and emoji, in display order.
// The reaction bar (a client component) imports this file: keep zod and other server-side
// code out of it (the form's schema is in ./schemas.ts).
import type { ReactionKind } from "@/lib/generated/prisma/enums";

export interface ReactionDefinition {
  kind: ReactionKind;
  label: string;
  emoji: string;
}

export const REACTIONS: readonly ReactionDefinition[] = [
  { kind: "LIKE", label: "Like", emoji: "👍" },
  { kind: "INSIGHTFUL", label: "Insightful", emoji: "💡" },
  { kind: "CELEBRATE", label: "Celebrate", emoji: "🎉" },
  { kind: "THANKS", label: "Thanks", emoji: "🙏" },
];

export const REACTION_KINDS = REACTIONS.map((reaction) => reaction.kind) as [
  ReactionKind,
  ...ReactionKind[],
];

export function reactionLabel(kind: ReactionKind): string {
  return REACTIONS.find((reaction) => reaction.kind === kind)?.label ?? kind;
}

/** What a reaction button says to screen readers: "Insightful, 3 reactions, you reacted". */
export function reactionButtonLabel(label: string, count: number, mine: boolean): string {
  const reactions = `${count} ${count === 1 ? "reaction" : "reactions"}`;
  return `${label}, ${reactions}${mine ? ", you reacted" : ""}`;
}

/** Reaction counts by kind plus which ones the viewer gave. */
export interface ReactionSummary {
  counts: Partial<Record<ReactionKind, number>>;
  mine: ReactionKind[];
}

export const NO_REACTIONS: ReactionSummary = { counts: {}, mine: [] };
