import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/core/auth/session";
import { formatDateTime } from "@/lib/core/date-format";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { mailboxAvailable } from "@/lib/admin/mailbox/available";
import { listCapturedMail } from "@/lib/admin/mailbox/queries";
import { mailboxFilterSchema } from "@/lib/admin/mailbox/schemas";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";

export const metadata: Metadata = { title: "Mailbox · Admin" };

function RecipientFilter({ to }: { to: string | undefined }) {
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 sm:flex-none">
        <label htmlFor="mailbox-to" className="block text-sm font-medium text-stone-800">
          Recipient
        </label>
        <input
          id="mailbox-to"
          name="to"
          type="search"
          defaultValue={to ?? ""}
          placeholder="ann@example.com"
          autoComplete="off"
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm sm:w-72"
        />
      </div>
      <button type="submit" className={buttonClasses("secondary")}>
        Filter
      </button>
    </form>
  );
}

export default async function MailboxPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  if (!mailboxAvailable()) notFound();
  const user = await requirePermission("read:admin:any");
  const { query, params } = await listQueryOrNotFound(searchParams, mailboxFilterSchema);
  const page = await pageOrNotFound(listCapturedMail(user, params));

  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">Mailbox</h1>
      <p className="text-stone-700">
        No SMTP server is configured (SMTP_URL), so mail is not sent: every message is kept here
        exactly as it would have been sent, for 30 days. Messages hold sign-in and unsubscribe links
        — only admins can read them, and the mailbox does not exist in production.
      </p>
      <RecipientFilter to={params.to} />
      {page.items.length === 0 ? (
        <p className="text-stone-700">
          {params.to ? "No captured mail to this recipient." : "No mail captured yet."}
        </p>
      ) : (
        <ol
          aria-label="Captured mail, newest first"
          className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white"
        >
          {page.items.map((mail) => (
            <li key={mail.id} className="space-y-1 p-4">
              <p className="font-medium break-words">
                <Link href={`/admin/mailbox/${encodeURIComponent(mail.id)}`}>
                  {mail.subject || "(no subject)"}
                </Link>
              </p>
              <p className="text-sm break-words text-stone-600">
                To {mail.toAddress} ·{" "}
                <time dateTime={mail.createdAt.toISOString()}>
                  {formatDateTime(mail.createdAt, user.timeZone)}
                </time>
              </p>
            </li>
          ))}
        </ol>
      )}
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/admin/mailbox", query, { cursor })}
        label="Mailbox pages"
      />
    </div>
  );
}
