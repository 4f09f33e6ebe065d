// The mailbox of captured mail: only while mail is captured outside production, admins only.
// Mail is captured for real (sendMail without SMTP_URL), then read through the pages and the
// .eml route as a browser would.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { sendMail } from "@/lib/core/mail/send";
import { closeMailTransports } from "@/lib/core/mail/transport";
import { testDb } from "@/test/db";
import { createAdmin, createMember, unique } from "@/test/factories";
import { sampleMailBody } from "@/test/mail-fixture";
import { accessFallbackStatus } from "@/test/next-errors";
import { signedInAs } from "@/test/session";
import { listCapturedMail, MailboxOff } from "./queries";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { default: MailboxPage } = await import("@/app/(app)/admin/mailbox/page");
const { default: MessagePage } = await import("@/app/(app)/admin/mailbox/[id]/page");
const { GET: downloadEml } = await import("@/app/(app)/admin/mailbox/[id]/message.eml/route");

const saved = { SMTP_URL: process.env.SMTP_URL, NODE_ENV: process.env.NODE_ENV };
const env = process.env as Record<string, string | undefined>;

function restoreEnv() {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
}

beforeEach(() => {
  delete env.SMTP_URL;
  signedInAs(null);
});
afterEach(() => {
  restoreEnv();
  closeMailTransports();
});

async function capturedFor(member: { id: string; email: string; name: string }) {
  const subject = `Reply ${unique()}`;
  await sendMail({
    to: { address: member.email, name: member.name, userId: member.id },
    kind: "test",
    subject,
    body: sampleMailBody,
    unsubscribeScope: "discussion.replied",
  });
  return testDb.capturedEmail.findFirstOrThrow({ where: { subject } });
}

const search = (query: Record<string, string> = {}) => ({ searchParams: Promise.resolve(query) });
const emlRequest = (id: string) =>
  downloadEml(new Request(`http://localhost/admin/mailbox/${id}/message.eml`), {
    params: Promise.resolve({ id }),
  });

async function statusOf(render: () => Promise<unknown>): Promise<number | null> {
  try {
    await render();
    return 200;
  } catch (error) {
    const status = accessFallbackStatus(error);
    if (status === null) throw error;
    return status;
  }
}

describe("the mailbox", () => {
  it("lists captured mail newest first, filtered by recipient, and shows one message", async () => {
    const admin = await createAdmin();
    const member = await createMember();
    const first = await capturedFor(member);
    const second = await capturedFor(member);
    signedInAs(admin);

    const page = await listCapturedMail(admin, { to: member.email.toUpperCase() });
    expect(page.items.map((row) => row.id)).toEqual([second.id, first.id]);

    const list = renderToStaticMarkup(await MailboxPage(search({ to: member.email })));
    expect(list).toContain(second.subject);
    expect(list).toContain(`/admin/mailbox/${second.id}`);

    const html = renderToStaticMarkup(
      await MessagePage({ params: Promise.resolve({ id: second.id }) }),
    );
    expect(html).toContain(second.subject);
    expect(html).toContain(member.email);
    expect(html).toMatch(/List-Unsubscribe: &lt;http[^&]*\/email\/unsubscribe\//);
    expect(html).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    // The HTML part only inside a sandbox with no permissions; the text part as text.
    expect(html).toMatch(/<iframe[^>]*sandbox=""[^>]*srcDoc="[^"]*Someone replied/i);
    expect(html).not.toMatch(/allow-scripts|allow-same-origin/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    expect(html).toContain(`/admin/mailbox/${second.id}/message.eml`);
  });

  it("downloads a message as .eml for admins only", async () => {
    const member = await createMember();
    const mail = await capturedFor(member);

    signedInAs(member);
    expect((await emlRequest(mail.id)).status).toBe(403);

    signedInAs(await createAdmin());
    const response = await emlRequest(mail.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("message/rfc822");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="message-${mail.id}.eml"`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(mail.raw))).toBe(true);
    expect((await emlRequest("nosuchmessage")).status).toBe(404);
  });

  it("refuses members", async () => {
    const member = await createMember();
    signedInAs(member);
    await expect(listCapturedMail(member, {})).rejects.toThrow(/permission/);
    // forbidden() (outside Next.js it throws before a 403 can be read from it).
    await expect(MailboxPage(search())).rejects.toThrow(/forbidden/);
  });

  it("does not exist with SMTP configured, or in production: 404 for everyone", async () => {
    const admin = await createAdmin();
    const mail = await capturedFor(await createMember());
    signedInAs(admin);
    for (const off of [{ SMTP_URL: "smtp://127.0.0.1:2525" }, { NODE_ENV: "production" }]) {
      restoreEnv();
      delete env.SMTP_URL;
      Object.assign(env, off);
      expect(await statusOf(() => MailboxPage(search()))).toBe(404);
      expect(await statusOf(() => MessagePage({ params: Promise.resolve({ id: mail.id }) }))).toBe(
        404,
      );
      expect((await emlRequest(mail.id)).status).toBe(404);
      await expect(listCapturedMail(admin, {})).rejects.toBeInstanceOf(MailboxOff);
    }
  });
});
