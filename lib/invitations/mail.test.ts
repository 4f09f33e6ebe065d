// Invitations by mail: the link arrives and works, the copied link keeps working, a resend
// replaces both, and no job row holds a usable token.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { auditEntriesFor, uniqueEmail } from "@/test/factories-admin";
import { queuedJobs, runQueuedJobs } from "@/test/jobs";
import { smtpServerForThisFile, type ReceivedMail } from "@/test/smtp";
import { PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { JOB_SCHEMA } from "@/lib/core/jobs/boss";
import { acceptInvitation, findInvitationByToken } from "./accept";
import { invitationMailQueue, sendInvitation } from "./jobs";
import {
  createInvitation,
  resendInvitation,
  RESEND_LIMIT,
  revokeInvitation,
  rotateInvitationLink,
} from "./manage";
import { sealInvitationToken, unsealInvitationToken } from "./seal";

const smtp = smtpServerForThisFile("Commons <commons@test.example>");

const PASSWORD = "a long enough password";
const forInvitation = (id: string) => (data: { invitationId: string }) => data.invitationId === id;

async function mailAfterJobs(invitationId: string, email: string): Promise<ReceivedMail[]> {
  const before = smtp.messages.length;
  await runQueuedJobs(sendInvitation, forInvitation(invitationId));
  return smtp.messages.slice(before).filter((m) => m.envelopeTo.includes(email));
}

function tokenIn(mail: ReceivedMail): string {
  const match = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? "");
  if (!match) throw new Error(`No invitation link in: ${mail.parsed.text}`);
  return match[1]!;
}

async function invite(admin: Actor, email = uniqueEmail()) {
  const result = await createInvitation(admin, { email, role: "MEMBER" });
  if (!result.ok || !result.data) throw new Error(JSON.stringify(result));
  return result.data;
}

describe("sealing the token for the mail job", () => {
  it("opens only what it sealed, with this secret, unaltered", () => {
    const token = "A".repeat(43);
    const sealed = sealInvitationToken(token);
    expect(sealed).not.toContain(token);
    expect(unsealInvitationToken(sealed)).toBe(token);
    const [v, iv, data, tag] = sealed.split(".");
    const flipped = `${data![0] === "A" ? "B" : "A"}${data!.slice(1)}`;
    expect(unsealInvitationToken([v, iv, flipped, tag].join("."))).toBeNull();
    expect(unsealInvitationToken("v1.nonsense")).toBeNull();
  });
});

describe("emailing invitations", () => {
  it("mails a working link on creation; the copied link is the same and keeps working", async () => {
    const admin = await createAdmin();
    const issued = await invite(admin);
    const [job] = await queuedJobs(invitationMailQueue, forInvitation(issued.invitationId));
    expect(JSON.stringify(job)).not.toContain(issued.token);

    const [mail] = await mailAfterJobs(issued.invitationId, issued.email);
    expect(mail!.parsed.subject).toMatch(new RegExp(`${admin.name} invited you`));
    expect(mail!.parsed.text).toMatch(/\(UTC\)/);
    expect(mail!.header("list-unsubscribe")).toBeUndefined();
    expect(tokenIn(mail!)).toBe(issued.token);
    const row = await testDb.invitation.findUniqueOrThrow({ where: { id: issued.invitationId } });
    expect(row.emailCount).toBe(1);
    expect(row.emailedAt).toBeInstanceOf(Date);

    const accepted = await acceptInvitation({
      token: tokenIn(mail!),
      name: "Invited Person",
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });
    expect(accepted).toMatchObject({ ok: true });
    const member = await testDb.user.findUniqueOrThrow({ where: { email: issued.email } });
    expect(member.emailVerified).toBeInstanceOf(Date);
  });

  it("sends nothing when the link was replaced or revoked before the job ran", async () => {
    const admin = await createAdmin();
    const rotated = await invite(admin);
    await rotateInvitationLink(admin, { invitationId: rotated.invitationId });
    expect(await mailAfterJobs(rotated.invitationId, rotated.email)).toHaveLength(0);

    const revoked = await invite(admin);
    await revokeInvitation(admin, { invitationId: revoked.invitationId });
    expect(await mailAfterJobs(revoked.invitationId, revoked.email)).toHaveLength(0);
  });

  it("resends a fresh link (the old one stops working), audited and rate-limited", async () => {
    const admin = await createAdmin();
    const issued = await invite(admin);
    await mailAfterJobs(issued.invitationId, issued.email);

    expect(await resendInvitation(admin, { invitationId: issued.invitationId })).toMatchObject({
      ok: true,
    });
    const [mail] = await mailAfterJobs(issued.invitationId, issued.email);
    const fresh = tokenIn(mail!);
    expect(fresh).not.toBe(issued.token);
    expect(await findInvitationByToken(fresh)).toMatchObject({ state: "valid" });
    expect(await findInvitationByToken(issued.token)).toEqual({ state: "unknown" });
    const row = await testDb.invitation.findUniqueOrThrow({ where: { id: issued.invitationId } });
    expect(row.emailCount).toBe(2);
    expect((await auditEntriesFor(issued.invitationId)).map((e) => e.action)).toEqual([
      "invitation.create",
      "invitation.resend",
    ]);
    const jobData = await testDb.$queryRawUnsafe<{ data: unknown }[]>(
      `SELECT data FROM ${JOB_SCHEMA}.job WHERE name = $1`,
      invitationMailQueue.name,
    );
    expect(JSON.stringify(jobData)).not.toContain(fresh);

    for (let i = 1; i < RESEND_LIMIT.limit; i++)
      await resendInvitation(admin, { invitationId: issued.invitationId });
    expect(await resendInvitation(admin, { invitationId: issued.invitationId })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/several times/),
    });
  });

  it("refuses a resend to anyone but an admin", async () => {
    const admin = await createAdmin();
    const issued = await invite(admin);
    await runQueuedJobs(sendInvitation, forInvitation(issued.invitationId));
    const leader = await createMember({ role: "LEADER" });
    await expect(
      resendInvitation(leader, { invitationId: issued.invitationId }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(await queuedJobs(invitationMailQueue, forInvitation(issued.invitationId))).toHaveLength(
      0,
    );
  });
});
