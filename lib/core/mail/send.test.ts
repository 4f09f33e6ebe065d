// Sending through a real SMTP server (smtp-server in this process) and capturing without one:
// what arrives, which headers, what is recorded, and that no member-written text can break a
// header.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { startSmtpServer, type TestSmtpServer } from "@/test/smtp";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { defineQueue } from "@/lib/core/jobs/queue";
import { parseCapturedMail } from "./captured";
import { sampleMailBody } from "@/test/mail-fixture";
import { sendMail, type Mail } from "./send";
import { closeMailTransports } from "./transport";

const FROM = "Acme Learning <learning@acme.example>";
let smtp: TestSmtpServer;

function useSmtp(url: string | undefined) {
  closeMailTransports();
  if (url) {
    process.env.SMTP_URL = url;
    process.env.MAIL_FROM = FROM;
  } else {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
  }
}

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterEach(() => useSmtp(undefined));
afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

function testMail(to: Mail["to"], overrides: Partial<Mail> = {}): Mail {
  return {
    to,
    kind: "test",
    subject: "A reply in “Tips & tricks”",
    body: sampleMailBody,
    ...overrides,
  };
}

describe("sendMail over SMTP", () => {
  it("sends HTML and text with the sender, one main link, escaped member text and unsubscribe headers", async () => {
    useSmtp(smtp.url);
    const member = await createMember();
    const outcome = await sendMail(
      testMail(
        { address: member.email, name: member.name, userId: member.id },
        {
          unsubscribeScope: "discussion.replied",
        },
      ),
    );
    expect(outcome).toMatchObject({ status: "sent", messageId: expect.stringMatching(/^<.+>$/) });
    const mail = await smtp.next();
    expect(mail.envelopeTo).toEqual([member.email]);
    expect(mail.header("from")).toBe("Acme Learning <learning@acme.example>");
    expect(mail.parsed.subject).toBe("A reply in “Tips & tricks”");
    expect(mail.header("content-type")).toMatch(/^multipart\/alternative/);
    expect(mail.parsed.text).toContain("http://localhost:3000/discussions/d1");
    expect(mail.parsed.html).toContain('href="http://localhost:3000/discussions/d1"');
    expect(mail.parsed.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    expect(mail.parsed.html).not.toContain("<script>");
    expect(mail.header("message-id")).toBe(outcome.status === "sent" ? outcome.messageId : "");
    const unsubscribe = mail.header("list-unsubscribe");
    expect(unsubscribe).toMatch(
      /^<http:\/\/localhost:3000\/email\/unsubscribe\/[A-Za-z0-9_-]{43}>$/,
    );
    expect(mail.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(
      await testDb.unsubscribeToken.count({
        where: { userId: member.id, scope: "discussion.replied" },
      }),
    ).toBe(1);
    const record = await testDb.emailMessage.findFirstOrThrow({ where: { userId: member.id } });
    expect(record).toMatchObject({ status: "SENT", kind: "test", toAddress: member.email });
  });

  it("adds no unsubscribe headers to mail that is not a notification", async () => {
    useSmtp(smtp.url);
    const member = await createMember();
    await sendMail(testMail({ address: member.email, userId: member.id }));
    const mail = await smtp.next();
    expect(mail.header("list-unsubscribe")).toBeUndefined();
    expect(mail.header("list-unsubscribe-post")).toBeUndefined();
  });

  it("keeps CR/LF in names and subjects out of the headers", async () => {
    useSmtp(smtp.url);
    const address = `${unique("eve")}@example.com`;
    await sendMail(
      testMail(
        { address, name: "Eve\r\nBcc: victim@example.com\r\n" },
        { subject: "Hello\r\nBcc: victim@example.com\nX-Injected: yes" },
      ),
    );
    const mail = await smtp.next();
    expect(mail.envelopeTo).toEqual([address]);
    expect(mail.header("bcc")).toBeUndefined();
    expect(mail.header("x-injected")).toBeUndefined();
    expect(mail.parsed.subject).toBe("Hello Bcc: victim@example.com X-Injected: yes");
    expect(mail.parsed.to).toMatchObject({
      value: [{ address, name: "Eve Bcc: victim@example.com" }],
    });
  });

  it("encodes non-ASCII names and cuts very long names and subjects", async () => {
    useSmtp(smtp.url);
    const address = `${unique("zoe")}@example.com`;
    await sendMail(
      testMail(
        { address, name: `Zoë Ŝmith-Ōkawa 山田 ${"x".repeat(300)}` },
        { subject: `Ünïcödé ${"word ".repeat(60)}` },
      ),
    );
    const mail = await smtp.next();
    expect(mail.raw).not.toMatch(/^To: .*Zoë/m); // encoded on the wire
    const toName = (mail.parsed.to as { value: { name: string }[] }).value[0]!.name;
    expect(toName.startsWith("Zoë Ŝmith-Ōkawa 山田")).toBe(true);
    expect([...toName].length).toBeLessThanOrEqual(80);
    expect([...mail.parsed.subject!].length).toBeLessThanOrEqual(120);
    expect(mail.parsed.subject!.endsWith("…")).toBe(true);
  });

  it("never sends to a malformed address: recorded as failed on the member at once", async () => {
    useSmtp(smtp.url);
    const member = await createMember();
    const before = smtp.messages.length;
    for (const address of [
      "not-an-address",
      "a@b",
      "x@example.com\r\nBcc: y@example.com",
      "a b@example.com",
    ]) {
      const outcome = await sendMail(testMail({ address, userId: member.id }));
      expect(outcome).toMatchObject({ status: "refused" });
    }
    expect(smtp.messages.length).toBe(before);
    const user = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(user.emailFailedAt).not.toBeNull();
    expect(
      await testDb.emailMessage.count({ where: { userId: member.id, status: "FAILED" } }),
    ).toBe(4);
  });

  it("retries a refusing server; only the final attempt marks the member", async () => {
    const refusing = await startSmtpServer({ mode: "reject" });
    try {
      useSmtp(refusing.url);
      const member = await createMember();
      const mail = testMail({ address: member.email, userId: member.id });
      await expect(sendMail(mail)).rejects.toThrow(/550|unavailable/i);
      let user = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
      expect(user.emailFailedAt).toBeNull();
      await expect(sendMail(mail, { finalAttempt: true })).rejects.toThrow();
      user = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
      expect(user.emailFailedAt).not.toBeNull();
      expect(user.emailFailure).toMatch(/550|unavailable/i);

      // The next delivered mail clears the mark.
      useSmtp(smtp.url);
      await sendMail(mail);
      await smtp.next();
      user = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
      expect(user.emailFailedAt).toBeNull();
    } finally {
      await refusing.close();
    }
  });

  it("a stalled server fails the attempt after its timeout; the action that enqueued never waited", async () => {
    const stalled = await startSmtpServer({ mode: "stall" });
    process.env.SMTP_TIMEOUT_SECONDS = "1";
    try {
      useSmtp(stalled.url);
      const queue = defineQueue("test.stalled-mail", z.object({ to: z.string() }));
      const started = Date.now();
      await testDb.$transaction((tx) => enqueue(tx, queue, { to: "someone@example.com" }));
      expect(Date.now() - started).toBeLessThan(1000);

      const member = await createMember();
      const sendStarted = Date.now();
      await expect(
        sendMail(testMail({ address: member.email, userId: member.id })),
      ).rejects.toThrow(/greeting never received|timeout|timed out/i);
      expect(Date.now() - sendStarted).toBeLessThan(8000);
    } finally {
      delete process.env.SMTP_TIMEOUT_SECONDS;
      await stalled.close();
    }
  });
});

describe("sendMail without SMTP_URL", () => {
  it("captures the exact message in the database, headers included", async () => {
    useSmtp(undefined);
    const member = await createMember();
    const outcome = await sendMail(
      testMail(
        { address: member.email, name: member.name, userId: member.id },
        { unsubscribeScope: "digest" },
      ),
    );
    expect(outcome.status).toBe("captured");
    const row = await testDb.capturedEmail.findFirstOrThrow({ where: { userId: member.id } });
    const parsed = await parseCapturedMail(row.raw);
    expect(parsed.subject).toBe("A reply in “Tips & tricks”");
    expect(parsed.from).toContain("Learning Commons");
    expect(parsed.text).toContain("http://localhost:3000/discussions/d1");
    expect(
      parsed.headerLines.some((line) =>
        line.startsWith("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
      ),
    ).toBe(true);
    expect(parsed.messageId).toBe(row.messageId);
    const record = await testDb.emailMessage.findFirstOrThrow({ where: { userId: member.id } });
    expect(record.status).toBe("CAPTURED");
  });
});
