"use client";
import { lazy, Suspense } from "react";
import { moderateContentAction } from "@/lib/moderation/actions";
import type { ModerationTargetType } from "./moderation-buttons";

// Only admins see these, so their code is not in the page's first-load script for everyone.
const ModerationButtons = lazy(() =>
  import("./moderation-buttons").then((module) => ({ default: module.ModerationButtons })),
);

/**
 * Admin-only Hide / Restore for a discussion, reply, post or comment on its own page. Render
 * it only for viewers who may moderate (seesHiddenContent(user) from lib/core/auth/content-visibility);
 * the server action checks the permission again.
 */
export function ModerationControls({
  targetType,
  targetId,
  hidden,
}: {
  targetType: ModerationTargetType;
  targetId: string;
  hidden: boolean;
}) {
  return (
    <Suspense fallback={null}>
      <ModerationButtons
        action={moderateContentAction}
        targetType={targetType}
        targetId={targetId}
        hidden={hidden}
      />
    </Suspense>
  );
}
