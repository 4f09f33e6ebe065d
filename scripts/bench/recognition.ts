// Generated public recognitions: a giver thanks 1–3 members, or (about one in ten) a whole
// team, whose active members are then its recipients as when the app gives one; for a company
// value; some from leaders (featured when given), a few featured later; applause from others.
// applauseCount is computed from the applause written.
import {
  distinctActive,
  HOUR,
  later,
  latest,
  MINUTE,
  moderation,
  pastMoment,
  pickActive,
  type People,
  type SeedContext,
} from "./context";
import type { Random } from "./random";
import type { Writers } from "./tables";
import { fillTemplate, sentence } from "./text";
import { timestamp } from "./writer";

/** Share of recognitions given to a whole team. */
export const TEAM_SHARE = 0.1;

const MESSAGES = [
  "Thank you for explaining {topic} so patiently to {role}.",
  "Huge thanks for running {practice} on {topic}: {outcome}.",
  "Thanks for writing down {artifact} before anyone asked.",
  "You made {topic} feel approachable for the whole {team} team.",
  "Thank you for stepping in when {pain} got in the way.",
  "Grateful for the time you spent pairing with me on {topic}.",
  "Your notes from {practice} saved us hours {time}.",
];

/**
 * Teams a team recognition goes to: the smaller half of the teams (at least two active
 * members). A large department is rarely thanked as a whole, and a team recognition copies
 * every active member of the team as a recipient.
 */
export function teamsForRecognition(people: People): string[] {
  const teams = [...people.teamMembers]
    .filter(([, members]) => members.length >= 2)
    .sort(([a, x], [b, y]) => x.length - y.length || a.localeCompare(b));
  return teams.slice(0, Math.max(1, Math.ceil(teams.length / 2))).map(([teamId]) => teamId);
}

export interface RecognitionInput {
  /** Active company values, in their display order (the first are chosen more often). */
  valueIds: readonly string[];
  /** See teamsForRecognition. */
  teamIds: readonly string[];
}

/** Queues one recognition with its recipients and applause; returns how many recipients. */
export function addRecognition(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  input: RecognitionInput,
): number {
  const id = ctx.newId();
  const createdAt = pastMoment(ctx, random);
  const giverId = pickActive(ctx, random, 1.8);
  const toTeam = input.teamIds.length > 0 && random.chance(TEAM_SHARE);
  const teamId = toTeam ? random.pick(input.teamIds) : null;
  let recipients = teamId
    ? ctx.people.teamMembers.get(teamId)!.filter((userId) => userId !== giverId)
    : distinctActive(
        ctx,
        random,
        random.pick([1, 1, 1, 1, 1, 1, 2, 2, 2, 3]),
        new Set([giverId]),
        1.3,
      );
  if (!recipients.length) recipients = distinctActive(ctx, random, 1, new Set([giverId]));
  for (const userId of recipients) writers.recipient.add({ recognitionId: id, userId });

  const leaders = ctx.people.leaders;
  const asLeader = leaders.includes(giverId) && random.chance(0.4);
  const featuredLater = !asLeader && leaders.length > 0 && random.chance(0.04);
  const featuredAt = asLeader
    ? createdAt
    : featuredLater
      ? later(ctx, createdAt, random.int(1, 72) * HOUR)
      : null;
  const moderated = moderation(random, 0.004);
  const editedAt = random.chance(0.03) ? later(ctx, createdAt, random.int(1, 120) * MINUTE) : null;
  const hiddenAt = moderated === "hidden" ? later(ctx, createdAt, 6 * HOUR) : null;
  const deletedAt = moderated === "deleted" ? later(ctx, createdAt, 2 * HOUR) : null;

  const except = new Set([giverId, ...recipients]);
  const applauders = distinctActive(ctx, random, Math.floor(random.next() ** 2.5 * 20), except);
  for (const userId of applauders) {
    writers.applause.add({
      recognitionId: id,
      userId,
      createdAt: timestamp(later(ctx, createdAt, random.int(1, 7 * 24 * 60) * MINUTE)),
    });
  }

  writers.recognition.add({
    id,
    kind: asLeader ? "LEADER" : "SHOUT_OUT",
    giverId,
    message: random.chance(0.5)
      ? fillTemplate(random.pick(MESSAGES), random)
      : `${fillTemplate(random.pick(MESSAGES), random)} ${sentence(random)}`,
    valueId: input.valueIds[random.skewedIndex(input.valueIds.length, 1.3)],
    teamId,
    featuredAt: timestamp(featuredAt),
    featuredById: asLeader ? giverId : featuredLater ? random.pick(leaders) : null,
    applauseCount: applauders.length,
    createdAt: timestamp(createdAt),
    updatedAt: timestamp(latest(createdAt, featuredAt, editedAt, hiddenAt, deletedAt)),
    editedAt: timestamp(editedAt),
    deletedAt: timestamp(deletedAt),
    hiddenAt: timestamp(hiddenAt),
  });
  return recipients.length;
}
