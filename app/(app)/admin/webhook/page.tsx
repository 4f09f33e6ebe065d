import type { Metadata } from "next";
import Link from "next/link";
import { can, requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { retryDeliveryAction, sendTestMessageAction } from "@/lib/recognition/webhook/actions";
import { MAX_ATTEMPTS } from "@/lib/recognition/webhook/queue";
import {
  countDeliveriesByStatus,
  getWebhookUrl,
  listWebhookDeliveries,
  type DeliveryRow,
} from "@/lib/recognition/webhook/queries";
import { DELIVERY_STATUSES, deliveryFilterSchema } from "@/lib/recognition/webhook/schemas";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { formatDateTime } from "@/lib/core/date-format";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { WebhookUrlForm } from "@/components/recognition/admin/webhook-url-form";

export const metadata: Metadata = { title: "Chat webhook · Admin" };

type Status = DeliveryRow["status"];

const STATUS_LABELS: Record<Status, string> = {
  PENDING: "Waiting",
  DELIVERED: "Delivered",
  FAILED: "Failed",
};

const STATUS_STYLES: Record<Status, string> = {
  PENDING: "bg-amber-50 text-amber-900",
  DELIVERED: "bg-brand-50 text-brand-800",
  FAILED: "bg-red-100 text-red-900",
};

function At({ date, timeZone }: { date: Date; timeZone: string }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date, timeZone)}</time>;
}

function RecognitionSummary({ row }: { row: DeliveryRow }) {
  const { recognition } = row;
  const value = `${recognition.value.emoji} ${recognition.value.name}`.trim();
  const label = `${recognition.giver.name}'s recognition for ${value}`;
  if (recognition.deletedAt) return <span>{label} (deleted)</span>;
  return (
    <Link href={`/recognition/${encodeURIComponent(recognition.id)}`}>
      {label}
      {recognition.hiddenAt ? " (hidden)" : null}
    </Link>
  );
}

function DeliveryItem({
  row,
  timeZone,
  canRetry,
}: {
  row: DeliveryRow;
  timeZone: string;
  canRetry: boolean;
}) {
  const failed = row.status === "FAILED";
  return (
    <li
      className={`flex flex-col gap-3 p-4 md:flex-row md:items-start md:justify-between ${
        failed ? "border-l-4 border-red-600 bg-red-50" : ""
      }`}
    >
      <div className="min-w-0 space-y-1">
        <p className="font-medium break-words">
          <RecognitionSummary row={row} />
        </p>
        <p className="flex flex-wrap gap-2 text-sm">
          <span className={`rounded px-2 py-0.5 font-medium ${STATUS_STYLES[row.status]}`}>
            <span className="sr-only">Status: </span>
            {STATUS_LABELS[row.status]}
          </span>
          <span className="text-stone-700">
            {row.attempts} of {MAX_ATTEMPTS} attempts
            {row.lastStatus ? ` · last answer HTTP ${row.lastStatus}` : null}
          </span>
        </p>
        <p className="text-sm text-stone-600">
          Queued <At date={row.createdAt} timeZone={timeZone} />
          {row.deliveredAt ? (
            <>
              {" "}
              · delivered <At date={row.deliveredAt} timeZone={timeZone} />
            </>
          ) : null}
          {row.status === "PENDING" && row.attempts > 0 ? (
            <>
              {" "}
              · next attempt about <At date={row.nextAttemptAt} timeZone={timeZone} />
            </>
          ) : null}
        </p>
        {row.lastError && row.status !== "DELIVERED" ? (
          <p className={`text-sm break-words ${failed ? "text-red-900" : "text-stone-700"}`}>
            <span className="font-medium">Last error:</span> {row.lastError}
          </p>
        ) : null}
      </div>
      {canRetry && row.status !== "DELIVERED" ? (
        <div className="md:min-w-48">
          <ActionButtonForm
            action={retryDeliveryAction}
            fields={{ id: row.id }}
            label={failed ? "Send again" : "Send now"}
            srSuffix={`: ${row.recognition.giver.name}'s recognition`}
            pendingText="Queuing…"
          />
        </div>
      ) : null}
    </li>
  );
}

function StatusFilter({ status }: { status: Status | undefined }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="deliveries-status" className="block text-sm font-medium text-stone-800">
          Status
        </label>
        <select
          id="deliveries-status"
          name="status"
          defaultValue={status ?? ""}
          className="block rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm"
        >
          <option value="">All</option>
          {DELIVERY_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
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

function AddressSection({ url, canChange }: { url: string; canChange: boolean }) {
  return (
    <section
      aria-labelledby="webhook-address-heading"
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <h2 id="webhook-address-heading" className="text-lg font-semibold">
        Address
      </h2>
      <p className="text-sm text-stone-700">
        Every public recognition (shout-outs and leaders&apos; recognition) is posted to this chat
        channel shortly after it is given. Private feedback never is. Failed posts are retried with
        growing pauses, {MAX_ATTEMPTS} times in all. Addresses on this server&apos;s own or a
        private network are refused unless the operator allows their host (WEBHOOK_ALLOWED_HOSTS).
      </p>
      {canChange ? (
        <WebhookUrlForm url={url} />
      ) : (
        <p className="text-sm">{url ? "Posting to chat is on." : "Posting to chat is off."}</p>
      )}
      {canChange && url ? (
        <ActionButtonForm
          action={sendTestMessageAction}
          fields={{}}
          label="Send a test message"
          pendingText="Sending…"
        />
      ) : null}
    </section>
  );
}

export default async function AdminWebhookPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requirePermission("read:webhook-delivery:any");
  const { query, params } = await listQueryOrNotFound(searchParams, deliveryFilterSchema);
  const [url, page, counts] = await Promise.all([
    getWebhookUrl(user),
    pageOrNotFound(listWebhookDeliveries(user, params)),
    countDeliveriesByStatus(user),
  ]);
  const canChange = can(user, "update:settings:any");

  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">Chat webhook</h1>
      <AddressSection url={url} canChange={canChange} />
      <section aria-labelledby="deliveries-heading" className="space-y-4">
        <h2 id="deliveries-heading" className="text-lg font-semibold">
          Recent deliveries
        </h2>
        <p className="text-sm text-stone-700">
          {counts.DELIVERED} delivered · {counts.PENDING} waiting ·{" "}
          <span className={counts.FAILED ? "font-semibold text-red-800" : undefined}>
            {counts.FAILED} failed
          </span>
        </p>
        <StatusFilter status={params.status} />
        {page.items.length === 0 ? (
          <p className="text-stone-700">No deliveries to show.</p>
        ) : (
          <ol
            aria-label="Deliveries, newest first"
            className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white"
          >
            {page.items.map((row) => (
              <DeliveryItem key={row.id} row={row} timeZone={user.timeZone} canRetry={canChange} />
            ))}
          </ol>
        )}
        <PaginationNav
          nextCursor={page.nextCursor}
          isFirstPage={!params.cursor}
          hrefFor={(cursor) => hrefWith("/admin/webhook", query, { cursor })}
          label="Delivery pages"
        />
      </section>
    </div>
  );
}
