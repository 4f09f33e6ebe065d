// Reading the mail the app sent during an e2e run: scripts/e2e.ts runs a real SMTP server
// that stores each message in E2E_MAIL_DIR; these helpers wait for one and parse it.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

export interface E2eMail {
  file: string;
  parsed: ParsedMail;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** A raw header's value as sent (List-* included). */
  header(name: string): string | undefined;
  /** Every absolute link in the text part. */
  links: string[];
}

function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the suite with `npm run test:e2e`.");
  return dir;
}

async function readMail(file: string): Promise<E2eMail> {
  const parsed = await simpleParser(await readFile(path.join(mailDir(), file)));
  const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) =>
    a.value.map((v) => (v.address ?? "").toLowerCase()),
  );
  const text = parsed.text ?? "";
  return {
    file,
    parsed,
    to,
    subject: parsed.subject ?? "",
    text,
    html: typeof parsed.html === "string" ? parsed.html : "",
    header: (name) => {
      const line = parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
      return line?.slice(line.indexOf(":") + 1).trim();
    },
    links: [...text.matchAll(/https?:\/\/[^\s\])>]+/g)].map((m) => m[0]),
  };
}

/** All mail received so far for `to` (newest last). */
export async function mailTo(to: string): Promise<E2eMail[]> {
  const files = (await readdir(mailDir())).filter((f) => f.endsWith(".eml")).sort();
  const all = await Promise.all(files.map(readMail));
  return all.filter((m) => m.to.includes(to.toLowerCase()));
}

/**
 * Waits for a message to `to` whose subject matches, not counting those already there when
 * `since` (a count from `mailTo(to).length`) was taken.
 */
export async function waitForMail(
  to: string,
  options: { subject?: RegExp; since?: number; timeoutMs?: number } = {},
): Promise<E2eMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const mail = (await mailTo(to)).slice(options.since ?? 0);
    const found = mail.find((m) => !options.subject || options.subject.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(
        `No mail to ${to}${options.subject ? ` matching ${options.subject}` : ""} arrived (saw: ${mail.map((m) => m.subject).join(" | ") || "none"}).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The first link in the mail's text whose path starts with `pathPrefix`. */
export function linkIn(mail: E2eMail, pathPrefix: string): string {
  const link = mail.links.find((l) => new URL(l).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`No ${pathPrefix} link in “${mail.subject}”: ${mail.text}`);
  return link;
}
