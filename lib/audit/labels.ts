// Human labels for audit actions. Actions not listed here still show, by their raw name.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "admin.create": "Created an admin (command line)",
  "member.role.change": "Changed a member's role",
  "member.deactivate": "Deactivated a member",
  "member.reactivate": "Reactivated a member",
  "member.signup": "Signed up",
  "member.signin-lock.clear": "Cleared a sign-in lock",
  "invitation.create": "Invited someone",
  "invitation.rotate": "Made a new invitation link",
  "invitation.revoke": "Revoked an invitation",
  "invitation.accept": "Accepted an invitation",
  "settings.update": "Changed settings",
  "discussion.pin": "Pinned a discussion",
  "discussion.unpin": "Unpinned a discussion",
  "discussion.lock": "Locked a discussion",
  "discussion.unlock": "Unlocked a discussion",
  "post.pin": "Pinned a knowledge post",
  "post.unpin": "Unpinned a knowledge post",
  "content.hide": "Hid content",
  "content.restore": "Restored hidden content",
  "reports.dismiss": "Dismissed reports",
  "session.schedule": "Scheduled a session",
  "session.update": "Changed a session",
  "session.cancel": "Cancelled a session",
  "session.complete": "Marked a session completed",
  "proposal.decline": "Declined a topic proposal",
  "value.create": "Added a company value",
  "value.update": "Changed a company value",
  "value.archive": "Archived a company value",
  "recognition.feature": "Featured a recognition",
  "recognition.unfeature": "Unfeatured a recognition",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
