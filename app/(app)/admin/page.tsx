import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/core/auth/session";
import { adminOverview } from "@/lib/admin/queries";
import { queueCounts } from "@/lib/admin/jobs/queries";
import { mailboxAvailable } from "@/lib/admin/mailbox/available";
import { getSetting, openSignUpEnabled } from "@/lib/core/settings/queries";

export const metadata: Metadata = { title: "Admin" };

function Card({
  href,
  title,
  children,
}: {
  href: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 className="text-lg font-semibold">
        <Link href={href}>{title}</Link>
      </h2>
      <div className="mt-2 text-sm text-stone-700">{children}</div>
    </li>
  );
}

export default async function AdminPage() {
  const user = await requirePermission("read:admin:any");
  const [overview, signUpOpen, organisation, counts] = await Promise.all([
    adminOverview(),
    openSignUpEnabled(),
    getSetting("organisation.name"),
    queueCounts(user),
  ]);
  const failedJobs = counts.reduce((sum, row) => sum + row.failed, 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <ul className="grid gap-4 sm:grid-cols-2">
        <Card href="/admin/members" title="Members">
          <p>
            {overview.activeMembers} active ({overview.activeAdmins}{" "}
            {overview.activeAdmins === 1 ? "admin" : "admins"}), {overview.deactivatedMembers}{" "}
            deactivated.
          </p>
          <p>Change roles, deactivate and reactivate members.</p>
        </Card>
        <Card href="/admin/invitations" title="Invitations">
          <p>{overview.pendingInvitations} pending.</p>
          <p>Invite people by link, copy a link again, or revoke one.</p>
        </Card>
        <Card href="/admin/audit" title="Audit log">
          <p>{overview.auditEntriesThisWeek} entries in the last 7 days.</p>
          <p>Who changed what, and when.</p>
        </Card>
        <Card href="/admin/settings" title="Settings">
          <p>
            Organisation: {organisation}. Open sign-up is {signUpOpen ? "on" : "off"}.
          </p>
          <p>Organisation name, sign-up and allowed email domains.</p>
        </Card>
        <Card href="/admin/jobs" title="Background jobs">
          <p className={failedJobs ? "font-semibold text-red-800" : undefined}>
            {failedJobs} failed {failedJobs === 1 ? "job" : "jobs"}.
          </p>
          <p>Failed mail and chat posts with their errors, a retry button, and mail problems.</p>
        </Card>
        {mailboxAvailable() ? (
          <Card href="/admin/mailbox" title="Mailbox">
            <p>Mail is not being sent (no SMTP_URL): every message is kept here instead.</p>
            <p>Read it as it would have arrived.</p>
          </Card>
        ) : null}
      </ul>
    </div>
  );
}
