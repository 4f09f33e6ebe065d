// Every action the audit log records, with the words the audit page shows for it.
// recordAudit() takes only these names, so a new action cannot be written without a label.
export const AUDIT_ACTION_LABELS = {
  "admin.create": "Created an admin (command line)",
  "member.role.change": "Changed a member's role",
  "member.deactivate": "Deactivated a member",
  "member.reactivate": "Reactivated a member",
  "member.signup": "Signed up",
  "member.signin-lock.clear": "Cleared a sign-in lock",
  "invitation.create": "Invited someone",
  "invitation.rotate": "Made a new invitation link",
  "invitation.resend": "Sent an invitation again",
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
  "job.retry": "Retried a failed job",
  "member.email.change": "Changed a member's email address",
  "member.email.verify": "Confirmed an email address",
  "member.password.reset": "Reset a password",
  "member.password.reset-link": "Sent a password reset link",
  "pairing.create": "Paired a mentor and a mentee",
  "pairing.pause": "Paused a mentorship",
  "pairing.resume": "Resumed a mentorship",
  "pairing.complete": "Completed a mentorship",
  "pairing.end": "Ended a mentorship",
  "survey.create": "Created a survey",
  "survey.close": "Closed a survey",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** The label of an action; an entry from before an action was renamed shows its raw name. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
