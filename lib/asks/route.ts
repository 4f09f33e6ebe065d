// Asking colleagues: load who could answer (one statement), rank them with their reasons, and
// ask the best up to three, in one transaction with their notifications. The automatic job,
// "Find someone who can answer" and knowledge requests all come through routeTopic.
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { getSetting } from "@/lib/core/settings/queries";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadCandidates, type AskTarget } from "./candidates";
import { rankHelpers, type AskReason } from "./ranking";
import { tellAsked } from "./tell";

export interface RouteOptions {
  /** Who asked: a member on demand, null for the app (the job). */
  askedById: string | null;
  /** Fair-spread rules (penalties, weekly cap, fresh voice); off only in the benchmark. */
  fair?: boolean;
  now?: Date;
  /** Overrides the setting (tests, benchmark). */
  weeklyCap?: number;
}

export interface AskedMember {
  askId: string;
  memberId: string;
  name: string;
  score: number;
  reasons: AskReason[];
}

export interface RouteOutcome {
  topicTitle: string | null;
  asked: AskedMember[];
}

/**
 * Routing is rare and short: one transaction-level advisory lock serialises it, so that two
 * routings at once cannot both take a member's last place under the weekly cap.
 */
const ROUTING_LOCK = 20_261_207;

function targetColumns(target: AskTarget) {
  return target.kind === "question" ? { discussionId: target.id } : { requestId: target.id };
}

async function routeIn(
  tx: TransactionClient,
  target: AskTarget,
  options: Pick<RouteOptions, "askedById"> & { fair: boolean; now: Date; weeklyCap: number | null },
): Promise<RouteOutcome> {
  await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", ROUTING_LOCK);
  // JIT stays off as on every app connection (lib/core/db/create-client.ts): compiling this
  // statement took seconds against ~0.1 s of work (docs/decisions/022-asking-colleagues.md).
  const loaded = await loadCandidates(tx, {
    target,
    weeklyCap: options.weeklyCap,
    now: options.now,
  });
  if (!loaded) return { topicTitle: null, asked: [] };
  const chosen = rankHelpers(loaded.candidates, { fair: options.fair, now: options.now });
  if (chosen.length === 0) return { topicTitle: loaded.topic.title, asked: [] };
  const created = await tx.ask.createManyAndReturn({
    data: chosen.map((helper) => ({
      ...targetColumns(target),
      askedMemberId: helper.memberId,
      askedById: options.askedById,
      reasons: helper.reasons as unknown as Prisma.InputJsonValue,
      score: helper.score,
      createdAt: options.now,
    })),
    skipDuplicates: true,
    select: { id: true, askedMemberId: true },
  });
  const byMember = new Map(chosen.map((helper) => [helper.memberId, helper]));
  const asked = created.map((row) => {
    const helper = byMember.get(row.askedMemberId)!;
    return { askId: row.id, ...helper };
  });
  await tellAsked(tx, {
    actorId: options.askedById,
    memberIds: asked.map((member) => member.memberId),
    data: { ...targetColumns(target), title: loaded.topic.title },
  });
  return { topicTitle: loaded.topic.title, asked };
}

/** Asks up to three colleagues about a question or knowledge request; see routeIn. */
export async function routeTopic(target: AskTarget, options: RouteOptions): Promise<RouteOutcome> {
  const fair = options.fair ?? true;
  const now = options.now ?? new Date();
  const weeklyCap = fair
    ? (options.weeklyCap ?? (await getSetting("asks.weeklyCapPerMember")))
    : null;
  return db.$transaction((tx) =>
    routeIn(tx, target, { askedById: options.askedById, fair, now, weeklyCap }),
  );
}
