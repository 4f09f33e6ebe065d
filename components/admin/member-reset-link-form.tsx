"use client";
import { sendPasswordResetLinkAction } from "@/lib/admin/actions";
import { ActionButtonForm } from "./action-button-form";

/** Emails the member a one-hour link to choose a new password (the admin never sees it). */
export function MemberResetLinkForm({
  memberId,
  memberName,
}: {
  memberId: string;
  memberName: string;
}) {
  return (
    <ActionButtonForm
      action={sendPasswordResetLinkAction}
      fields={{ memberId }}
      label="Send password reset link"
      srSuffix={` to ${memberName}`}
      pendingText="Sending…"
      confirm={{
        question: `Email ${memberName} a link to choose a new password? Their current password keeps working until they use it.`,
        confirmLabel: "Yes, send the link",
      }}
    />
  );
}
