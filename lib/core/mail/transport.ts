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
function smtpTimeoutMs(): number {
  return Number(process.env.SMTP_TIMEOUT_SECONDS ?? 20) * 1000;
}

const globalForMail = globalThis as unknown as {
  smtp?: { url: string; transporter: Transporter };
  capture?: Transporter;
};

// nodemailer's own URL parser (credentials, smtps:, query options such as
// tls.rejectUnauthorized); the timeouts are then set as options, which a URL alone cannot
// combine with (passed beside a URL string they are taken as message defaults).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseConnectionUrl } = require("nodemailer/lib/shared") as {
  parseConnectionUrl: (url: string) => Record<string, unknown>;
};

function smtpOptions(url: string) {
  const timeout = smtpTimeoutMs();
  return {
    pool: true,
    ...parseConnectionUrl(url),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 3,
  };
}

export function smtpTransport(): Transporter {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set.");
  if (globalForMail.smtp?.url !== url) {
    globalForMail.smtp?.transporter.close();
    const transporter = nodemailer.createTransport(smtpOptions(url));
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
