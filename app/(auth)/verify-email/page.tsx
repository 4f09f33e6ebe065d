import type { Metadata } from "next";
import Link from "next/link";
import { EmailLinkRequestForm } from "@/components/auth/email-link-request-form";

export const metadata: Metadata = { title: "Confirm your email address" };

export default function ResendVerificationPage() {
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Get a new confirmation link</h1>
      <p className="mb-4 text-sm text-stone-700">
        Enter the address you signed up with. If its account is waiting for confirmation, we&apos;ll
        email it a new link.
      </p>
      <EmailLinkRequestForm purpose="email-verification" />
      <p className="mt-6 text-sm text-stone-600">
        <Link href="/signin">Back to sign in</Link>
      </p>
    </>
  );
}
