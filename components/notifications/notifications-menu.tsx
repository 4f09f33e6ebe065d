"use client";
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from "react";
import { BellIcon, bellClasses, bellLabel, UnreadBadge } from "./bell";
import { PanelFrame } from "./panel-frame";

const NotificationsPanel = lazy(() => import("./notifications-panel"));

/**
 * The bell as a disclosure button (once the page's script runs; before that it is a link to
 * /notifications): it shows the newest notifications, fetched when it opens so no page pays
 * for them (nor for the panel's code), with "Mark all read" and a link to the full page.
 * Escape closes it back to the button; a click outside or tabbing out closes it. Focus stays
 * on the button when it opens.
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
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    function closeOnOutsideClick(event: PointerEvent) {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", closeOnOutsideClick);
    return () => document.removeEventListener("pointerdown", closeOnOutsideClick);
  }, [open]);

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

  return (
    <div ref={wrapper} className="relative" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={bellLabel(unread)}
        title="Notifications"
        onClick={() => setOpen(!open)}
        className={bellClasses(current || open)}
      >
        <BellIcon />
        <span className="hidden 2xl:inline" aria-hidden>
          Notifications
        </span>
        <UnreadBadge unread={unread} />
      </button>
      {open ? (
        <Suspense
          fallback={
            <PanelFrame id={panelId}>
              <p role="status" className="px-3 py-2 text-sm text-stone-700">
                Loading notifications…
              </p>
            </PanelFrame>
          }
        >
          <NotificationsPanel id={panelId} timeZone={timeZone} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
