// A survey's answers between the moment they are given and the moment the survey closes. Each
// member's answers wait sealed in their receipt (lib/core/anonymity/sealed). When the survey
// closes, all of them are released together: the survey's responses are written again in one
// transaction, in random order, each with a new random id, and every sealed receipt is cleared
// in that same transaction. So no transaction id, physical order, id or time ties a response to
// a receipt (docs/decisions/012-anonymity.md). A team is kept on a response only where at
// least the threshold of the survey's responses came from it; a survey that closes below the
// threshold never shows results, and its answers are dropped unread.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { seal, unseal } from "@/lib/core/anonymity/sealed";
import { shuffled } from "@/lib/core/anonymity/shuffle";
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import { getSetting } from "@/lib/core/settings/queries";
import { SURVEY_LIMITS } from "./limits";

export interface SealedAnswer {
  questionId: string;
  score: number | null;
  text: string | null;
}

const payloadSchema = z.object({
  teamId: z.string().nullable(),
  answers: z.array(
    z.object({
      questionId: z.string(),
      score: z.number().int().min(1).max(5).nullable(),
      text: z.string().nullable(),
    }),
  ),
});
type Payload = z.infer<typeof payloadSchema>;

/**
 * The padded length of one member's answers to a survey with these questions: the same for
 * every member, whatever they wrote. A free-text answer (newlines, quotes and backslashes
 * escaped; no control characters or lone surrogates) takes at most twice its length in JSON.
 */
export function sealedLength(questions: readonly { kind: "SCALE" | "TEXT" }[]): number {
  const text = questions.filter((question) => question.kind === "TEXT").length;
  return 200 + 80 * (questions.length - text) + text * (2 * SURVEY_LIMITS.answerMax + 80);
}

export function sealAnswers(
  questions: readonly { kind: "SCALE" | "TEXT" }[],
  payload: Payload,
): Uint8Array<ArrayBuffer> {
  return seal(payload, sealedLength(questions));
}

type Client = Database | TransactionClient;

/** Runs `work` in a transaction: `client`'s own, or a new one. */
async function inTransaction(client: Client, work: (tx: TransactionClient) => Promise<void>) {
  const database = client as Partial<Database>;
  if (typeof database.$transaction === "function") await database.$transaction(work);
  else await work(client as TransactionClient);
}

async function openSealed(tx: TransactionClient, surveyId: string): Promise<Payload[] | null> {
  const rows = await tx.pulseReceipt.findMany({
    where: { surveyId, sealed: { not: null } },
    select: { sealed: true },
  });
  if (!rows.length) return null;
  const opened: Payload[] = [];
  for (const row of rows) {
    const payload = payloadSchema.safeParse(unseal(row.sealed!));
    if (payload.success) opened.push(payload.data);
  }
  if (opened.length < rows.length) {
    console.warn(
      `Survey answers: ${rows.length - opened.length} sealed answer(s) could not be opened (was AUTH_SECRET changed?) and were dropped.`,
    );
  }
  return opened;
}

async function releasedPayloads(tx: TransactionClient, surveyId: string): Promise<Payload[]> {
  const rows = await tx.pulseResponse.findMany({
    where: { surveyId },
    select: { teamId: true, answers: { select: { questionId: true, score: true, text: true } } },
  });
  return rows;
}

/** Teams with fewer than `threshold` of the responses become "no team". */
function withSmallTeamsMerged(payloads: Payload[], threshold: number): Payload[] {
  const counts = new Map<string, number>();
  for (const { teamId } of payloads) if (teamId) counts.set(teamId, (counts.get(teamId) ?? 0) + 1);
  return payloads.map((payload) =>
    payload.teamId && (counts.get(payload.teamId) ?? 0) < threshold
      ? { ...payload, teamId: null }
      : payload,
  );
}

async function writeResponses(
  tx: TransactionClient,
  surveyId: string,
  payloads: Payload[],
  questionIds: Set<string>,
) {
  const responses = shuffled(payloads).map((payload) => ({ ...payload, id: randomUUID() }));
  await tx.pulseResponse.createMany({
    data: responses.map(({ id, teamId }) => ({ id, surveyId, teamId })),
  });
  const answers = responses.flatMap(({ id, answers }) =>
    answers
      .filter((answer) => questionIds.has(answer.questionId))
      .map((answer) => ({ ...answer, responseId: id })),
  );
  await tx.pulseAnswer.createMany({ data: shuffled(answers) });
}

/**
 * Releases the sealed answers of a closed survey (callers check that it is closed). Does
 * nothing when none are sealed; safe to call again and from several requests at once.
 */
export async function releaseSealedAnswers(client: Client, surveyId: string): Promise<void> {
  // Most reads find nothing to release: they need no transaction and no lock.
  const waiting = await client.pulseReceipt.findFirst({
    where: { surveyId, sealed: { not: null } },
    select: { userId: true },
  });
  if (!waiting) return;
  await inTransaction(client, async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "PulseSurvey" WHERE "id" = ${surveyId} FOR UPDATE`;
    const sealed = await openSealed(tx, surveyId);
    if (!sealed) return;
    const [released, threshold, questions] = await Promise.all([
      releasedPayloads(tx, surveyId),
      getSetting("surveys.minResponses", tx),
      tx.pulseQuestion.findMany({ where: { surveyId }, select: { id: true } }),
    ]);
    const all = [...released, ...sealed];
    await tx.pulseResponse.deleteMany({ where: { surveyId } });
    if (all.length >= threshold) {
      const questionIds = new Set(questions.map((question) => question.id));
      await writeResponses(tx, surveyId, withSmallTeamsMerged(all, threshold), questionIds);
    }
    await tx.pulseReceipt.updateMany({
      where: { surveyId, sealed: { not: null } },
      data: { sealed: null },
    });
  });
}

/** Releases every survey that has closed with answers still sealed: before a report reads them. */
export async function releaseClosedSurveys(client: Client, now = new Date()): Promise<void> {
  const due = await rows(
    client,
    sqlb
      .selectFrom("PulseSurvey as s")
      .innerJoin("PulseReceipt as r", (join) =>
        join.onRef("r.surveyId", "=", "s.id").on("r.sealed", "is not", null),
      )
      .select("s.id")
      .distinct()
      .where(
        (eb) =>
          sql<boolean>`LEAST(${eb.ref("s.closedAt")}, ${eb.ref("s.closesAt")})
      <= (CAST(${now.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`,
      ),
  );
  for (const { id } of due) await releaseSealedAnswers(client, id);
}
