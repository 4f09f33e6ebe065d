// Sending one message: render, add the headers, send over SMTP or capture, and record it.
// Called from job handlers only (a request never waits for SMTP). A thrown error makes the
// job retry; on the final attempt the failure is recorded on the member for admins to see.
import type { ReactElement } from "react";
import type { SendMailOptions } from "nodemailer";
import { db } from "@/lib/core/db/client";
import { getSetting } from "@/lib/core/settings/queries";
import { isDeliverableAddress, safeDisplayName, safeSubject } from "./headers";
import { appOrigin } from "./links";
import { renderMail } from "./render";
import { captureTransport, mailMode, smtpTransport } from "./transport";
import { createUnsubscribeUrl } from "./unsubscribe";

export interface MailRecipient {
  address: string;
  name?: string | null;
  /** The member it goes to, when it goes to a member (for the record and the failure mark). */
  userId?: string | null;
}

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

export interface Mail {
  to: MailRecipient;
  /** What kind of mail it is, for the record: "notification", "digest.weekly", … */
  kind: string;
  subject: string;
  /** Builds the template; receives the unsubscribe URL when `unsubscribeScope` is set. */
  body: (links: { unsubscribeUrl?: string; organisation: string }) => ReactElement;
  /** Notification and digest mail: the preference one click turns off (adds List-Unsubscribe). */
  unsubscribeScope?: string;
  attachments?: MailAttachment[];
}

export type SendOutcome =
  { status: "sent" | "captured"; messageId: string | null } | { status: "refused"; reason: string };

export interface SendContext {
  /** The job's last attempt: a failure now is recorded on the member. */
  finalAttempt?: boolean;
}

/** MAIL_FROM, or (capturing only) the organisation's name at no-reply@ the app's host. */
function sender(organisation: string): SendMailOptions["from"] {
  if (process.env.MAIL_FROM) return process.env.MAIL_FROM;
  const host = new URL(appOrigin()).hostname;
  return { name: safeDisplayName(organisation) ?? "Learning Commons", address: `no-reply@${host}` };
}

async function recordFailure(mail: Mail, subject: string, reason: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.emailMessage.create({
      data: {
        userId: mail.to.userId ?? null,
        toAddress: mail.to.address.slice(0, 320),
        kind: mail.kind,
        subject,
        status: "FAILED",
        error: reason.slice(0, 500),
      },
    });
    if (mail.to.userId) {
      await tx.user.update({
        where: { id: mail.to.userId },
        data: { emailFailedAt: new Date(), emailFailure: reason.slice(0, 500) },
      });
    }
  });
}

async function deliver(message: SendMailOptions, mail: Mail, subject: string) {
  if (mailMode() === "smtp") {
    const info = await smtpTransport().sendMail(message);
    return { status: "sent" as const, messageId: (info.messageId as string | undefined) ?? null };
  }
  const info = await captureTransport().sendMail(message);
  const raw = info.message as Buffer;
  const messageId = (info.messageId as string | undefined) ?? null;
  const row = await db.capturedEmail.create({
    data: {
      toAddress: mail.to.address,
      userId: mail.to.userId ?? null,
      subject,
      messageId,
      raw: new Uint8Array(raw),
    },
    select: { id: true },
  });
  if (process.env.NODE_ENV !== "test") {
    console.log(`[mail] captured for ${mail.to.address}: “${subject}” → /admin/mailbox/${row.id}`);
  }
  return { status: "captured" as const, messageId };
}

export async function sendMail(mail: Mail, context: SendContext = {}): Promise<SendOutcome> {
  const subject = safeSubject(mail.subject);
  if (!isDeliverableAddress(mail.to.address)) {
    // Retrying cannot fix an address; record it at once.
    const reason = "The address is not a valid email address.";
    await recordFailure(mail, subject, reason);
    return { status: "refused", reason };
  }
  const organisation = await getSetting("organisation.name");
  const unsubscribeUrl =
    mail.unsubscribeScope && mail.to.userId
      ? await createUnsubscribeUrl(db, mail.to.userId, mail.unsubscribeScope)
      : undefined;
  const { html, text } = await renderMail(mail.body({ unsubscribeUrl, organisation }));
  const message: SendMailOptions = {
    from: sender(organisation),
    to: { name: safeDisplayName(mail.to.name) ?? "", address: mail.to.address },
    subject,
    text,
    html,
    attachments: mail.attachments,
    ...(unsubscribeUrl
      ? {
          list: { unsubscribe: unsubscribeUrl },
          headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        }
      : {}),
  };
  try {
    const outcome = await deliver(message, mail, subject);
    await db.$transaction(async (tx) => {
      await tx.emailMessage.create({
        data: {
          userId: mail.to.userId ?? null,
          toAddress: mail.to.address,
          kind: mail.kind,
          subject,
          messageId: outcome.messageId,
          status: outcome.status === "sent" ? "SENT" : "CAPTURED",
        },
      });
      if (mail.to.userId) {
        await tx.user.updateMany({
          where: { id: mail.to.userId, emailFailedAt: { not: null } },
          data: { emailFailedAt: null, emailFailure: null },
        });
      }
    });
    return outcome;
  } catch (error) {
    if (context.finalAttempt) {
      await recordFailure(mail, subject, error instanceof Error ? error.message : String(error));
    }
    throw error;
  }
}
