"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import type { NavLink } from "./nav-links";

function isCurrent(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

const never = () => () => {};

/**
 * The main navigation. Wide screens show one row of links. On a phone the links fold behind a
 * "Menu" button once the page's script runs; before that (and without JavaScript) they are a
 * row that scrolls sideways, so every link stays reachable.
 */
export function MainNav({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  const scripted = useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const current = links.find((link) => isCurrent(pathname, link.href));

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    button.current?.focus();
  }

  const listClasses = !scripted
    ? "flex gap-0.5 overflow-x-auto sm:gap-0"
    : `${open ? "flex" : "hidden"} flex-col gap-0.5 pb-2 sm:flex sm:flex-row sm:gap-0 sm:overflow-x-auto sm:pb-0`;

  return (
    <nav aria-label="Main" onKeyDown={closeOnEscape}>
      {scripted ? (
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
          className="flex min-h-10 w-full items-center justify-between rounded-md px-2 text-sm font-medium text-stone-800 hover:bg-stone-100 sm:hidden"
        >
          <span>
            Menu<span className="text-stone-600">{current ? ` · ${current.label}` : ""}</span>
          </span>
          <span aria-hidden="true">{open ? "▴" : "▾"}</span>
        </button>
      ) : null}
      <ul id={listId} className={listClasses}>
        {links.map((link) => {
          const here = link === current;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={here ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={`block rounded-md px-1.5 py-2 sm:px-1 text-sm font-medium whitespace-nowrap no-underline hover:bg-brand-50 hover:no-underline ${
                  here ? "bg-brand-50 text-brand-800" : "text-stone-700"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
