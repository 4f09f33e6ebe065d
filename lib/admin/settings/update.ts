// Changing organisation settings: admin only, audited with the values before and after.
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { recordAudit } from "@/lib/core/audit/record";
import { getSetting, getSignUpSettings } from "@/lib/core/settings/queries";
import type { SettingKey, SettingValue } from "@/lib/core/settings/registry";
import {
  askSettingsSchema,
  organisationSettingsSchema,
  recognitionSettingsSchema,
  signUpSettingsSchema,
  surveySettingsSchema,
  type SignUpSettings,
} from "@/lib/core/settings/schemas";

async function writeSetting<K extends SettingKey>(
  tx: TransactionClient,
  key: K,
  value: SettingValue<K>,
  actorId: string,
) {
  const json = value as Prisma.InputJsonValue;
  await tx.setting.upsert({
    where: { key },
    create: { key, value: json, updatedById: actorId },
    update: { value: json, updatedById: actorId },
  });
}

function sameSettings(a: SignUpSettings, b: SignUpSettings): boolean {
  return a.open === b.open && a.allowedDomains.join("\n") === b.allowedDomains.join("\n");
}

export async function updateSignUpSettings(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:settings:any");
  const parsed = signUpSettingsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const next = parsed.data;

  return db.$transaction(async (tx) => {
    // One writer at a time, so the audited "before" is what this change replaced.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('settings:signup'))::text`;
    const before = await getSignUpSettings(tx);
    if (sameSettings(before, next))
      return success("Nothing to change: the settings were already like this.");
    await writeSetting(tx, "signup.open", next.open, actor.id);
    await writeSetting(tx, "signup.allowedDomains", next.allowedDomains, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.update",
      entityType: "Setting",
      entityId: "signup",
      before,
      after: next,
    });
    return success(next.open ? "Saved. Open sign-up is on." : "Saved. Open sign-up is off.");
  });
}

/** How many public recognitions a member may give per day (against spam); admins only, audited. */
export async function updateRecognitionSettings(
  actor: Actor,
  input: unknown,
): Promise<ActionResult> {
  authorize(actor, "update:settings:any");
  const parsed = recognitionSettingsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { dailyLimit } = parsed.data;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('settings:recognition'))::text`;
    const before = await getSetting("recognition.dailyLimit", tx);
    if (before === dailyLimit) return success("Nothing to change: the limit was already this.");
    await writeSetting(tx, "recognition.dailyLimit", dailyLimit, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.update",
      entityType: "Setting",
      entityId: "recognition.dailyLimit",
      before: { dailyLimit: before },
      after: { dailyLimit },
    });
    return success(`Saved. Each member can give ${dailyLimit} recognitions a day.`);
  });
}

/**
 * How many responses a group (the organisation, a team) needs before its pulse survey
 * results show; admins only, audited. Never below 3, so that answers stay anonymous.
 */
export async function updateSurveySettings(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:settings:any");
  const parsed = surveySettingsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { minResponses } = parsed.data;
  return db.$transaction((tx) => saveSurveyThreshold(tx, actor, minResponses));
}

/**
 * The write behind updateSurveySettings, in the caller's transaction (its tests roll it
 * back: the threshold is organisation-wide and other test files read it meanwhile).
 */
export async function saveSurveyThreshold(
  tx: TransactionClient,
  actor: Actor,
  minResponses: number,
): Promise<ActionResult> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('settings:surveys'))::text`;
  const before = await getSetting("surveys.minResponses", tx);
  if (before === minResponses) {
    return success("Nothing to change: the threshold was already this.");
  }
  await writeSetting(tx, "surveys.minResponses", minResponses, actor.id);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "settings.update",
    entityType: "Setting",
    entityId: "surveys.minResponses",
    before: { minResponses: before },
    after: { minResponses },
  });
  return success(`Saved. Survey results show for groups of ${minResponses} or more responses.`);
}

/** The organisation's name, used in every email (heading and sender name); admins only, audited. */
export async function updateOrganisationSettings(
  actor: Actor,
  input: unknown,
): Promise<ActionResult> {
  authorize(actor, "update:settings:any");
  const parsed = organisationSettingsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { name } = parsed.data;
  return db.$transaction((tx) => saveOrganisationName(tx, actor, name));
}

/**
 * The write behind updateOrganisationSettings, in the caller's transaction (its tests roll it
 * back: every mail other test files send reads the name meanwhile).
 */
export async function saveOrganisationName(
  tx: TransactionClient,
  actor: Actor,
  name: string,
): Promise<ActionResult> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('settings:organisation'))::text`;
  const before = await getSetting("organisation.name", tx);
  if (before === name) return success("Nothing to change: the name was already this.");
  await writeSetting(tx, "organisation.name", name, actor.id);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "settings.update",
    entityType: "Setting",
    entityId: "organisation.name",
    before: { name: before },
    after: { name },
  });
  return success("Saved. Emails now come from this name.");
}

/**
 * When the app asks colleagues about an unanswered question, and how often one member may be
 * asked in a week (lib/asks); admins only, audited.
 */
export async function updateAskSettings(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:settings:any");
  const parsed = askSettingsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return db.$transaction((tx) => saveAskSettings(tx, actor, parsed.data));
}

/** The write behind updateAskSettings, in the caller's transaction (its tests roll it back). */
export async function saveAskSettings(
  tx: TransactionClient,
  actor: Actor,
  next: { routeAfterHours: number; weeklyCapPerMember: number },
): Promise<ActionResult> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('settings:asks'))::text`;
  const before = {
    routeAfterHours: await getSetting("asks.routeAfterHours", tx),
    weeklyCapPerMember: await getSetting("asks.weeklyCapPerMember", tx),
  };
  if (
    before.routeAfterHours === next.routeAfterHours &&
    before.weeklyCapPerMember === next.weeklyCapPerMember
  )
    return success("Nothing to change: the settings were already like this.");
  await writeSetting(tx, "asks.routeAfterHours", next.routeAfterHours, actor.id);
  await writeSetting(tx, "asks.weeklyCapPerMember", next.weeklyCapPerMember, actor.id);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "settings.update",
    entityType: "Setting",
    entityId: "asks",
    before,
    after: next,
  });
  return success(
    `Saved. Unanswered questions are routed after ${next.routeAfterHours} h; a member is asked at most ${next.weeklyCapPerMember} times a week.`,
  );
}
