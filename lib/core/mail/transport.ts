// Where mail goes: SMTP through one pooled nodemailer transport when SMTP_URL is set;
// otherwise nodemailer's stream transport, whose exact bytes are kept in CapturedEmail for
// the admin mailbox (decision 017). Read from the environment at use, so tests can point a
// process at their own SMTP server.
import nodemailer, { type Transporter } from "nodemailer";

export type MailMode = "smtp" | "capture";

export function mailMode(): MailMode {
  return process.env.SMTP_URL ? "smtp" : "capture";
}

/** SMTP connection and greeting timeouts: a stalled server fails the job, never hangs it. */
const SMTP_TIMEOUT_MS = 20_000;

const globalForMail = globalThis as unknown as {
  smtp?: { url: string; transporter: Transporter };
  capture?: Transporter;
};

function pooledUrl(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has("pool")) parsed.searchParams.set("pool", "true");
  return parsed.toString();
}

export function smtpTransport(): Transporter {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set.");
  if (globalForMail.smtp?.url !== url) {
    globalForMail.smtp?.transporter.close();
    const transporter = nodemailer.createTransport(pooledUrl(url), {
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS * 3,
    });
    globalForMail.smtp = { url, transporter };
  }
  return globalForMail.smtp.transporter;
}

export function captureTransport(): Transporter {
  globalForMail.capture ??= nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "windows",
  });
  return globalForMail.capture;
}

export function closeMailTransports(): void {
  globalForMail.smtp?.transporter.close();
  globalForMail.smtp = undefined;
}
