import type { ReactNode } from "react";
import { InsightsTabs } from "@/components/insights/insights-tabs";
import { can, requireUser } from "@/lib/core/auth/session";

/** The insights area: its tabs for leaders and admins (each page checks permission itself). */
export default async function InsightsLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      {can(user, "read:insights:any") ? <InsightsTabs /> : null}
      {children}
    </div>
  );
}
