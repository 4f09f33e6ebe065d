import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { currentUser } from "@/lib/core/auth/session";
import { PASSWORD_MIN_LENGTH } from "@/lib/core/auth/password";
import { getSetting, openSignUpEnabled } from "@/lib/core/settings/queries";
import { SignUpForm } from "@/components/invitations/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  await connection();
  if (!(await openSignUpEnabled())) notFound();
  if (await currentUser()) redirect("/");
  const allowedDomains = await getSetting("signup.allowedDomains");
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Create your account</h1>
      <p className="mb-4 text-sm text-stone-700">
        Join with your work email. You&apos;ll start as a Member.
      </p>
      <SignUpForm allowedDomains={allowedDomains} passwordMinLength={PASSWORD_MIN_LENGTH} />
      <p className="mt-6 text-sm text-stone-600">
        Already have an account? <Link href="/signin">Sign in</Link>
      </p>
    </>
  );
}
