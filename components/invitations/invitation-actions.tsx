"use client";
import { useActionState, useState } from "react";
import {
  resendInvitationAction,
  revokeInvitationAction,
  rotateInvitationLinkAction,
} from "@/lib/invitations/actions";
import { mayReissueOrRevoke } from "@/lib/invitations/access";
import type { InvitationStatus } from "@/lib/invitations/tokens";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { InvitationLink, tryCopy } from "./invitation-link";

/** "Copy link again" (a new link; the old one stops working) for one invitation. */
function CopyLinkAgain({ invitationId, email }: { invitationId: string; email: string }) {
  const [copied, setCopied] = useState<boolean>();
  const [state, action] = useActionState(async (prev: unknown, formData: FormData) => {
    const result = await rotateInvitationLinkAction(prev, formData);
    // The button promises a copy, so try one as soon as the new link arrives.
    if (result.ok && result.data) setCopied(await tryCopy(result.data.link));
    return result;
  }, null);
  const issued = state?.ok ? state.data : undefined;
  return (
    <div className="space-y-2">
      <form action={action}>
        <input type="hidden" name="invitationId" value={invitationId} />
        <SubmitButton variant="secondary" pendingText="Making a new link…">
          Copy link again<span className="sr-only"> for {email}</span>
        </SubmitButton>
      </form>
      {issued ? (
        <InvitationLink key={issued.link} link={issued.link} email={issued.email} copied={copied} />
      ) : (
        <FormMessage state={state} />
      )}
    </div>
  );
}

export function InvitationActions({
  invitationId,
  email,
  status,
}: {
  invitationId: string;
  email: string;
  status: InvitationStatus;
}) {
  const open = mayReissueOrRevoke({ status });
  return (
    <div className="flex flex-col gap-2">
      {open ? (
        <ActionButtonForm
          action={resendInvitationAction}
          fields={{ invitationId }}
          label="Resend by email"
          srSuffix={` to ${email}`}
          pendingText="Sending…"
        />
      ) : null}
      {open ? <CopyLinkAgain invitationId={invitationId} email={email} /> : null}
      {/* Stays mounted after a revoke, so its outcome message is still read out. */}
      <ActionButtonForm
        done={!open}
        action={revokeInvitationAction}
        fields={{ invitationId }}
        label="Revoke"
        srSuffix={` the invitation for ${email}`}
        pendingText="Revoking…"
        confirm={{
          question: `Revoke the invitation for ${email}? Its link stops working at once.`,
          confirmLabel: "Yes, revoke",
        }}
      />
    </div>
  );
}
