import type { Permission } from "@/lib/auth/permissions";

export interface NavLink {
  href: string;
  label: string;
  permission?: Permission;
}

/** The app's main navigation: only places that exist. */
export const MAIN_NAV: NavLink[] = [
  { href: "/", label: "Home" },
  { href: "/members", label: "Members", permission: "read:member:any" },
  { href: "/admin", label: "Admin", permission: "read:admin:any" },
];
