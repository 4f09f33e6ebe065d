// The mailbox of captured mail exists only while mail is captured (no SMTP_URL) and outside
// production (decision 017 §5): captured mail holds reset and unsubscribe links.
export function mailboxAvailable(): boolean {
  return !process.env.SMTP_URL && process.env.NODE_ENV !== "production";
}
