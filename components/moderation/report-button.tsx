"use client";
import { lazy, Suspense, useState } from "react";
import { REPORT_TARGET_NAMES } from "@/lib/moderation/labels";
import type { ReportTargetType } from "./report-form";

// The form's code loads when a member first opens a disclosure (a thread has one per reply).
const ReportForm = lazy(() => import("./report-form"));

/** "Report" disclosure: a reason box that sends the item to the admins' queue. */
export function ReportButton({
  targetType,
  targetId,
}: {
  targetType: ReportTargetType;
  targetId: string;
}) {
  const what = REPORT_TARGET_NAMES[targetType];
  // The form is rendered once the disclosure is first opened: a thread page has one per
  // reply, and the closed ones cost HTML, RSC payload and form keys on every page view.
  const [opened, setOpened] = useState(false);
  return (
    <details className="text-sm" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer text-stone-600 hover:text-stone-900">
        Report<span className="sr-only">{` this ${what}`}</span>
      </summary>
      {opened ? (
        <Suspense fallback={<p className="mt-2 text-stone-600">Loading the report form…</p>}>
          <ReportForm targetType={targetType} targetId={targetId} />
        </Suspense>
      ) : null}
    </details>
  );
}
