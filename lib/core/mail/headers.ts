// Header safety: whatever a member typed (a name, a title in a subject) reaches a mail header
// only as one plain line of bounded length, and an address only when it is a plain address.
// nodemailer encodes non-ASCII (RFC 2047); these rules make sure there is nothing to inject.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export const MAX_SUBJECT_LENGTH = 120;
export const MAX_NAME_LENGTH = 80;

/** One line, control characters (CR, LF, tab, NUL…) turned into spaces, runs of space folded. */
export function oneLine(value: string): string {
  return value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

/** Cut at a word boundary, with an ellipsis, when longer than `max` characters. */
export function cutAtWord(value: string, max: number): string {
  const chars = [...value];
  if (chars.length <= max) return value;
  const cut = chars.slice(0, max - 1).join("");
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export function safeSubject(subject: string): string {
  return cutAtWord(oneLine(subject), MAX_SUBJECT_LENGTH) || "(no subject)";
}

/** A display name safe for From/To; quotes and angle brackets removed (nodemailer quotes). */
export function safeDisplayName(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  const cleaned = cutAtWord(oneLine(name).replace(/["<>\\]/g, ""), MAX_NAME_LENGTH);
  return cleaned || undefined;
}

// Deliberately narrower than RFC 5321: the addresses members sign up with.
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isDeliverableAddress(address: string): boolean {
  return ADDRESS.test(address) && !address.includes("..");
}
