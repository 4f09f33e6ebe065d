// The core of `npm run admin:create`: makes an admin straight in the database, for a fresh
// installation (or to recover one locked out of its last admin). Audited with no actor.
import { z } from "zod";
import type { Database } from "@/lib/core/db/create-client";
import { hashPassword } from "@/lib/core/auth/password";
import { emailSchema, newPasswordSchema } from "@/lib/core/auth/schemas";
import { memberNameSchema } from "@/lib/invitations/schemas";
import { recordAudit } from "@/lib/core/audit/record";

export interface CreateFirstAdminInput {
  email: string;
  name?: string;
  /** Needed to create an account; ignored when promoting an existing one. */
  password?: string;
  /** Make an existing member an admin (and active) instead of refusing. */
  promote?: boolean;
}

export type CreateFirstAdminResult =
  | {
      ok: true;
      outcome: "created" | "promoted" | "unchanged";
      member: { id: string; email: string };
    }
  | { ok: false; message: string };

function problems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("\n");
}

/** "ada.lovelace@x.org" → "Ada Lovelace", when no --name was given. */
export function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  const words = local.split(/[._+-]+/).filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ") || local;
}

/** Whether `email` already has an account (the script asks for a password only if not). */
export async function memberExists(db: Database, email: string): Promise<boolean> {
  const parsed = emailSchema.safeParse(email);
  return (
    parsed.success &&
    (await db.user.findUnique({ where: { email: parsed.data }, select: { id: true } })) !== null
  );
}

export async function createFirstAdmin(
  db: Database,
  input: CreateFirstAdminInput,
): Promise<CreateFirstAdminResult> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) return { ok: false, message: problems(email.error) };
  const existing = await db.user.findUnique({
    where: { email: email.data },
    select: { id: true, role: true, status: true },
  });
  if (existing && !input.promote) {
    return {
      ok: false,
      message: `${email.data} already has an account. Add --promote to make that member an admin.`,
    };
  }
  if (existing?.role === "ADMIN" && existing.status === "ACTIVE") {
    return { ok: true, outcome: "unchanged", member: { id: existing.id, email: email.data } };
  }
  if (existing) return promote(db, existing);
  return create(db, { ...input, email: email.data });
}

async function promote(
  db: Database,
  member: { id: string; role: string; status: string },
): Promise<CreateFirstAdminResult> {
  const updated = await db.$transaction(async (tx) => {
    const result = await tx.user.update({
      where: { id: member.id },
      data: { role: "ADMIN", status: "ACTIVE", deactivatedAt: null },
      select: { id: true, email: true },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "admin.create",
      entityType: "User",
      entityId: member.id,
      before: { role: member.role, status: member.status },
      after: { role: "ADMIN", status: "ACTIVE" },
    });
    return result;
  });
  return { ok: true, outcome: "promoted", member: updated };
}

async function create(
  db: Database,
  input: CreateFirstAdminInput & { email: string },
): Promise<CreateFirstAdminResult> {
  const name = memberNameSchema.safeParse(input.name ?? nameFromEmail(input.email));
  if (!name.success) return { ok: false, message: problems(name.error) };
  const password = newPasswordSchema.safeParse(input.password);
  if (!password.success)
    return { ok: false, message: `password: ${password.error.issues[0]?.message}` };
  const passwordHash = await hashPassword(password.data);

  const member = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        email: input.email,
        name: name.data,
        passwordHash,
        role: "ADMIN",
        emailVerified: new Date(),
      },
      select: { id: true, email: true },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "admin.create",
      entityType: "User",
      entityId: created.id,
      after: { email: created.email, name: name.data, role: "ADMIN" },
    });
    return created;
  });
  return { ok: true, outcome: "created", member };
}
