"use client";
import { moderateContentAction } from "@/lib/moderation/actions";
import { ModerationButtons, type ModerationTargetType } from "./moderation-buttons";

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
    <ModerationButtons
      action={moderateContentAction}
      targetType={targetType}
      targetId={targetId}
      hidden={hidden}
    />
  );
}
