"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/members", label: "Members" },
  { href: "/admin/mentorship", label: "Mentoring" },
  { href: "/admin/invitations", label: "Invitations" },
  { href: "/admin/reports", label: "Reports" },
  { href: "/admin/values", label: "Values" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/webhook", label: "Chat webhook" },
  { href: "/admin/jobs", label: "Jobs" },
];

const MAILBOX = { href: "/admin/mailbox", label: "Mailbox" };

/** The admin tabs; the mailbox only while mail is captured (the server decides). */
export function AdminNavLinks({ showMailbox }: { showMailbox: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="overflow-x-auto border-b border-stone-200">
      <ul className="flex gap-1">
        {(showMailbox ? [...LINKS, MAILBOX] : LINKS).map((link) => {
          const current =
            link.href === "/admin" ? pathname === "/admin" : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium no-underline hover:no-underline ${
                  current
                    ? "border-brand-700 text-brand-800"
                    : "border-transparent text-stone-700 hover:border-stone-300"
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
