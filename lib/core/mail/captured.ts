// The mailbox of captured mail (no SMTP_URL): newest first, by cursor; parsed on demand.
import { simpleParser } from "mailparser";
import type { Database } from "@/lib/core/db/create-client";

export const CAPTURED_MAIL_KEPT_DAYS = 30;

export async function deleteOldCapturedMail(db: Database, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - CAPTURED_MAIL_KEPT_DAYS * 24 * 3600 * 1000);
  const { count } = await db.capturedEmail.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}

export async function parseCapturedMail(raw: Uint8Array) {
  const parsed = await simpleParser(Buffer.from(raw));
  return {
    from: parsed.from?.text ?? "",
    to: Array.isArray(parsed.to)
      ? parsed.to.map((a) => a.text).join(", ")
      : (parsed.to?.text ?? ""),
    subject: parsed.subject ?? "",
    date: parsed.date ?? null,
    messageId: parsed.messageId ?? null,
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    /** Header lines as sent (List-* included: mailparser folds those under "list"). */
    headerLines: parsed.headerLines.map((h) => h.line),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? "attachment",
      contentType: a.contentType,
      size: a.size,
    })),
  };
}
