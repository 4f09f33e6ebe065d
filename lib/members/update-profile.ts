import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { authorize, PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import { skillSlug } from "@/lib/core/vocabulary";
import { mayEditProfile } from "./access";
import { profileSchema } from "./schemas";

/** Finds the team by its normalised identity, creating it the first time someone names it. */
async function teamIdFor(tx: TransactionClient, name: string): Promise<string> {
  const slug = skillSlug(name);
  // ON CONFLICT DO NOTHING: two members naming a new team at once both end up in one row.
  await tx.team.createMany({ data: [{ name, slug }], skipDuplicates: true });
  const team = await tx.team.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return team.id;
}

/** Skill ids by slug, adding new skills to the shared vocabulary as they were first written. */
async function skillIdsFor(tx: TransactionClient, names: string[]): Promise<Map<string, string>> {
  if (!names.length) return new Map();
  await tx.skill.createMany({
    data: names.map((name) => ({ name, slug: skillSlug(name) })),
    skipDuplicates: true,
  });
  const rows = await tx.skill.findMany({
    where: { slug: { in: names.map(skillSlug) } },
    select: { id: true, slug: true },
  });
  return new Map(rows.map((row) => [row.slug, row.id]));
}

function requestedMemberId(input: unknown): unknown {
  return typeof input === "object" && input !== null
    ? (input as Record<string, unknown>).memberId
    : undefined;
}

/**
 * Saves the actor's own profile: fields, team and both skill lists, all or nothing.
 * `input.memberId`, when given, must be the actor's own id.
 */
export async function updateProfile(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:profile:own");
  const memberId = requestedMemberId(input);
  if (
    memberId !== undefined &&
    (typeof memberId !== "string" || !mayEditProfile(actor, { id: memberId }))
  )
    throw new PermissionDenied("update:profile:own");

  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { offered, wanted, team, ...fields } = parsed.data;

  await db.$transaction(async (tx) => {
    const teamId = team ? await teamIdFor(tx, team) : null;
    const saved = await tx.user.updateMany({
      where: { id: actor.id, status: "ACTIVE" },
      data: { ...fields, teamId },
    });
    if (saved.count === 0) throw new NotFound("Your profile");
    const skillIds = await skillIdsFor(tx, [...offered, ...wanted]);
    const skillRow = (kind: "OFFERED" | "WANTED") => (name: string) => ({
      userId: actor.id,
      skillId: skillIds.get(skillSlug(name))!,
      kind,
    });
    await tx.memberSkill.deleteMany({ where: { userId: actor.id } });
    await tx.memberSkill.createMany({
      data: [...offered.map(skillRow("OFFERED")), ...wanted.map(skillRow("WANTED"))],
    });
  });
  return success("Profile saved.");
}
