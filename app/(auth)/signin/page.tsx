import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/core/auth/session";
import { oidcConfigured, env } from "@/lib/core/env";
import { safeCallbackPath } from "@/lib/core/auth/schemas";
import { signInWithSso } from "@/lib/account/actions/sign-in";
import { openSignUpEnabled } from "@/lib/core/settings/queries";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  ended: "Your session has ended. Please sign in again.",
  signedOut: "You have signed out.",
  sso_no_account:
    "Single sign-on worked, but no active member here has that verified email. Ask an admin for an invitation.",
  passwordChanged: "Your password was changed. Sign in with the new one.",
  welcome: "Your account is ready. Sign in to continue.",
  checkEmail:
    "If this email can register, we've emailed it a link to confirm the address. Open it, then sign in here.",
  verified: "Your email address is confirmed. Sign in to continue.",
  passwordReset:
    "Your password was changed and you were signed out everywhere. Sign in with the new one.",
};

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(
    typeof params.callbackUrl === "string" ? params.callbackUrl : "/",
  );
  if (await currentUser()) redirect(callbackUrl);
  const noticeKey =
    (typeof params.reason === "string" && params.reason) ||
    (typeof params.error === "string" && params.error === "sso_no_account" && "sso_no_account") ||
    (params.signedOut ? "signedOut" : undefined);
  const notice = noticeKey ? NOTICES[noticeKey] : undefined;
  const signUp = await openSignUpEnabled();
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      {notice ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm"
        >
          {notice}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      {oidcConfigured ? (
        <form action={signInWithSso} className="mt-4 border-t border-stone-200 pt-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" variant="secondary" className="w-full">
            Sign in with {env.OIDC_DISPLAY_NAME ?? "single sign-on"}
          </Button>
        </form>
      ) : null}
      <p className="mt-6 text-sm text-stone-600">
        New here? Ask an admin for an invitation
        {signUp ? (
          <>
            {" "}
            or <Link href="/signup">create an account with your work email</Link>
          </>
        ) : null}
        .
      </p>
    </>
  );
}
