// The account flows end to end below the UI: the services as the actions call them, the
// queued jobs run through their real handlers, the mail read back from a real SMTP server.
import { describe, expect, it, vi } from "vitest";
import type { Account } from "next-auth";
import { testDb } from "@/test/db";
import { createAdmin, createMember, TEST_PASSWORD, unique } from "@/test/factories";
import { auditEntriesFor } from "@/test/factories-admin";
import { queuedJobs, runQueuedJobs } from "@/test/jobs";
import { smtpServerForThisFile, type ReceivedMail } from "@/test/smtp";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { startAuthSession } from "@/lib/core/auth/auth-sessions";
import { resolveOidcMember } from "@/lib/core/auth/oidc";
import { verifyPasswordSignIn } from "@/lib/core/auth/sign-in";
import { JOB_SCHEMA } from "@/lib/core/jobs/boss";
import { hashLinkToken } from "@/lib/core/mail/tokens";
import { sendPasswordResetLink } from "@/lib/admin/members";
import { SIGNUP_DONE_MESSAGE, signUp } from "@/lib/invitations/sign-up";
import {
  addressInUseQueue,
  emailChangeNoticeQueue,
  emailChangeQueue,
  emailVerificationQueue,
  passwordChangedQueue,
  passwordResetQueue,
  sendAddressInUseNotice,
  sendEmailChange,
  sendEmailChangeNotice,
  sendEmailVerification,
  sendPasswordChanged,
  sendPasswordReset,
} from "./jobs";
import {
  confirmEmailChange,
  emailChangeRequestedMessage,
  OTHER_ACCOUNT_LINK,
  requestEmailChange,
} from "./email-change";
import {
  NOT_SIGN_UP_PASSWORD,
  resendVerificationLink,
  VERIFICATION_SENT_MESSAGE,
  verifyEmail,
} from "./email-verification";
import {
  requestPasswordReset,
  RESET_LIMITS,
  RESET_REQUESTED_MESSAGE,
  resetPassword,
} from "./password-reset";
import { findAccountToken } from "./tokens";

// Sign-up open for one domain of this file's own, without writing the shared settings that
// other test files assert on.
vi.mock("@/lib/core/settings/queries", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/core/settings/queries")>();
  const ours = (email: string) => email.endsWith("@signup.test.example");
  return {
    ...actual,
    openSignUpEnabled: async () => true,
    signUpAllowedFor: async (email: string, client?: unknown) =>
      ours(email) || actual.signUpAllowedFor(email, client as never),
  };
});

const smtp = smtpServerForThisFile("Commons <commons@test.example>");

const NEW_PASSWORD = "a brand new long password";
const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${unique()}`;
const forUser = (user: { id: string }) => (data: { userId: string }) => data.userId === user.id;

async function verifiedMember(overrides: Parameters<typeof createMember>[0] = {}) {
  const member = await createMember(overrides);
  return testDb.user.update({ where: { id: member.id }, data: { emailVerified: new Date() } });
}

/** Runs the user's jobs of `handler` and returns the mail that went to `address`. */
async function mailAfter(
  handler: Parameters<typeof runQueuedJobs>[0],
  user: { id: string },
  address: string,
): Promise<ReceivedMail[]> {
  const before = smtp.messages.length;
  await runQueuedJobs(handler, forUser(user));
  return smtp.messages.slice(before).filter((m) => m.envelopeTo.includes(address));
}

function tokenIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(mail.parsed.text ?? "");
  if (!match) throw new Error(`No ${path} link in: ${mail.parsed.text}`);
  return match[1]!;
}

/** Every job row's data, as text, of the account queues. */
async function allJobData(): Promise<string> {
  const rows = await testDb.$queryRawUnsafe<{ data: unknown }[]>(
    `SELECT data FROM ${JOB_SCHEMA}.job WHERE name LIKE 'account.%'`,
  );
  return JSON.stringify(rows);
}

async function resetLinkFor(member: { id: string; email: string }): Promise<string> {
  await requestPasswordReset({ email: member.email }, { ip: ip() });
  const [mail] = await mailAfter(sendPasswordReset, member, member.email);
  return tokenIn(mail!, "/reset-password");
}

describe("forgot password", () => {
  it("answers the same for an existing and a missing address, and mails only the member", async () => {
    const member = await verifiedMember();
    const missing = `${unique("nobody")}@test.example`;
    const known = await requestPasswordReset({ email: member.email }, { ip: ip() });
    const unknown = await requestPasswordReset({ email: missing }, { ip: ip() });
    expect(known).toEqual({ ok: true, message: RESET_REQUESTED_MESSAGE });
    expect(unknown).toEqual(known);
    expect(await queuedJobs(passwordResetQueue, forUser(member))).toHaveLength(1);

    const [mail] = await mailAfter(sendPasswordReset, member, member.email);
    expect(mail!.parsed.subject).toMatch(/choose a new password/i);
    expect(mail!.header("list-unsubscribe")).toBeUndefined();
    expect(mail!.parsed.text).toMatch(/\(UTC\)/);
    expect(smtp.messages.some((m) => m.envelopeTo.includes(missing))).toBe(false);
  });

  it("sends nothing to a deactivated member", async () => {
    const member = await verifiedMember({ status: "DEACTIVATED" });
    await requestPasswordReset({ email: member.email }, { ip: ip() });
    expect(await queuedJobs(passwordResetQueue, forUser(member))).toHaveLength(0);
  });

  it("limits requests per address (same answer, no more mail) and per network", async () => {
    const member = await verifiedMember();
    const answers = [];
    for (let i = 0; i < RESET_LIMITS.perAddress.limit + 2; i++)
      answers.push(await requestPasswordReset({ email: member.email }, { ip: ip() }));
    expect(new Set(answers.map((a) => a.message))).toEqual(new Set([RESET_REQUESTED_MESSAGE]));
    expect(await queuedJobs(passwordResetQueue, forUser(member))).toHaveLength(
      RESET_LIMITS.perAddress.limit,
    );
    await runQueuedJobs(sendPasswordReset, forUser(member));

    const network = ip();
    for (let i = 0; i < RESET_LIMITS.perIp.limit; i++)
      await requestPasswordReset({ email: `${unique()}@test.example` }, { ip: network });
    const other = await verifiedMember();
    expect(await requestPasswordReset({ email: other.email }, { ip: network })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Too many/),
    });
    expect(await queuedJobs(passwordResetQueue, forUser(other))).toHaveLength(0);
  });

  it("stores only the token's hash, nowhere the raw token, valid for one hour", async () => {
    const member = await verifiedMember();
    const token = await resetLinkFor(member);
    const rows = await testDb.accountToken.findMany({ where: { userId: member.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: "PASSWORD_RESET", tokenHash: hashLinkToken(token) });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await allJobData()).not.toContain(token);
    const lifetime = rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime();
    expect(Math.abs(lifetime - 3600_000)).toBeLessThan(5_000);

    await testDb.accountToken.update({
      where: { id: rows[0]!.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findAccountToken(testDb, token, "PASSWORD_RESET")).toEqual({ state: "expired" });
    expect(
      await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
  });

  it("sets the password once, ends every session, retires other links and mails the change", async () => {
    const member = await verifiedMember();
    const older = await resetLinkFor(member);
    const token = await resetLinkFor(member);
    await startAuthSession(testDb, { userId: member.id, userAgent: "x" });
    const input = { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };

    expect(await resetPassword(input)).toMatchObject({ ok: true });
    const after = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.sessionVersion).toBe(member.sessionVersion + 1);
    expect(await testDb.authSession.count({ where: { userId: member.id } })).toBe(0);
    const signIn = (password: string) =>
      verifyPasswordSignIn(testDb, { email: member.email, password, ip: ip() });
    expect((await signIn(NEW_PASSWORD)).ok).toBe(true);
    expect((await signIn(TEST_PASSWORD)).ok).toBe(false);

    expect(
      await resetPassword({ ...input, password: "x".repeat(20), confirmPassword: "x".repeat(20) }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already used/),
    });
    expect(await findAccountToken(testDb, older, "PASSWORD_RESET")).toEqual({ state: "used" });

    const [changed] = await mailAfter(sendPasswordChanged, member, member.email);
    expect(changed!.parsed.subject).toMatch(/password was changed/i);
    expect(changed!.header("list-unsubscribe")).toBeUndefined();
    expect((await auditEntriesFor(member.id)).map((e) => e.action)).toContain(
      "member.password.reset",
    );
  });

  it("confirms the address of an unverified account, since the link reached its inbox", async () => {
    const member = await createMember();
    const token = await resetLinkFor(member);
    await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(
      (await testDb.user.findUniqueOrThrow({ where: { id: member.id } })).emailVerified,
    ).toBeInstanceOf(Date);
  });

  it("refuses a weak password, keeping the link usable", async () => {
    const member = await verifiedMember();
    const token = await resetLinkFor(member);
    expect(
      await resetPassword({ token, password: "short", confirmPassword: "short" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.any(String)] },
    });
    expect(await findAccountToken(testDb, token, "PASSWORD_RESET")).toMatchObject({
      state: "valid",
    });
  });
});

describe("an admin's reset link", () => {
  it("is audited and mailed to the member", async () => {
    const [admin, member] = [await createAdmin(), await verifiedMember()];
    expect(await sendPasswordResetLink(admin, { memberId: member.id })).toMatchObject({ ok: true });
    const [entry] = await auditEntriesFor(member.id);
    expect(entry).toMatchObject({ actorId: admin.id, action: "member.password.reset-link" });
    const [mail] = await mailAfter(sendPasswordReset, member, member.email);
    expect(mail!.parsed.text).toMatch(/An admin sent you this link/);
  });

  it.each(["MEMBER", "LEADER"] as const)("is refused to a %s, changing nothing", async (role) => {
    const [actor, member] = [await createMember({ role }), await verifiedMember()];
    await expect(sendPasswordResetLink(actor, { memberId: member.id })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    expect(await queuedJobs(passwordResetQueue, forUser(member))).toHaveLength(0);
    expect(await auditEntriesFor(member.id)).toHaveLength(0);
  });
});

describe("open sign-up verification", () => {
  it("creates the account unverified; it signs in only after the mailed link", async () => {
    const email = `${unique("new")}@signup.test.example`;
    const result = await signUp(
      { email, name: "New Person", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { ip: ip() },
    );
    expect(result).toMatchObject({ ok: true });
    const member = await testDb.user.findUniqueOrThrow({ where: { email } });
    expect(member.emailVerified).toBeNull();
    const signIn = () => verifyPasswordSignIn(testDb, { email, password: NEW_PASSWORD, ip: ip() });
    expect(await signIn()).toEqual({ ok: false, reason: "unverified" });
    // A wrong password says nothing about verification.
    expect(
      await verifyPasswordSignIn(testDb, { email, password: "wrong password!!", ip: ip() }),
    ).toEqual({ ok: false, reason: "invalid" });

    // The link again, from the sign-in page's "send it again".
    expect(await resendVerificationLink({ email }, { ip: ip() })).toMatchObject({ ok: true });
    const mails = await mailAfter(sendEmailVerification, member, email);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.parsed.subject).toMatch(/confirm your email/i);
    expect(mails[0]!.header("list-unsubscribe")).toBeUndefined();
    const token = tokenIn(mails[1]!, "/verify-email");
    expect(await allJobData()).not.toContain(token);

    const withPassword = (token: string) => verifyEmail({ token, password: NEW_PASSWORD });
    expect(await withPassword(token)).toMatchObject({ ok: true });
    expect((await signIn()).ok).toBe(true);
    expect(await withPassword(token)).toMatchObject({ ok: false, message: /already used/ });
    // The first link was retired by the verification.
    expect(await withPassword(tokenIn(mails[0]!, "/verify-email"))).toMatchObject({ ok: false });
  });

  it("needs the sign-up password with the link: a colleague's click verifies nothing (impostor gap)", async () => {
    const colleague = `${unique("colleague")}@signup.test.example`;
    await signUp(
      { email: colleague, name: "Impostor", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { ip: ip() },
    );
    const squat = await testDb.user.findUniqueOrThrow({ where: { email: colleague } });
    const [mail] = await mailAfter(sendEmailVerification, squat, colleague);
    const token = tokenIn(mail!, "/verify-email");

    // The colleague presses the button, with no password or a guess of their own.
    for (const password of [undefined, "the colleague's own password"]) {
      expect(await verifyEmail({ token, password })).toMatchObject({
        ok: false,
        fieldErrors: { password: [NOT_SIGN_UP_PASSWORD] },
      });
    }
    const unverified = await testDb.user.findUniqueOrThrow({ where: { id: squat.id } });
    expect(unverified.emailVerified).toBeNull();
    expect(await findAccountToken(testDb, token, "EMAIL_VERIFICATION")).toMatchObject({
      state: "valid",
    });
    const signIn = (password: string) =>
      verifyPasswordSignIn(testDb, { email: colleague, password, ip: ip() });
    expect(await signIn(NEW_PASSWORD)).toEqual({ ok: false, reason: "unverified" });

    // "Forgot password" gives the address to its owner, and the impostor's password is gone.
    const reset = await resetLinkFor(squat);
    const theirs = "the colleague's own password";
    await resetPassword({ token: reset, password: theirs, confirmPassword: theirs });
    expect((await signIn(theirs)).ok).toBe(true);
    expect((await signIn(NEW_PASSWORD)).ok).toBe(false);
  });

  it("answers a resend the same for unknown, verified and waiting addresses", async () => {
    const verified = await verifiedMember();
    const answers = await Promise.all([
      resendVerificationLink({ email: verified.email }, { ip: ip() }),
      resendVerificationLink({ email: `${unique()}@test.example` }, { ip: ip() }),
    ]);
    expect(answers[0]).toEqual(answers[1]);
    expect(await queuedJobs(emailVerificationQueue, forUser(verified))).toHaveLength(0);
  });

  it("single sign-on links to a sign-up account only once its address is verified", async () => {
    const member = await createMember(); // as open sign-up leaves it: unverified
    const account = (): Account => ({
      provider: "oidc",
      type: "oidc",
      providerAccountId: unique("sub-"),
    });
    const profile = { email: member.email, email_verified: true };
    expect(await resolveOidcMember(testDb, { account: account(), profile })).toBeNull();
    expect(await testDb.account.count({ where: { userId: member.id } })).toBe(0);

    await resendVerificationLink({ email: member.email }, { ip: ip() });
    const [mail] = await mailAfter(sendEmailVerification, member, member.email);
    await verifyEmail({ token: tokenIn(mail!, "/verify-email"), password: TEST_PASSWORD });
    expect(await resolveOidcMember(testDb, { account: account(), profile })).toMatchObject({
      id: member.id,
    });
  });
});

// Every form that takes an address from someone who may not own it answers the same (result,
// message, fields, and so the text on the page) whether or not the address has an account.
describe("a taken address gets the same answer as a free one", () => {
  const free = () => `${unique("free")}@signup.test.example`;
  const sameAnswer = async (
    ask: (email: string) => Promise<unknown>,
    taken: string,
    expected: unknown,
  ) => {
    const [forTaken, forFree] = [await ask(taken), await ask(free())];
    expect(forTaken).toEqual(forFree);
    expect(forTaken).toMatchObject(expected as object);
  };

  it("sign-up (the owner of a taken address is told by mail instead)", async () => {
    const owner = await verifiedMember({ email: free() });
    const signUpWith = (email: string) =>
      signUp(
        { email, name: "Someone", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        { ip: ip() },
      );
    await sameAnswer(signUpWith, owner.email, { ok: true, message: SIGNUP_DONE_MESSAGE });
    const before = smtp.messages.length;
    await runQueuedJobs(sendAddressInUseNotice, (data) => data.address === owner.email);
    const [told] = smtp.messages.slice(before).filter((m) => m.envelopeTo.includes(owner.email));
    expect(told!.parsed.subject).toMatch(/already has a .* account/);
    expect(told!.parsed.text).toMatch(/create an account with this address/);
    expect(told!.parsed.text).not.toMatch(/verify-email|reset-password\//);
  });

  it("sign-up tells a taken address's owner at most three times an hour", async () => {
    const owner = await verifiedMember({ email: free() });
    const input = {
      email: owner.email,
      name: "S",
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    };
    for (let i = 0; i < 5; i++) await signUp(input, { ip: ip() });
    const notices = await queuedJobs(addressInUseQueue, (data) => data.address === owner.email);
    expect(notices).toHaveLength(3);
  });

  it("forgot password", async () => {
    const owner = await verifiedMember({ email: free() });
    const ask = (email: string) => requestPasswordReset({ email }, { ip: ip() });
    await sameAnswer(ask, owner.email, { ok: true, message: RESET_REQUESTED_MESSAGE });
  });

  it("send the confirmation link again", async () => {
    const waiting = await createMember({ email: free() });
    const ask = (email: string) => resendVerificationLink({ email }, { ip: ip() });
    await sameAnswer(ask, waiting.email, { ok: true, message: VERIFICATION_SENT_MESSAGE });
  });

  it("changing one's email (the owner of a taken address is told by mail instead)", async () => {
    const [member, owner] = [await verifiedMember(), await verifiedMember({ email: free() })];
    const [taken, freeEmail] = [owner.email, free()];
    const answer = await requestEmailChange(member, { email: taken, password: TEST_PASSWORD });
    const other = await requestEmailChange(member, { email: freeEmail, password: TEST_PASSWORD });
    expect(answer).toEqual({ ok: true, message: emailChangeRequestedMessage(taken) });
    expect(other).toEqual({ ok: true, message: emailChangeRequestedMessage(freeEmail) });
    // The same jobs, whatever the address: nothing in the database tells either.
    expect(await queuedJobs(emailChangeQueue, forUser(member))).toHaveLength(2);
    expect(await queuedJobs(emailChangeNoticeQueue, forUser(member))).toHaveLength(2);
  });
});

describe("changing one's email", () => {
  it("changes the address only when the new one's link is opened, telling the old one", async () => {
    const member = await verifiedMember();
    const newEmail = `${unique("moved")}@test.example`;
    expect(
      await requestEmailChange(member, { email: newEmail, password: "not it at all" }),
    ).toMatchObject({ ok: false, fieldErrors: { password: [expect.any(String)] } });
    expect(
      await requestEmailChange(member, { email: newEmail, password: TEST_PASSWORD }),
    ).toMatchObject({ ok: true });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: member.id } })).email).toBe(
      member.email,
    );

    const [link] = await mailAfter(sendEmailChange, member, newEmail);
    expect(link!.parsed.subject).toMatch(/confirm your new email/i);
    const token = tokenIn(link!, "/confirm-email");
    expect(await allJobData()).not.toContain(token);
    const [notice] = await mailAfter(sendEmailChangeNotice, member, member.email);
    expect(notice!.parsed.subject).toMatch(/is being changed/);
    expect(notice!.parsed.text).toContain(newEmail);

    // Only the member signed in to the account that asked can use the link.
    const stranger = await verifiedMember();
    expect(await confirmEmailChange(stranger, { token })).toEqual({
      ok: false,
      message: OTHER_ACCOUNT_LINK,
    });
    expect(await confirmEmailChange(member, { token })).toMatchObject({ ok: true });
    const after = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.email).toBe(newEmail);
    expect(after.emailVerified).toBeInstanceOf(Date);
    const [changed] = await mailAfter(sendEmailChangeNotice, member, member.email);
    expect(changed!.parsed.subject).toMatch(/was changed/);
    expect(await confirmEmailChange(member, { token })).toMatchObject({ ok: false });
    const [entry] = (await auditEntriesFor(member.id)).filter(
      (e) => e.action === "member.email.change",
    );
    expect(entry).toMatchObject({ before: { email: member.email }, after: { email: newEmail } });
  });

  it("tells only the taken address's owner, by mail, that it has an account; no link", async () => {
    const [member, owner] = [await verifiedMember(), await verifiedMember()];
    await requestEmailChange(member, { email: owner.email, password: TEST_PASSWORD });
    const [mail] = await mailAfter(sendEmailChange, member, owner.email);
    expect(mail!.parsed.subject).toMatch(/already has a .* account/);
    expect(mail!.parsed.text).toMatch(/asked to move it to this address/);
    expect(mail!.parsed.text).not.toMatch(/confirm-email/);
    expect(await testDb.accountToken.count({ where: { userId: member.id } })).toBe(0);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: member.id } })).email).toBe(
      member.email,
    );
  });

  it("rolls back entirely when the address was taken after the link was sent", async () => {
    const member = await verifiedMember();
    const newEmail = `${unique("race")}@test.example`;
    await requestEmailChange(member, { email: newEmail, password: TEST_PASSWORD });
    const [link] = await mailAfter(sendEmailChange, member, newEmail);
    await runQueuedJobs(sendEmailChangeNotice, forUser(member));
    await createMember({ email: newEmail });

    const token = tokenIn(link!, "/confirm-email");
    expect(await confirmEmailChange(member, { token })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already belongs/),
    });
    // The rolled-back action enqueued nothing and used up nothing.
    expect(await queuedJobs(emailChangeNoticeQueue, forUser(member))).toHaveLength(0);
    expect(await findAccountToken(testDb, token, "EMAIL_CHANGE")).toMatchObject({ state: "valid" });
    expect(await queuedJobs(passwordChangedQueue, forUser(member))).toHaveLength(0);
  });
});
