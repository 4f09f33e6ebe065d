import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { auditEntriesFor } from "@/test/factories-admin";
import { startAuthSession } from "@/lib/core/auth/auth-sessions";
import { verifyPassword } from "@/lib/core/auth/password";
import { queuedJobs, runQueuedJobs } from "@/test/jobs";
import { smtpServerForThisFile } from "@/test/smtp";
import { passwordChangedQueue, sendPasswordChanged } from "./jobs";
import { setPasswordByOperator } from "./set-password";

const smtp = smtpServerForThisFile("Commons <commons@test.example>");
const forUser = (user: { id: string }) => (data: { userId: string }) => data.userId === user.id;

const PASSWORD = "an operator chosen password";

describe("admin:create --reset-password", () => {
  it("sets the password of an existing account, ends its sessions, audited with no actor", async () => {
    const member = await createMember();
    await startAuthSession(testDb, { userId: member.id, userAgent: "x" });
    expect(
      await setPasswordByOperator(testDb, {
        email: member.email.toUpperCase(),
        password: PASSWORD,
      }),
    ).toEqual({ ok: true, email: member.email });
    const after = await testDb.user.findUniqueOrThrow({
      where: { id: member.id },
      omit: { passwordHash: false },
    });
    expect(await verifyPassword(after.passwordHash!, PASSWORD)).toBe(true);
    expect(after.sessionVersion).toBe(member.sessionVersion + 1);
    expect(after.role).toBe(member.role);
    expect(await testDb.authSession.count({ where: { userId: member.id } })).toBe(0);
    expect(await auditEntriesFor(member.id)).toMatchObject([
      { actorId: null, action: "member.password.reset", after: { via: "admin:create" } },
    ]);
  });

  it("mails 'your password was changed' through the same job as a reset by link", async () => {
    const member = await createMember();
    await setPasswordByOperator(testDb, { email: member.email, password: PASSWORD });
    const before = smtp.messages.length;
    await runQueuedJobs(sendPasswordChanged, forUser(member));
    const [mail] = smtp.messages.slice(before).filter((m) => m.envelopeTo.includes(member.email));
    expect(mail!.parsed.subject).toMatch(/password was changed/i);
  });

  it("refuses an unknown account and a weak password, changing nothing", async () => {
    expect(
      await setPasswordByOperator(testDb, { email: "nobody@nowhere.example", password: PASSWORD }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/no account/) });
    const member = await createMember();
    expect(
      await setPasswordByOperator(testDb, { email: member.email, password: "short" }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^password:/),
    });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: member.id } })).sessionVersion).toBe(
      0,
    );
    expect(await queuedJobs(passwordChangedQueue, forUser(member))).toHaveLength(0);
  });
});
