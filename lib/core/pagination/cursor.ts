// Keyset (cursor) pagination: a page is "rows after this sort key", never OFFSET. A cursor
// is the sort key of the last row shown, as opaque base64url JSON in the URL.
import { z } from "zod";
import { hasControlCharacters } from "@/lib/core/forms/text";

export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/**
 * JSON.parse's reviver: a cursor's key is compared with the database, whose text cannot hold
 * NUL (PostgreSQL error 22021); a tampered cursor with any control character is malformed.
 */
function refuseControlCharacters(_key: string, value: unknown): unknown {
  if (typeof value === "string" && hasControlCharacters(value)) throw new Error("Bad cursor");
  return value;
}

/** A malformed or tampered cursor reads as "first page" rather than an error. */
export function decodeCursor<T>(raw: string | undefined | null, schema: z.ZodType<T>): T | null {
  if (!raw || raw.length > 500) return null;
  try {
    const text = Buffer.from(raw, "base64url").toString("utf8");
    const parsed = schema.safeParse(JSON.parse(text, refuseControlCharacters));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface Page<T> {
  items: T[];
  /** Cursor for the next page, or null on the last page. */
  nextCursor: string | null;
}

/** Queries fetch `take + 1` rows; the extra one only tells whether another page exists. */
export function toPage<T>(
  rows: T[],
  take: number,
  keyOf: (row: T) => (string | number | null)[],
): Page<T> {
  const items = rows.slice(0, take);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > take && last ? encodeCursor(keyOf(last)) : null };
}

/** A cursor in a URL that does not decode: the page it names does not exist (404). */
export class InvalidCursor extends Error {
  constructor() {
    super("Invalid page cursor");
  }
}

/** For a cursor the URL does carry: its sort key, or InvalidCursor when it is malformed. */
export function decodeCursorOrThrow<T>(raw: string, schema: z.ZodType<T>): T {
  const key = decodeCursor(raw, schema);
  if (!key) throw new InvalidCursor();
  return key;
}
