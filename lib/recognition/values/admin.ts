// Admins manage the company values recognitions are given for: add, change, reorder, archive
// and restore. Archiving keeps past recognitions' value; it only leaves the choice list.
// Every change is audited in the same transaction.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { recordAudit } from "@/lib/core/audit/record";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows as run, sqlb } from "@/lib/core/db/typed-sql";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { skillSlug } from "@/lib/core/vocabulary";
import {
  archiveValueSchema,
  createValueSchema,
  moveValueSchema,
  updateValueSchema,
} from "@/lib/recognition/schemas";

const PERMISSION = "update:company-value:any";
const THE_VALUE = "That value";

const FIELDS = {
  id: true,
  name: true,
  description: true,
  emoji: true,
  colour: true,
  position: true,
  archivedAt: true,
} as const;

async function assertNameFree(tx: TransactionClient, name: string, exceptId?: string) {
  const taken = await tx.companyValue.findFirst({
    where: {
      name: { equals: name, mode: "insensitive" },
      id: exceptId ? { not: exceptId } : undefined,
    },
    select: { id: true },
  });
  if (taken) {
    const message = `There is already a value called “${name}”.`;
    throw new DomainError(message, { name: [message] });
  }
}

/** A slug no other value has: the name's, with -2, -3… when it is taken. */
async function freeSlug(tx: TransactionClient, name: string): Promise<string> {
  const base = skillSlug(name) || "value";
  const taken = new Set(
    (
      await tx.companyValue.findMany({
        where: { slug: { startsWith: base } },
        select: { slug: true },
      })
    ).map((row) => row.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}

async function existingValue(tx: TransactionClient, id: string) {
  const value = await tx.companyValue.findUnique({ where: { id }, select: FIELDS });
  if (!value) throw new NotFound(THE_VALUE);
  return value;
}

export async function createValue(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, PERMISSION);
  const parsed = createValueSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const fields = parsed.data;
  const value = await db.$transaction(async (tx) => {
    await assertNameFree(tx, fields.name);
    const last = await tx.companyValue.aggregate({ _max: { position: true } });
    const created = await tx.companyValue.create({
      data: {
        ...fields,
        slug: await freeSlug(tx, fields.name),
        position: (last._max.position ?? -1) + 1,
      },
      select: FIELDS,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "value.create",
      entityType: "CompanyValue",
      entityId: created.id,
      after: created,
    });
    return created;
  });
  return { ok: true, message: `“${value.name}” added.`, data: { id: value.id } };
}

/** Changes the name, description, emoji or colour; past recognitions show the new ones. */
export async function updateValue(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, PERMISSION);
  const parsed = updateValueSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, ...fields } = parsed.data;
  await db.$transaction(async (tx) => {
    const before = await existingValue(tx, id);
    await assertNameFree(tx, fields.name, id);
    const after = await tx.companyValue.update({ where: { id }, data: fields, select: FIELDS });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "value.update",
      entityType: "CompanyValue",
      entityId: id,
      before,
      after,
    });
  });
  return success("Value saved.");
}

/** Archives a value (no new recognitions for it) or brings it back. */
export async function setValueArchived(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, PERMISSION);
  const parsed = archiveValueSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, archived } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await existingValue(tx, id);
    const archivedAt = archived ? new Date() : null;
    const { count } = await tx.companyValue.updateMany({
      where: { id, archivedAt: archived ? null : { not: null } },
      data: { archivedAt },
    });
    if (count === 0) return success(archived ? "Already archived." : "It isn't archived.");
    await recordAudit(tx, {
      actorId: actor.id,
      // Restoring is recorded as a change, with archivedAt before and after.
      action: archived ? "value.archive" : "value.update",
      entityType: "CompanyValue",
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt },
    });
    return success(
      archived
        ? `“${before.name}” archived. Past recognitions keep it; nobody can choose it now.`
        : `“${before.name}” is back in the list.`,
    );
  });
}

/**
 * Moves an active value one place up or down in the list members choose from. Locks the
 * active values and renumbers them 0…n-1, so concurrent moves can't leave ties.
 */
export async function moveValue(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, PERMISSION);
  const parsed = moveValueSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, direction } = parsed.data;
  return db.$transaction(async (tx) => {
    const rows = await run(
      tx,
      sqlb
        .selectFrom("CompanyValue")
        .select(["id", "position"])
        .where("archivedAt", "is", null)
        .orderBy("position")
        .orderBy("createdAt")
        .orderBy("id")
        .forNoKeyUpdate(),
    );
    const from = rows.findIndex((row) => row.id === id);
    if (from === -1) throw new NotFound(THE_VALUE);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= rows.length) return success("It is already there.");
    const order = rows.map((row) => row.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, valueId] of order.entries()) {
      if (rows[position]!.position !== position || valueId !== rows[position]!.id) {
        await tx.companyValue.update({ where: { id: valueId }, data: { position } });
      }
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "value.update",
      entityType: "CompanyValue",
      entityId: id,
      before: { position: from },
      after: { position: to },
    });
    return success(`Moved ${direction}.`);
  });
}
