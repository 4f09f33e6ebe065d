"use client";

import { usePathname } from "next/navigation";
import { TabLinks } from "@/components/ui/tab-links";

const LINKS = [
  { href: "/insights", label: "Dashboard" },
  { href: "/insights/surveys", label: "Surveys" },
  { href: "/insights/report", label: "Review report" },
  { href: "/recognition/insights", label: "Recognition spread" },
] as const;

/** The insights area's tabs; a survey's own pages count as "Surveys". */
export function InsightsTabs() {
  const pathname = usePathname();
  const current =
    LINKS.slice(1).find((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
      ?.href ?? (pathname === "/insights" ? "/insights" : "");
  return (
    <div className="print-hidden">
      <TabLinks label="Insights" links={LINKS} current={current} />
    </div>
  );
}
