"use client";
// The open bell menu's contents, loaded when the menu first opens (no page pays for them).
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { relativeTimeParts } from "@/lib/core/relative-time";
import { markAllReadAction } from "@/lib/notifications/actions";
import type { RecentNotification, RecentNotifications } from "@/lib/notifications/recent";
import { PanelFrame } from "./panel-frame";

type Load =
  { state: "loading" } | { state: "failed" } | { state: "loaded"; recent: RecentNotifications };

async function fetchRecent(signal: AbortSignal): Promise<RecentNotifications> {
  const response = await fetch("/api/notifications/recent", { cache: "no-store", signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

function Item({
  item,
  onFollow,
  timeZone,
}: {
  item: RecentNotification;
  onFollow: () => void;
  timeZone: string;
}) {
  const when = relativeTimeParts(new Date(item.createdAt), new Date(), timeZone);
  return (
    <li>
      {/* A plain link, never prefetched: following it marks this notification read. */}
      <a
        href={item.href}
        onClick={onFollow}
        className={`block rounded px-3 py-2 text-sm text-stone-800 no-underline hover:bg-brand-50 hover:no-underline focus:bg-brand-50 ${
          item.unread
            ? "border-l-4 border-l-brand-700 bg-brand-50/50"
            : "border-l-4 border-l-transparent"
        }`}
      >
        {item.unread ? (
          <span className="mr-1.5 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">
            Unread
          </span>
        ) : null}
        <span className={item.unread ? "font-semibold" : ""}>{item.text}</span>
        <time
          dateTime={when.dateTime}
          title={when.title}
          className="mt-0.5 block text-xs text-stone-600"
        >
          {when.text}
        </time>
      </a>
    </li>
  );
}

function Items({
  load,
  onFollow,
  timeZone,
}: {
  load: Load;
  onFollow: () => void;
  timeZone: string;
}) {
  if (load.state !== "loaded") return null;
  if (load.recent.items.length === 0) {
    return <p className="px-3 py-4 text-sm text-stone-700">You have no notifications yet.</p>;
  }
  return (
    <ul aria-label="Recent notifications" className="max-h-[60vh] space-y-0.5 overflow-y-auto">
      {load.recent.items.map((item) => (
        <Item key={item.id} item={item} onFollow={onFollow} timeZone={timeZone} />
      ))}
    </ul>
  );
}

function statusText(load: Load, outcome: string | null): string {
  if (outcome) return outcome;
  if (load.state === "loading") return "Loading notifications…";
  if (load.state === "failed") return "Your notifications could not be loaded.";
  const { unread } = load.recent;
  return unread === 0 ? "Nothing unread." : `${unread} unread.`;
}

/** The newest notifications, fetched when the panel mounts, with "Mark all read". */
export default function NotificationsPanel({
  id,
  timeZone,
  onClose,
}: {
  id: string;
  timeZone: string;
  onClose: () => void;
}) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [outcome, setOutcome] = useState<string | null>(null);
  const [marking, startMarking] = useTransition();
  const status = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchRecent(controller.signal)
      .then((recent) => setLoad({ state: "loaded", recent }))
      .catch(() => {
        if (!controller.signal.aborted) setLoad({ state: "failed" });
      });
    return () => controller.abort();
  }, []);

  function markAllRead() {
    startMarking(async () => {
      const result = await markAllReadAction(null, new FormData());
      setOutcome(result.message ?? null);
      if (result.ok) setLoad(allRead);
      status.current?.focus();
    });
  }

  const unreadNow = load.state === "loaded" ? load.recent.unread : 0;
  return (
    <PanelFrame id={id}>
      <div className="flex items-center justify-between gap-2 px-3 py-2">
        <p
          ref={status}
          tabIndex={-1}
          role="status"
          className="text-sm text-stone-700 focus:outline-none"
        >
          {statusText(load, outcome)}
        </p>
        {unreadNow > 0 ? (
          <button
            type="button"
            onClick={markAllRead}
            disabled={marking}
            className="rounded px-2 py-1 text-sm font-medium text-brand-800 underline hover:bg-brand-50 disabled:text-stone-500"
          >
            {marking ? "Marking…" : "Mark all read"}
          </button>
        ) : null}
      </div>
      <Items load={load} onFollow={onClose} timeZone={timeZone} />
      <hr className="my-1 border-stone-200" />
      <Link
        href="/notifications"
        onClick={onClose}
        className="block rounded px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50"
      >
        See all notifications
      </Link>
    </PanelFrame>
  );
}

function allRead(before: Load): Load {
  if (before.state !== "loaded") return before;
  const items = before.recent.items.map((item) => ({ ...item, unread: false }));
  return { state: "loaded", recent: { ...before.recent, unread: 0, items } };
}
