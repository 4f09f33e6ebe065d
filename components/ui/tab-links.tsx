import Link from "next/link";

/** A row of links between the lists of one area, the current one marked for screen readers. */
export function TabLinks({
  label,
  links,
  current,
}: {
  label: string;
  links: readonly { href: string; label: string }[];
  current: string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.href === current ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-medium no-underline hover:bg-brand-50 hover:no-underline ${
                link.href === current
                  ? "bg-brand-50 text-brand-800 ring-1 ring-brand-600"
                  : "text-stone-700"
              }`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
