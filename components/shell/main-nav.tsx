"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavLink } from "./nav-links";

function isCurrent(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function MainNav({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="overflow-x-auto">
      <ul className="flex gap-0.5">
        {links.map((link) => {
          const current = isCurrent(pathname, link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-1.5 py-2 text-sm font-medium no-underline hover:bg-brand-50 hover:no-underline ${
                  current ? "bg-brand-50 text-brand-800" : "text-stone-700"
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
