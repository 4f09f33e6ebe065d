import type { Metadata } from "next";
import { connection } from "next/server";
import { db } from "@/lib/core/db/client";
import { PASSWORD_MIN_LENGTH } from "@/lib/core/auth/password-policy";
import { findAccountToken } from "@/lib/account/tokens";
import { LinkProblem } from "@/components/auth/link-problem";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

// The token is in this page's URL: never send it on as a referrer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  await connection();
  const { token } = await params;
  const found = await findAccountToken(db, token, "PASSWORD_RESET");
  if (found.state !== "valid") {
    return (
      <LinkProblem
        state={found.state}
        retry={{ href: "/forgot-password", label: "Ask for a new reset link" }}
      />
    );
  }
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Choose a new password</h1>
      <p className="mb-4 text-sm text-stone-700">
        For {found.email}. Afterwards you are signed out everywhere and sign in with the new
        password.
      </p>
      <ResetPasswordForm token={token} minLength={PASSWORD_MIN_LENGTH} />
    </>
  );
}
