import type { Permission } from "@/lib/core/auth/permissions";

export interface NavLink {
  href: string;
  label: string;
  permission?: Permission;
}

/**
 * The app's main navigation: only places that exist. It must fit one row at 1280px wide, so
 * tags are reached from the discussions and posts pages instead of from here.
 */
export const MAIN_NAV: NavLink[] = [
  { href: "/", label: "Home" },
  { href: "/discussions", label: "Discussions", permission: "read:content:any" },
  { href: "/posts", label: "Knowledge", permission: "read:content:any" },
  { href: "/sessions", label: "Sessions", permission: "read:session:any" },
  { href: "/communities", label: "Communities", permission: "read:content:any" },
  { href: "/recognition", label: "Recognition", permission: "read:recognition:any" },
  { href: "/mentorship", label: "Mentoring", permission: "read:pairing:own" },
  { href: "/members", label: "Members", permission: "read:member:any" },
  { href: "/insights", label: "Insights", permission: "read:insights:any" },
  { href: "/admin", label: "Admin", permission: "read:admin:any" },
];
