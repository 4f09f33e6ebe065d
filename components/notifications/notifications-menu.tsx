"use client";
import Link from "next/link";
import { relativeTimeParts } from "@/lib/core/relative-time";
import {
  useEffect,
  useId,
  useRef,
  useState,
  useTransition,
  type FocusEvent,
  type KeyboardEvent,
} from "react";
import { markAllReadAction } from "@/lib/notifications/actions";
import type { RecentNotification, RecentNotifications } from "@/lib/notifications/recent";
import { BellIcon, bellClasses, bellLabel, UnreadBadge } from "./bell";

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

/**
 * The bell as a disclosure button (once the page's script runs; before that it is a link to
 * /notifications): it shows the newest notifications, fetched when it opens so no page pays
 * for them, with "Mark all read" and a link to the full page. Escape closes it back to the
 * button; a click outside or tabbing out closes it. Focus stays on the button when it opens.
 */
export function NotificationsMenu({
  unread,
  current,
  timeZone,
}: {
  unread: number;
  current: boolean;
  /** The member's zone: times read as on every other page. */
  timeZone: string;
}) {
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [outcome, setOutcome] = useState<string | null>(null);
  const [marking, startMarking] = useTransition();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    fetchRecent(controller.signal)
      .then((recent) => setLoad({ state: "loaded", recent }))
      .catch(() => {
        if (!controller.signal.aborted) setLoad({ state: "failed" });
      });
    function closeOnOutsideClick(event: PointerEvent) {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", closeOnOutsideClick);
    return () => {
      controller.abort();
      document.removeEventListener("pointerdown", closeOnOutsideClick);
    };
  }, [open]);

  function toggle() {
    if (!open) {
      setLoad({ state: "loading" });
      setOutcome(null);
    }
    setOpen(!open);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    event.preventDefault();
    setOpen(false);
    button.current?.focus();
  }

  function onBlur(event: FocusEvent) {
    const next = event.relatedTarget as Node | null;
    if (next && !wrapper.current?.contains(next)) setOpen(false);
  }

  function markAllRead() {
    startMarking(async () => {
      const result = await markAllReadAction(null, new FormData());
      setOutcome(result.message ?? null);
      if (result.ok) {
        setLoad((before) =>
          before.state === "loaded"
            ? {
                state: "loaded",
                recent: {
                  ...before.recent,
                  unread: 0,
                  items: before.recent.items.map((item) => ({ ...item, unread: false })),
                },
              }
            : before,
        );
      }
      status.current?.focus();
    });
  }

  const unreadNow = load.state === "loaded" ? load.recent.unread : unread;
  return (
    <div ref={wrapper} className="relative" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={bellLabel(unread)}
        title="Notifications"
        onClick={toggle}
        className={bellClasses(current || open)}
      >
        <BellIcon />
        <span className="hidden 2xl:inline" aria-hidden>
          Notifications
        </span>
        <UnreadBadge unread={unread} />
      </button>
      {open ? (
        <div
          id={panelId}
          className="absolute right-0 z-50 mt-1.5 w-80 rounded-md max-sm:fixed max-sm:inset-x-3 max-sm:top-14 max-sm:w-auto border border-stone-200 bg-white p-1 shadow-lg"
        >
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
          <Items load={load} onFollow={() => setOpen(false)} timeZone={timeZone} />
          <hr className="my-1 border-stone-200" />
          <Link
            href="/notifications"
            onClick={() => setOpen(false)}
            className="block rounded px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50"
          >
            See all notifications
          </Link>
        </div>
      ) : null}
    </div>
  );
}
