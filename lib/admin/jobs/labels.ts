// Queue names in words for the admin pages. Names are "<domain>.<what>"; a queue nobody
// named here is shown as its name.
const QUEUE_LABELS: Record<string, string> = {
  "recognition.webhook": "Posting recognitions to chat",
  "maintenance.housekeeping": "Daily housekeeping",
  "uploads.abandoned": "Deleting uploads never saved",
  "uploads.released": "Purging files no content needs",
};

const DOMAIN_LABELS: Record<string, string> = {
  account: "Account mail",
  digest: "Digests",
  invitations: "Invitation mail",
  notifications: "Notification mail",
  reminders: "Reminders",
  recognition: "Recognition",
  maintenance: "Maintenance",
};

/** "Notification mail (notifications.email)", or the bare name when unknown. */
export function queueLabel(name: string): string {
  const words = QUEUE_LABELS[name] ?? DOMAIN_LABELS[name.split(".")[0] ?? ""];
  return words ? `${words} (${name})` : name;
}
