"use client";
import Link from "next/link";
import { startTransition, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { signOutAction } from "@/lib/account/actions/sign-out";
import { clearAllDrafts } from "@/components/editor/drafts";
import { Avatar } from "@/components/ui/avatar";

const ITEM =
  "block w-full cursor-pointer rounded px-3 py-2 text-left text-sm text-stone-800 no-underline hover:bg-brand-50 hover:no-underline focus:bg-brand-50 focus:outline-none";

/** The menu's items, in order, as the browser has them. */
function itemsOf(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')] : [];
}

/**
 * The account menu as a WAI-ARIA menu button: Enter, Space or ArrowDown opens it on the first
 * item, ArrowUp on the last; arrows, Home and End move between items; Escape closes it and
 * returns to the button; Tab, a click outside or choosing an item closes it. Written here
 * rather than with a menu library, which was 34 kB of gzipped JavaScript on every page.
 */
export function AccountMenu({
  name,
  email,
  memberId,
  avatarId = null,
}: {
  name: string;
  email: string;
  memberId: string;
  /** The member's profile photo; initials without one. */
  avatarId?: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [focusOnOpen, setFocusOnOpen] = useState<"first" | "last">("first");
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const items = itemsOf(menu.current);
    (focusOnOpen === "first" ? items[0] : items.at(-1))?.focus();
    function closeOnOutsideClick(event: PointerEvent) {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    }
    document.addEventListener("pointerdown", closeOnOutsideClick);
    return () => document.removeEventListener("pointerdown", closeOnOutsideClick);
  }, [open, focusOnOpen]);

  function openAt(where: "first" | "last") {
    setFocusOnOpen(where);
    setOpen(true);
  }

  function closeToButton() {
    setOpen(false);
    button.current?.focus();
  }

  function onButtonKeyDown(event: KeyboardEvent) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openAt(event.key === "ArrowDown" ? "first" : "last");
    }
  }

  function onMenuKeyDown(event: KeyboardEvent) {
    const items = itemsOf(menu.current);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: (index + 1) % items.length,
      ArrowUp: (index - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      items[moves[event.key]!]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeToButton();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  }

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Account menu for ${name}`}
        onClick={() => (open ? setOpen(false) : openAt("first"))}
        onKeyDown={onButtonKeyDown}
        className="flex min-h-10 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
      >
        <Avatar name={name} avatarId={avatarId} size={28} />
        <span className="hidden max-w-40 truncate 2xl:inline">{name}</span>
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={`Account: ${email}`}
          onKeyDown={onMenuKeyDown}
          className="absolute right-0 z-50 mt-1.5 min-w-56 rounded-md border border-stone-200 bg-white p-1 shadow-lg"
        >
          <p role="none" className="px-3 py-2 text-xs text-stone-600">
            {email}
          </p>
          {[
            { href: `/members/${memberId}`, label: "Your profile" },
            { href: "/profile", label: "Edit profile" },
            { href: "/account", label: "Account and password" },
            { href: "/feedback", label: "Private feedback" },
          ].map((item) => (
            <Link
              key={item.href}
              href={item.href}
              role="menuitem"
              tabIndex={-1}
              className={ITEM}
              onClick={() => setOpen(false)}
            >
              {item.label}
            </Link>
          ))}
          <hr role="separator" className="my-1 border-stone-200" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={ITEM}
            onClick={() => {
              setOpen(false);
              // The next person at a shared browser must not find this member's drafts.
              clearAllDrafts();
              startTransition(() => signOutAction());
            }}
          >
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
