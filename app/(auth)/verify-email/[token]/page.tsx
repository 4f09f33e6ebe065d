import type { Metadata } from "next";
import { connection } from "next/server";
import { db } from "@/lib/core/db/client";
import { findAccountToken } from "@/lib/account/tokens";
import { verifyEmailAction } from "@/lib/account/actions/recovery";
import { ConfirmLinkForm } from "@/components/auth/confirm-link-form";
import { LinkProblem } from "@/components/auth/link-problem";

export const metadata: Metadata = { title: "Confirm your email address", referrer: "no-referrer" };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const found = await findAccountToken(db, token, "EMAIL_VERIFICATION");
  if (found.state !== "valid") {
    return (
      <LinkProblem
        state={found.state}
        retry={{ href: "/verify-email", label: "Ask for a new confirmation link" }}
      />
    );
  }
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Confirm your email address</h1>
      <p className="mb-4 text-sm text-stone-700">
        Confirm that {found.email} is yours with the password you chose when you created the
        account. Did not create one? Leave this page: the account cannot be used without this step.
      </p>
      <ConfirmLinkForm
        passwordLabel="Your password"
        action={verifyEmailAction}
        token={token}
        label="Confirm my address"
        doneHref="/signin"
        doneLabel="Sign in"
      />
    </>
  );
}
