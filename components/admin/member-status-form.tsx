"use client";
import type { MemberStatus } from "@/lib/generated/prisma/enums";
import { setMemberStatusAction } from "@/lib/admin/actions";
import { ActionButtonForm } from "./action-button-form";

/** "Deactivate" (with a confirm step) or "Reactivate" for one member of the admin list. */
export function MemberStatusForm({
  memberId,
  memberName,
  status,
}: {
  memberId: string;
  memberName: string;
  status: MemberStatus;
}) {
  if (status === "DEACTIVATED") {
    return (
      <ActionButtonForm
        action={setMemberStatusAction}
        fields={{ memberId, status: "ACTIVE" }}
        label="Reactivate"
        srSuffix={` ${memberName}`}
        pendingText="Reactivating…"
      />
    );
  }
  return (
    <ActionButtonForm
      action={setMemberStatusAction}
      fields={{ memberId, status: "DEACTIVATED" }}
      label="Deactivate"
      srSuffix={` ${memberName}`}
      pendingText="Deactivating…"
      variant="secondary"
      confirm={{
        question: `Deactivate ${memberName}? They are signed out at once and can't sign in until an admin reactivates them.`,
        confirmLabel: "Yes, deactivate",
      }}
    />
  );
}
