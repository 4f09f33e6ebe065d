"use client";
import { clearSignInLockAction } from "@/lib/account/actions/sign-in-lock";
import { ActionButtonForm } from "./action-button-form";

/** Shown for a member locked out by wrong passwords: lets them sign in again at once. */
export function ClearSignInLockForm({
  memberId,
  memberName,
}: {
  memberId: string;
  memberName: string;
}) {
  return (
    <ActionButtonForm
      action={clearSignInLockAction}
      fields={{ memberId }}
      label="Clear sign-in lock"
      srSuffix={` for ${memberName}`}
      pendingText="Clearing…"
    />
  );
}
