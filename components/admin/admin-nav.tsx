import Link from "next/link";
import { mailboxAvailable } from "@/lib/admin/mailbox/available";
import { AdminNavLinks } from "./admin-nav-links";

/**
 * The admin sub-navigation, and while mail is captured in development, a banner saying so:
 * nothing leaves the app, and the mailbox is where to read it.
 */
export function AdminNav() {
  const capturing = mailboxAvailable();
  return (
    <div className="space-y-3">
      <AdminNavLinks showMailbox={capturing} />
      {capturing ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          Mail is not being sent (no SMTP_URL) —{" "}
          <Link href="/admin/mailbox">read it in the mailbox</Link>.
        </p>
      ) : null}
    </div>
  );
}
