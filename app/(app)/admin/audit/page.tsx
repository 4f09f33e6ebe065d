import type { Metadata } from "next";
import Link from "next/link";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { requirePermission } from "@/lib/core/auth/session";
import { auditFilterOptions, listAuditEntries, type AuditListEntry } from "@/lib/audit/queries";
import { auditActionLabel } from "@/lib/core/audit/actions";
import { entityHref, entityTypeLabel } from "@/lib/audit/labels";
import { auditFilterSchema, type AuditFilter } from "@/lib/audit/schemas";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { AuditChanges } from "@/components/admin/audit-changes";
import { formatDateTime } from "@/lib/core/date-format";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";

export const metadata: Metadata = { title: "Audit log · Admin" };

const CONTROL =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm";

function FilterForm({
  filter,
  options,
}: {
  filter: AuditFilter;
  options: { actions: string[]; entityTypes: string[] };
}) {
  return (
    <form
      method="get"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
    >
      <div>
        <label htmlFor="audit-action" className="block text-sm font-medium text-stone-800">
          Action
        </label>
        <select
          id="audit-action"
          name="action"
          defaultValue={filter.action ?? ""}
          className={CONTROL}
        >
          <option value="">All actions</option>
          {options.actions.map((action) => (
            <option key={action} value={action}>
              {auditActionLabel(action)} ({action})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-entity" className="block text-sm font-medium text-stone-800">
          Record type
        </label>
        <select
          id="audit-entity"
          name="entityType"
          defaultValue={filter.entityType ?? ""}
          className={CONTROL}
        >
          <option value="">All record types</option>
          {options.entityTypes.map((type) => (
            <option key={type} value={type}>
              {entityTypeLabel(type)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          Filter
        </button>
        <Link href="/admin/audit" className={buttonClasses("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}

/** The entity by its name or as a link to its page; its id only when there is neither. */
function EntityName({ entry }: { entry: AuditListEntry }) {
  const href = entityHref(entry.entityType, entry.entityId);
  const name =
    entry.entityLabel ??
    (href ? `open the ${entityTypeLabel(entry.entityType).toLowerCase()}` : null);
  if (href && name) return <Link href={href}>{name}</Link>;
  if (name) return <>{name}</>;
  return <span className="font-mono text-xs text-stone-500">{entry.entityId}</span>;
}

function Entry({ entry, timeZone }: { entry: AuditListEntry; timeZone: string }) {
  return (
    <li className="space-y-2 p-4">
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
        <p>
          <span className="font-semibold">{entry.actor?.name ?? "System"}</span>{" "}
          <span>{auditActionLabel(entry.action).toLowerCase()}</span>{" "}
          <code className="rounded bg-stone-100 px-1 text-xs">{entry.action}</code>
        </p>
        <time
          dateTime={entry.createdAt.toISOString()}
          className="text-sm whitespace-nowrap text-stone-600"
        >
          {formatDateTime(entry.createdAt, timeZone)}
        </time>
      </div>
      <p className="text-sm break-all text-stone-700">
        {`${entityTypeLabel(entry.entityType)}: `}
        <EntityName entry={entry} />
      </p>
      <AuditChanges before={entry.before} after={entry.after} timeZone={timeZone} />
    </li>
  );
}

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requirePermission("read:audit-log:any");
  const { query, params } = await listQueryOrNotFound(searchParams, auditFilterSchema);
  const [page, options] = await Promise.all([
    pageOrNotFound(listAuditEntries(params)),
    auditFilterOptions(),
  ]);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="text-stone-700">
        Every admin change, newest first, with the values before and after.
      </p>
      <FilterForm filter={params} options={options} />
      {page.items.length === 0 ? (
        <p className="text-stone-700">No entries match.</p>
      ) : (
        <ol
          aria-label="Audit entries"
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
        >
          {page.items.map((entry) => (
            <Entry key={entry.id} entry={entry} timeZone={user.timeZone} />
          ))}
        </ol>
      )}
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/admin/audit", query, { cursor })}
        label="Audit log pages"
      />
    </div>
  );
}
