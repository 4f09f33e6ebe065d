// The mailbox of captured mail (decision 017 §5): admins only, and only while mail is captured
// outside production — elsewhere it does not exist (the pages answer 404).
import "server-only";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { parseCapturedMail } from "@/lib/core/mail/captured";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mailboxAvailable } from "./available";
import type { MailboxFilter } from "./schemas";

const PAGE_SIZE = 25;
const cursorKey = z.tuple([z.iso.datetime(), z.string()]);

/** Thrown when the mailbox is off (SMTP configured, or production): the pages' 404. */
export class MailboxOff extends Error {
  constructor() {
    super("The mailbox is off: mail is sent over SMTP, or this is production.");
  }
}

function authorizeMailbox(actor: Actor): void {
  if (!mailboxAvailable()) throw new MailboxOff();
  authorize(actor, "read:admin:any");
}

export interface CapturedMailRow {
  id: string;
  toAddress: string;
  subject: string;
  createdAt: Date;
}

function afterCursor(raw: string | undefined): Prisma.CapturedEmailWhereInput {
  if (!raw) return {};
  const [createdAt, id] = decodeCursorOrThrow(raw, cursorKey);
  const at = new Date(createdAt);
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
}

/** Newest first; `to` keeps the messages whose recipient address contains it. */
export async function listCapturedMail(
  actor: Actor,
  filter: MailboxFilter,
): Promise<Page<CapturedMailRow>> {
  authorizeMailbox(actor);
  const rows = await db.capturedEmail.findMany({
    where: {
      ...(filter.to ? { toAddress: { contains: filter.to, mode: "insensitive" } } : {}),
      ...afterCursor(filter.cursor),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, toAddress: true, subject: true, createdAt: true },
  });
  return toPage(rows, PAGE_SIZE, (row) => [row.createdAt.toISOString(), row.id]);
}

/** The raw message as captured (the .eml), or null when there is no such message. */
export async function capturedMailRaw(
  actor: Actor,
  id: string,
): Promise<{ raw: Uint8Array; createdAt: Date } | null> {
  authorizeMailbox(actor);
  return db.capturedEmail.findUnique({ where: { id }, select: { raw: true, createdAt: true } });
}

export type CapturedMessage = Awaited<ReturnType<typeof parseCapturedMail>> & {
  id: string;
  capturedAt: Date;
  /** The List-* header lines (List-Unsubscribe, List-Unsubscribe-Post), as sent. */
  listHeaders: string[];
};

/** One message parsed for reading, or null when there is no such message. */
export async function capturedMessage(actor: Actor, id: string): Promise<CapturedMessage | null> {
  const found = await capturedMailRaw(actor, id);
  if (!found) return null;
  const parsed = await parseCapturedMail(found.raw);
  return {
    ...parsed,
    id,
    capturedAt: found.createdAt,
    listHeaders: parsed.headerLines
      .filter((line) => /^list-/i.test(line))
      .map((line) => line.replace(/\r?\n[ \t]+/g, " ")),
  };
}
