// Drafts of the editor's text, kept in this browser's localStorage so that they survive a
// reload. Storage can be missing or full (private windows, quotas): then there are no drafts.

const PREFIX = "lc-draft:";
/** Older drafts are dropped when read: nobody remembers what they were for. */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export interface Draft {
  text: string;
  savedAt: number;
}

/** The storage key of a field's draft: the form's own key, or the page and the field. */
export function draftStorageKey(draftKey: string | undefined, fieldId: string): string {
  return PREFIX + (draftKey ?? `${window.location.pathname}#${fieldId}`);
}

export function readDraft(key: string, now = Date.now()): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<Draft>;
    if (typeof draft.text === "string" && typeof draft.savedAt === "number") {
      if (now - draft.savedAt <= MAX_AGE_MS) return { text: draft.text, savedAt: draft.savedAt };
    }
    window.localStorage.removeItem(key);
  } catch {
    // Unreadable storage or a damaged entry: no draft.
  }
  return null;
}

export function writeDraft(key: string, text: string) {
  try {
    window.localStorage.setItem(key, JSON.stringify({ text, savedAt: Date.now() }));
  } catch {
    // Full or unavailable storage: the text is still in the field.
  }
}

export function removeDraft(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to remove.
  }
}

/** Removes every draft in this browser (for signing out on a shared computer). */
export function clearAllDrafts() {
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, i) =>
      window.localStorage.key(i),
    );
    for (const key of keys) if (key?.startsWith(PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}
