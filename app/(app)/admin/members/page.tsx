import type { Metadata } from "next";
import Link from "next/link";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { requirePermission } from "@/lib/core/auth/session";
import { ROLE_LABELS, ROLES } from "@/lib/core/auth/permissions";
import { mayChangeRoleOrStatusOf } from "@/lib/admin/access";
import { listMembersForAdmin, type AdminMemberRow } from "@/lib/admin/queries";
import { lockedMemberIds } from "@/lib/account/sign-in-lock";
import { db } from "@/lib/core/db/client";
import { memberFilterSchema, type MemberFilter } from "@/lib/admin/schemas";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { formatDate } from "@/lib/core/date-format";
import { MemberRoleForm } from "@/components/admin/member-role-form";
import { MemberStatusForm } from "@/components/admin/member-status-form";
import { ClearSignInLockForm } from "@/components/admin/clear-sign-in-lock-form";
import { MemberResetLinkForm } from "@/components/admin/member-reset-link-form";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";

export const metadata: Metadata = { title: "Members · Admin" };

const CONTROL =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600";

function FilterForm({ filter }: { filter: MemberFilter }) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Members"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[1fr_10rem_10rem_auto] sm:items-end"
    >
      <div>
        <label htmlFor="members-q" className="block text-sm font-medium text-stone-800">
          Search by name or email
        </label>
        <input
          id="members-q"
          name="q"
          type="search"
          defaultValue={filter.q}
          className={CONTROL}
          autoComplete="off"
        />
      </div>
      <div>
        <label htmlFor="members-role" className="block text-sm font-medium text-stone-800">
          Role
        </label>
        <select id="members-role" name="role" defaultValue={filter.role ?? ""} className={CONTROL}>
          <option value="">All roles</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="members-status" className="block text-sm font-medium text-stone-800">
          Status
        </label>
        <select
          id="members-status"
          name="status"
          defaultValue={filter.status ?? ""}
          className={CONTROL}
        >
          <option value="">Any status</option>
          <option value="ACTIVE">Active</option>
          <option value="DEACTIVATED">Deactivated</option>
        </select>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          Search
        </button>
        <Link href="/admin/members" className={buttonClasses("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}

function MemberItem({
  member,
  isSelf,
  mayChange,
  locked,
  timeZone,
}: {
  member: AdminMemberRow;
  isSelf: boolean;
  /** Not their own account: another admin changes that (mayChangeRoleOrStatusOf). */
  mayChange: boolean;
  locked: boolean;
  timeZone: string;
}) {
  const headingId = `member-${member.id}`;
  const deactivated = member.status === "DEACTIVATED";
  return (
    <li
      aria-labelledby={headingId}
      className="flex flex-col gap-4 p-4 md:flex-row md:items-start md:justify-between"
    >
      <div className="min-w-0 space-y-1">
        <h2 id={headingId} className="font-semibold">
          {member.name}
          {isSelf ? <span className="font-normal text-stone-600"> (you)</span> : null}
        </h2>
        <p className="text-sm break-all text-stone-700">{member.email}</p>
        <p className="flex flex-wrap gap-2 text-sm">
          <span className="rounded bg-stone-100 px-2 py-0.5">{ROLE_LABELS[member.role]}</span>
          <span
            className={`rounded px-2 py-0.5 ${deactivated ? "bg-red-50 text-red-800" : "bg-brand-50 text-brand-800"}`}
          >
            {deactivated ? "Deactivated" : "Active"}
          </span>
          {locked ? (
            <span className="rounded bg-amber-50 px-2 py-0.5 text-amber-900">Sign-in locked</span>
          ) : null}
          <span className="text-stone-600">
            Joined {formatDate(member.createdAt, timeZone)}
            {member.deactivatedAt
              ? ` · deactivated ${formatDate(member.deactivatedAt, timeZone)}`
              : null}
          </span>
        </p>
        <div className="flex flex-wrap gap-3 pt-2">
          {locked ? <ClearSignInLockForm memberId={member.id} memberName={member.name} /> : null}
          {!deactivated ? (
            <MemberResetLinkForm memberId={member.id} memberName={member.name} />
          ) : null}
        </div>
      </div>
      {!mayChange ? (
        <p className="text-sm text-stone-600 md:max-w-56">
          Another admin has to change your own role or status.
        </p>
      ) : (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <MemberRoleForm memberId={member.id} memberName={member.name} role={member.role} />
          <div className="sm:pt-6">
            <MemberStatusForm
              memberId={member.id}
              memberName={member.name}
              status={member.status}
            />
          </div>
        </div>
      )}
    </li>
  );
}

export default async function AdminMembersPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requirePermission("update:member-role:any");
  const { query, params } = await listQueryOrNotFound(searchParams, memberFilterSchema);
  const page = await pageOrNotFound(listMembersForAdmin(params));
  const locked = await lockedMemberIds(db, page.items);
  const filtered = Boolean(params.q || params.role || params.status);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Members</h1>
        <Link href="/admin/invitations" className={buttonClasses("secondary")}>
          Invite someone
        </Link>
      </div>
      <FilterForm filter={params} />
      {page.items.length === 0 ? (
        <p className="text-stone-700">
          {filtered ? "No members match these filters." : "No members yet."}
        </p>
      ) : (
        <ul
          aria-label="Members"
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
        >
          {page.items.map((member) => (
            <MemberItem
              key={member.id}
              member={member}
              isSelf={member.id === user.id}
              mayChange={mayChangeRoleOrStatusOf(user, member)}
              locked={locked.has(member.id)}
              timeZone={user.timeZone}
            />
          ))}
        </ul>
      )}
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/admin/members", query, { cursor })}
        label="Member pages"
      />
    </div>
  );
}
