// Who a new recognition thanks: the members chosen one by one, plus a chosen team's active
// members at this moment. Nobody recognises themselves, and deactivated members can't be
// recognised; the giver is simply left out of their own team.
import type { Actor } from "@/lib/core/auth/authorize";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { DomainError } from "@/lib/core/forms/errors";
import { mayRecognise } from "./access";

export const NOT_YOURSELF = "You can't recognise yourself.";

function refuse(field: "recipientIds" | "teamId", message: string): never {
  throw new DomainError(message, { [field]: [message] });
}

async function chosenMembers(tx: TransactionClient, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  const members = await tx.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, status: true },
  });
  const refused = members.filter(
    (member) => !mayRecognise(actor, { id: member.id, active: member.status === "ACTIVE" }),
  );
  if (refused.some((member) => member.id === actor.id)) refuse("recipientIds", NOT_YOURSELF);
  if (members.length !== ids.length)
    refuse("recipientIds", "One of the chosen members was not found.");
  const [inactive] = refused;
  if (inactive) refuse("recipientIds", `${inactive.name} is deactivated and can't be recognised.`);
  return members.map((member) => member.id);
}

async function teamMembers(tx: TransactionClient, actor: Actor, teamId: string) {
  const team = await tx.team.findUnique({
    where: { id: teamId },
    select: { members: { where: { status: "ACTIVE" }, select: { id: true } } },
  });
  if (!team) refuse("teamId", "That team was not found.");
  return team.members
    .filter((member) => mayRecognise(actor, { id: member.id, active: true }))
    .map((member) => member.id);
}

/** The recipients' ids, deduplicated; throws a field error when the choice is refused. */
export async function resolveRecipients(
  tx: TransactionClient,
  actor: Actor,
  input: { recipientIds: string[]; teamId?: string },
): Promise<string[]> {
  const chosen = await chosenMembers(tx, actor, input.recipientIds);
  const team = input.teamId ? await teamMembers(tx, actor, input.teamId) : [];
  const all = [...new Set([...chosen, ...team])];
  if (all.length > 0) return all;
  // Only a team was chosen, and nobody in it but the giver is active.
  const onlyGiver = await tx.user.count({ where: { id: actor.id, teamId: input.teamId } });
  refuse("teamId", onlyGiver ? NOT_YOURSELF : "This team has no active members to recognise.");
}
