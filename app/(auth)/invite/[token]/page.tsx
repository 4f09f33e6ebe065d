import type { Metadata } from "next";
import Link from "next/link";
import { ROLE_LABELS } from "@/lib/core/auth/permissions";
import { PASSWORD_MIN_LENGTH } from "@/lib/core/auth/password";
import { findInvitationByToken, UNUSABLE_MESSAGES } from "@/lib/invitations/accept";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";

// The token is in this page's URL: never send it on as a referrer.
export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };

export default async function AcceptInvitationPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const invitation = await findInvitationByToken(token);

  if (invitation.state !== "valid") {
    return (
      <>
        <h1 className="mb-3 text-xl font-semibold">This invitation link can&apos;t be used</h1>
        <p className="text-stone-700">{UNUSABLE_MESSAGES[invitation.state]}</p>
        <p className="mt-6 text-sm">
          <Link href="/signin">Go to sign in</Link>
        </p>
      </>
    );
  }

  const role = ROLE_LABELS[invitation.role];
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Join Learning Commons</h1>
      <p className="mb-4 text-sm text-stone-700">
        You&apos;ve been invited to join as {role === "Admin" ? "an" : "a"} {role}. Choose your name
        and a password to create your account.
      </p>
      <AcceptInvitationForm
        token={token}
        email={invitation.email}
        passwordMinLength={PASSWORD_MIN_LENGTH}
      />
    </>
  );
}
