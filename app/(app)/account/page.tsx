import type { Metadata } from "next";
import Link from "next/link";
import { currentSessionId, requirePermission } from "@/lib/core/auth/session";
import { listAuthSessions } from "@/lib/core/auth/auth-sessions";
import { ROLE_LABELS } from "@/lib/core/auth/permissions";
import { db } from "@/lib/core/db/client";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SessionList } from "@/components/auth/session-list";
import { signOutAction } from "@/lib/account/actions/sign-out";
import { signOutEverywhereAction } from "@/lib/account/actions/sessions";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { Button } from "@/components/ui/button";
import { FeedSettings } from "@/components/calendar/feed-settings";
import { feedCreatedAt } from "@/lib/calendar/queries";
import { dateTimeFormat } from "@/lib/core/date-format";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePermission("update:password:own");
  const [hasPassword, ssoAccounts, feedCreated, sessions, thisSession] = await Promise.all([
    db.user.count({ where: { id: user.id, passwordHash: { not: null } } }),
    db.account.count({ where: { userId: user.id } }),
    feedCreatedAt(user.id),
    listAuthSessions(db, user.id),
    currentSessionId(),
  ]);
  const feedCreatedOn = feedCreated
    ? dateTimeFormat({ dateStyle: "long" }, user.timeZone).format(feedCreated)
    : null;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Account</h1>
      <section
        aria-labelledby="details-heading"
        className="rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="details-heading" className="text-lg font-semibold">
          Your account
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="font-medium">Email</dt>
          <dd>{user.email}</dd>
          <dt className="font-medium">Role</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
          <dt className="font-medium">Single sign-on</dt>
          <dd>{ssoAccounts > 0 ? "Linked" : "Not linked"}</dd>
        </dl>
      </section>
      <section
        aria-labelledby="email-heading"
        className="rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="email-heading" className="mb-3 text-lg font-semibold">
          Change email
        </h2>
        <p className="mb-4 text-sm text-stone-700">
          We email a link to the new address; your address changes when you open it. Your current
          address is told about the change.
        </p>
        <ChangeEmailForm hasPassword={hasPassword > 0} />
      </section>
      <section
        aria-labelledby="password-heading"
        className="rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="password-heading" className="mb-3 text-lg font-semibold">
          Change password
        </h2>
        {hasPassword ? (
          <>
            <p className="mb-4 text-sm text-stone-700">
              After the change you sign in again; sessions on other devices end.
            </p>
            <ChangePasswordForm />
          </>
        ) : (
          <p className="text-sm text-stone-700">
            You sign in with single sign-on, so there is no password here to change.
          </p>
        )}
      </section>
      <section
        aria-labelledby="email-preferences-heading"
        className="rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="email-preferences-heading" className="mb-3 text-lg font-semibold">
          Email
        </h2>
        <p className="text-sm text-stone-700">
          Choose what reaches you by email — at once, in a daily or weekly digest, or not at all.{" "}
          <Link href="/account/notifications" className="font-medium underline">
            Email preferences
          </Link>
        </p>
      </section>
      <section
        aria-labelledby="calendar-heading"
        className="rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="calendar-heading" className="mb-3 text-lg font-semibold">
          Calendar feed
        </h2>
        <FeedSettings createdOn={feedCreatedOn} />
      </section>
      <section
        aria-labelledby="sessions-heading"
        className="rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="sessions-heading" className="mb-1 text-lg font-semibold">
          Where you&apos;re signed in
        </h2>
        <p className="mb-2 text-sm text-stone-700">
          Each browser you signed in with. Signing one out ends it at once, on that device too.
        </p>
        <SessionList sessions={sessions} currentSessionId={thisSession} timeZone={user.timeZone} />
      </section>
      <section
        aria-labelledby="signout-heading"
        className="rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="signout-heading" className="mb-3 text-lg font-semibold">
          Sign out
        </h2>
        <div className="flex flex-wrap items-start gap-3">
          <form action={signOutAction}>
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </form>
          <form action={signOutEverywhereAction}>
            <Button type="submit" variant="secondary">
              Sign out everywhere
            </Button>
          </form>
        </div>
        <p className="mt-3 text-sm text-stone-700">
          “Sign out everywhere” ends every session of your account, this one included: use it if you
          signed in on a device you no longer have.
        </p>
      </section>
    </div>
  );
}
