// Background jobs of this domain: its queues' handlers and its schedules (run by lib/worker).
import { createElement } from "react";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { formatDateTime } from "@/lib/core/date-format";
import { ROLE_LABELS } from "@/lib/core/auth/permissions";
import { defineQueue, type Queue } from "@/lib/core/jobs/queue";
import { handle, type JobHandler, type Schedule } from "@/lib/core/jobs/worker";
import { absoluteUrl } from "@/lib/core/mail/links";
import { sendMail } from "@/lib/core/mail/send";
import { getSetting } from "@/lib/core/settings/queries";
import { InvitationMail, invitationSubject } from "./email/invitation";
import { unsealInvitationToken } from "./seal";
import { hashInvitationToken, invitationStatus } from "./tokens";

export const invitationMailQueue = defineQueue(
  "invitations.mail",
  z
    .object({
      invitationId: z.string().min(1).max(64),
      /** The link's token sealed with AUTH_SECRET (./seal.ts): never the raw token. */
      sealedToken: z.string().max(300),
    })
    .strict(),
);

export const sendInvitation = handle(invitationMailQueue, async (data, job) => {
  const invitation = await db.invitation.findUnique({
    where: { id: data.invitationId },
    include: { invitedBy: { select: { name: true, timeZone: true } } },
  });
  const token = unsealInvitationToken(data.sealedToken);
  // Accepted, revoked, expired, or its link replaced since ("Copy link again", a resend):
  // this link no longer works, so it is not sent.
  if (!invitation || !token || invitationStatus(invitation) !== "pending") return;
  if (hashInvitationToken(token) !== invitation.tokenHash) return;
  // The invitee has no time zone here yet: the inviter's, written out.
  const timeZone = invitation.invitedBy?.timeZone ?? "UTC";
  const inviter = invitation.invitedBy?.name ?? null;
  await sendMail(
    {
      to: { address: invitation.email },
      kind: "invitation",
      subject: invitationSubject(await getSetting("organisation.name"), inviter),
      body: ({ organisation }) =>
        createElement(InvitationMail, {
          organisation,
          inviter,
          role: ROLE_LABELS[invitation.role],
          url: absoluteUrl(`/invite/${token}`),
          expires: `${formatDateTime(invitation.expiresAt, timeZone)} (${timeZone})`,
        }),
    },
    { finalAttempt: job.retryCount >= (invitationMailQueue as Queue<unknown>).retry.retryLimit },
  );
  await db.invitation.update({
    where: { id: invitation.id },
    data: { emailedAt: new Date(), emailCount: { increment: 1 } },
  });
});

export const jobHandlers: JobHandler[] = [sendInvitation];
export const jobSchedules: Schedule[] = [];
