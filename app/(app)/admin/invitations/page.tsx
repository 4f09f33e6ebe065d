import type { Metadata } from "next";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { requirePermission } from "@/lib/core/auth/session";
import { ROLE_LABELS } from "@/lib/core/auth/permissions";
import { listInvitations, type InvitationRow } from "@/lib/invitations/queries";
import { invitationFilterSchema } from "@/lib/invitations/schemas";
import type { InvitationStatus } from "@/lib/invitations/tokens";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { formatDateTime } from "@/lib/core/date-format";
import { InviteForm } from "@/components/invitations/invite-form";
import { InvitationActions } from "@/components/invitations/invitation-actions";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";

export const metadata: Metadata = { title: "Invitations · Admin" };

const STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: "Pending",
  accepted: "Accepted",
  expired: "Expired",
  revoked: "Revoked",
};

const STATUS_STYLES: Record<InvitationStatus, string> = {
  pending: "bg-amber-50 text-amber-900",
  accepted: "bg-brand-50 text-brand-800",
  expired: "bg-stone-100 text-stone-700",
  revoked: "bg-red-50 text-red-800",
};

function StatusFilter({ status }: { status: InvitationStatus | undefined }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="invitations-status" className="block text-sm font-medium text-stone-800">
          Status
        </label>
        <select
          id="invitations-status"
          name="status"
          defaultValue={status ?? ""}
          className="block rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm"
        >
          <option value="">All</option>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClasses("secondary")}>
        Show
      </button>
    </form>
  );
}

function Dates({ invitation, timeZone }: { invitation: InvitationRow; timeZone: string }) {
  const at = (date: Date) => (
    <time dateTime={date.toISOString()}>{formatDateTime(date, timeZone)}</time>
  );
  return (
    <p className="text-sm text-stone-600">
      Invited {at(invitation.createdAt)}
      {invitation.invitedBy ? ` by ${invitation.invitedBy.name}` : null}
      {invitation.status === "accepted" && invitation.acceptedAt ? (
        <>
          {" "}
          · accepted {at(invitation.acceptedAt)}
          {invitation.acceptedBy ? ` by ${invitation.acceptedBy.name}` : null}
        </>
      ) : null}
      {invitation.status === "revoked" && invitation.revokedAt ? (
        <> · revoked {at(invitation.revokedAt)}</>
      ) : null}
      {invitation.status === "pending" ? <> · expires {at(invitation.expiresAt)}</> : null}
      {invitation.status === "expired" ? <> · expired {at(invitation.expiresAt)}</> : null}
      {invitation.emailedAt ? (
        <>
          {" "}
          · emailed {at(invitation.emailedAt)}
          {invitation.emailCount > 1 ? ` (${invitation.emailCount} times)` : null}
        </>
      ) : invitation.status === "pending" ? (
        " · not emailed yet"
      ) : null}
    </p>
  );
}

function InvitationItem({ invitation, timeZone }: { invitation: InvitationRow; timeZone: string }) {
  const headingId = `invitation-${invitation.id}`;
  return (
    <li
      aria-labelledby={headingId}
      className="flex flex-col gap-3 p-4 md:flex-row md:items-start md:justify-between"
    >
      <div className="min-w-0 space-y-1">
        <h3 id={headingId} className="font-semibold break-all">
          {invitation.email}
        </h3>
        <p className="flex flex-wrap gap-2 text-sm">
          <span className="rounded bg-stone-100 px-2 py-0.5">{ROLE_LABELS[invitation.role]}</span>
          <span
            className={`rounded px-2 py-0.5 ${STATUS_STYLES[invitation.status]}`}
            data-testid="invitation-status"
          >
            <span className="sr-only">Status: </span>
            {STATUS_LABELS[invitation.status]}
          </span>
        </p>
        <Dates invitation={invitation} timeZone={timeZone} />
      </div>
      <div className="md:max-w-md md:min-w-72">
        <InvitationActions
          invitationId={invitation.id}
          email={invitation.email}
          status={invitation.status}
        />
      </div>
    </li>
  );
}

export default async function AdminInvitationsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requirePermission("read:invitation:any");
  const { query, params } = await listQueryOrNotFound(searchParams, invitationFilterSchema);
  const page = await pageOrNotFound(listInvitations(params));

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Invitations</h1>
      <section
        aria-labelledby="invite-heading"
        className="max-w-2xl space-y-4 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="invite-heading" className="text-lg font-semibold">
          Invite someone
        </h2>
        <p className="text-sm text-stone-700">
          We email them a link that works once, for 7 days. You also get the link to copy, in case
          the mail doesn&apos;t reach them.
        </p>
        <InviteForm />
      </section>
      <section aria-labelledby="list-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="list-heading" className="text-lg font-semibold">
            All invitations
          </h2>
          <StatusFilter status={params.status} />
        </div>
        {page.items.length === 0 ? (
          <p className="text-stone-700">
            No invitations{params.status ? ` with this status` : ""} yet.
          </p>
        ) : (
          <ul
            aria-label="Invitations"
            className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
          >
            {page.items.map((invitation) => (
              <InvitationItem
                key={invitation.id}
                invitation={invitation}
                timeZone={user.timeZone}
              />
            ))}
          </ul>
        )}
        <PaginationNav
          nextCursor={page.nextCursor}
          isFirstPage={!params.cursor}
          hrefFor={(cursor) => hrefWith("/admin/invitations", query, { cursor })}
          label="Invitation pages"
        />
      </section>
    </div>
  );
}
