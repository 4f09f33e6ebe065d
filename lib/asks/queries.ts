// What other domains read of asks: a member's own ask, as the pages that show it need it.
import type { AskStatus } from "@/lib/generated/prisma/enums";
import type { AskReason } from "./ranking";

export interface MyAsk {
  id: string;
  status: AskStatus;
  reasons: AskReason[];
  askedByName: string | null;
}

/** An Ask row (with who asked) as the asked member's view of it. */
export function myAskOf(ask: {
  id: string;
  status: AskStatus;
  reasons: unknown;
  askedBy: { name: string } | null;
}): MyAsk {
  return {
    id: ask.id,
    status: ask.status,
    reasons: ask.reasons as AskReason[],
    askedByName: ask.askedBy?.name ?? null,
  };
}
