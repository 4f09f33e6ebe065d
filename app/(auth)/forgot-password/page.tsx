import type { Metadata } from "next";
import Link from "next/link";
import { EmailLinkRequestForm } from "@/components/auth/email-link-request-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Forgot your password?</h1>
      <p className="mb-4 text-sm text-stone-700">
        Enter the email address of your account. If it has one, we&apos;ll email it a link to choose
        a new password.
      </p>
      <EmailLinkRequestForm purpose="password-reset" />
      <p className="mt-6 text-sm text-stone-600">
        Remembered it? <Link href="/signin">Sign in</Link>
      </p>
    </>
  );
}
