// Record ids (Prisma cuids) as they arrive from forms, URL segments and page cursors. Every id
// rule of the app is declared here, on formId() (lib/core/forms/text.ts: trimmed, present, at
// most 40 characters, no control character); domains pass their own words for "missing" and
// "unknown" and never declare an id rule of their own. Three strictnesses, because callers
// answer a malformed id in three ways:
//   recordId()  anything else is looked up and is simply not found (URLs, cursors; a cursor's
//               "~" sorts after every real id);
//   plainId()   letters, digits, "_" and "-" only: refused on the field before any lookup
//               (admin and moderation forms, private feedback);
//   cuidId()    the shape Prisma gives an id: "that is not a valid …" on the field.
import { z } from "zod";
import { formId, isPlainLine } from "@/lib/core/forms/text";

type IdMessages = { missing?: string; unknown?: string };

// "*", not "+": an empty id is reported once, as missing, by formId.
const PLAIN_ID = /^[A-Za-z0-9_-]*$/;

export function recordId(messages: IdMessages = {}) {
  return formId(messages);
}

export function plainId(
  messages: IdMessages = { missing: "Missing record id.", unknown: "That is not a valid id." },
) {
  return formId(messages).regex(PLAIN_ID, messages.unknown ?? "Unknown id.");
}

export function cuidId(invalid: string) {
  return z.cuid({ error: invalid }).refine(isPlainLine, invalid);
}

export const idSchema = recordId();
export const plainIdSchema = plainId();
