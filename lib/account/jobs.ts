// Background jobs of this domain: its queues' handlers and its schedules (run by lib/worker).
// Link mail creates its token inside the handler, so no raw token is ever in job data (which
// anyone reading the database can read). None of this mail carries List-Unsubscribe: it is
// not optional.
import { createElement } from "react";
import { db } from "@/lib/core/db/client";
import { formatDateTime } from "@/lib/core/date-format";
import type { Queue } from "@/lib/core/jobs/queue";
import { handle, type JobContext, type JobHandler, type Schedule } from "@/lib/core/jobs/worker";
import { absoluteUrl } from "@/lib/core/mail/links";
import { sendMail } from "@/lib/core/mail/send";
import { getSetting } from "@/lib/core/settings/queries";
import {
  EmailChangeMail,
  EmailChangeNoticeMail,
  emailChangeNoticeSubject,
  emailChangeSubject,
  AddressInUseMail,
  addressInUseSubject,
} from "./email/email-change";
import { PasswordChangedMail, passwordChangedSubject } from "./email/password-changed";
import { PasswordResetMail, passwordResetSubject } from "./email/password-reset";
import { VerifyEmailMail, verifyEmailSubject } from "./email/verify-email";
import {
  addressInUseQueue,
  emailChangeNoticeQueue,
  emailChangeQueue,
  emailVerificationQueue,
  passwordChangedQueue,
  passwordResetQueue,
} from "./queues";
import { issueAccountToken, TOKEN_PATHS } from "./tokens";

export {
  addressInUseQueue,
  emailChangeNoticeQueue,
  emailChangeQueue,
  emailVerificationQueue,
  passwordChangedQueue,
  passwordResetQueue,
} from "./queues";

const finalAttempt = (queue: Queue<unknown>, job: JobContext) =>
  job.retryCount >= queue.retry.retryLimit;

const when = (date: Date, timeZone: string) => `${formatDateTime(date, timeZone)} (${timeZone})`;

/** The member, only while active: a deactivated member gets no account mail. */
function activeMember(userId: string) {
  return db.user.findFirst({
    where: { id: userId, status: "ACTIVE" },
    select: { id: true, email: true, name: true, timeZone: true, emailVerified: true },
  });
}

export const sendPasswordReset = handle(passwordResetQueue, async (data, job) => {
  const member = await activeMember(data.userId);
  if (!member) return;
  const { token, expiresAt } = await issueAccountToken(db, {
    userId: member.id,
    purpose: "PASSWORD_RESET",
    email: member.email,
  });
  await sendMail(
    {
      to: { address: member.email, name: member.name, userId: member.id },
      kind: "account.password-reset",
      subject: passwordResetSubject(await getSetting("organisation.name")),
      body: ({ organisation }) =>
        createElement(PasswordResetMail, {
          organisation,
          name: member.name,
          url: absoluteUrl(`${TOKEN_PATHS.PASSWORD_RESET}/${token}`),
          expires: when(expiresAt, member.timeZone),
          byAdmin: data.byAdmin,
        }),
    },
    { finalAttempt: finalAttempt(passwordResetQueue as Queue<unknown>, job) },
  );
});

export const sendPasswordChanged = handle(passwordChangedQueue, async (data, job) => {
  const member = await activeMember(data.userId);
  if (!member) return;
  await sendMail(
    {
      to: { address: member.email, name: member.name, userId: member.id },
      kind: "account.password-changed",
      subject: passwordChangedSubject(await getSetting("organisation.name")),
      body: ({ organisation }) =>
        createElement(PasswordChangedMail, {
          organisation,
          name: member.name,
          changedAt: when(new Date(data.changedAt), member.timeZone),
          forgotUrl: absoluteUrl("/forgot-password"),
        }),
    },
    { finalAttempt: finalAttempt(passwordChangedQueue as Queue<unknown>, job) },
  );
});

export const sendEmailVerification = handle(emailVerificationQueue, async (data, job) => {
  const member = await activeMember(data.userId);
  if (!member || member.emailVerified) return;
  const { token, expiresAt } = await issueAccountToken(db, {
    userId: member.id,
    purpose: "EMAIL_VERIFICATION",
    email: member.email,
  });
  await sendMail(
    {
      to: { address: member.email, name: member.name, userId: member.id },
      kind: "account.email-verification",
      subject: verifyEmailSubject(await getSetting("organisation.name")),
      body: ({ organisation }) =>
        createElement(VerifyEmailMail, {
          organisation,
          name: member.name,
          url: absoluteUrl(`${TOKEN_PATHS.EMAIL_VERIFICATION}/${token}`),
          expires: when(expiresAt, member.timeZone),
        }),
    },
    { finalAttempt: finalAttempt(emailVerificationQueue as Queue<unknown>, job) },
  );
});

/** The address has an account already: its (active) owner is told; no link is made. */
async function sendAddressInUse(
  data: { address: string; asked: "sign-up" | "email-change" },
  finalTry: boolean,
): Promise<void> {
  const holder = await db.user.findUnique({
    where: { email: data.address },
    select: { status: true },
  });
  if (holder?.status !== "ACTIVE") return;
  await sendMail(
    {
      to: { address: data.address },
      kind: "account.address-in-use",
      subject: addressInUseSubject(await getSetting("organisation.name")),
      body: ({ organisation }) =>
        createElement(AddressInUseMail, {
          organisation,
          asked: data.asked,
          signInUrl: absoluteUrl("/signin"),
          forgotUrl: absoluteUrl("/forgot-password"),
        }),
    },
    { finalAttempt: finalTry },
  );
}

export const sendAddressInUseNotice = handle(addressInUseQueue, (data, job) =>
  sendAddressInUse(data, finalAttempt(addressInUseQueue as Queue<unknown>, job)),
);

export const sendEmailChange = handle(emailChangeQueue, async (data, job) => {
  const member = await activeMember(data.userId);
  if (!member || member.email === data.newEmail) return;
  const taken = await db.user.findUnique({ where: { email: data.newEmail }, select: { id: true } });
  if (taken) {
    const finalTry = finalAttempt(emailChangeQueue as Queue<unknown>, job);
    return sendAddressInUse({ address: data.newEmail, asked: "email-change" }, finalTry);
  }
  const { token, expiresAt } = await issueAccountToken(db, {
    userId: member.id,
    purpose: "EMAIL_CHANGE",
    email: data.newEmail,
  });
  await sendMail(
    {
      // Not the member's address (yet): no userId, so a failure is not marked on the member.
      to: { address: data.newEmail, name: member.name },
      kind: "account.email-change",
      subject: emailChangeSubject(await getSetting("organisation.name")),
      body: ({ organisation }) =>
        createElement(EmailChangeMail, {
          organisation,
          name: member.name,
          url: absoluteUrl(`${TOKEN_PATHS.EMAIL_CHANGE}/${token}`),
          expires: when(expiresAt, member.timeZone),
        }),
    },
    { finalAttempt: finalAttempt(emailChangeQueue as Queue<unknown>, job) },
  );
});

export const sendEmailChangeNotice = handle(emailChangeNoticeQueue, async (data, job) => {
  const member = await activeMember(data.userId);
  if (!member) return;
  await sendMail(
    {
      to: { address: data.oldEmail, name: member.name },
      kind: "account.email-change-notice",
      subject: emailChangeNoticeSubject(await getSetting("organisation.name"), data.stage),
      body: ({ organisation }) =>
        createElement(EmailChangeNoticeMail, {
          organisation,
          name: member.name,
          stage: data.stage,
          newAddress: data.newEmail,
          accountUrl: absoluteUrl("/account"),
        }),
    },
    { finalAttempt: finalAttempt(emailChangeNoticeQueue as Queue<unknown>, job) },
  );
});

export const jobHandlers: JobHandler[] = [
  sendAddressInUseNotice,
  sendPasswordReset,
  sendPasswordChanged,
  sendEmailVerification,
  sendEmailChange,
  sendEmailChangeNotice,
];
export const jobSchedules: Schedule[] = [];
