// A real SMTP server for tests (smtp-server on 127.0.0.1, a free port), reading each message
// back with mailparser. `mode: "stall"` accepts connections and never answers; "reject"
// refuses every recipient with a permanent error.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import net from "node:net";
import { afterAll, beforeAll } from "vitest";
import { closeMailTransports } from "@/lib/core/mail/transport";

export interface ReceivedMail {
  parsed: ParsedMail;
  /** Raw header lines as sent (List-* included; mailparser folds those under "list"). */
  header(name: string): string | undefined;
  envelopeTo: string[];
  raw: string;
}

export interface TestSmtpServer {
  url: string;
  messages: ReceivedMail[];
  /** The next message (or one already received and not yet taken), waiting up to `timeoutMs`. */
  next(timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function headerReader(parsed: ParsedMail) {
  return (name: string) => {
    const wanted = name.toLowerCase();
    const line = parsed.headerLines.find((h) => h.key === wanted)?.line;
    return line?.slice(line.indexOf(":") + 1).trim();
  };
}

async function stallingServer(): Promise<TestSmtpServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages: [],
    next: () => Promise.reject(new Error("A stalling server receives nothing.")),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function startSmtpServer(
  options: { mode?: "accept" | "stall" | "reject" } = {},
): Promise<TestSmtpServer> {
  if (options.mode === "stall") return stallingServer();
  const messages: ReceivedMail[] = [];
  let taken = 0;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.mode === "reject") {
        const error = new Error("Mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const parsed = await simpleParser(raw);
        messages.push({
          parsed,
          header: headerReader(parsed),
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        waiters.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async next(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (taken >= messages.length) {
        if (Date.now() > deadline) throw new Error("No mail arrived in time.");
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return messages[taken++]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Points this test file's mail at its own real SMTP server: started in beforeAll with
 * SMTP_URL and MAIL_FROM set, stopped in afterAll with both put back as they were.
 */
export function smtpServerForThisFile(
  from = "Learning Commons <commons@test.example>",
): TestSmtpServer {
  let server: TestSmtpServer | undefined;
  const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
  beforeAll(async () => {
    server = await startSmtpServer();
    process.env.SMTP_URL = server.url;
    process.env.MAIL_FROM = from;
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    // The pooled SMTP connection would keep the server's close waiting.
    closeMailTransports();
    await server?.close();
  });
  const current = () => {
    if (!server) throw new Error("The test SMTP server starts in beforeAll.");
    return server;
  };
  return {
    get url() {
      return current().url;
    },
    get messages() {
      return current().messages;
    },
    next: (timeoutMs) => current().next(timeoutMs),
    close: () => current().close(),
  };
}
