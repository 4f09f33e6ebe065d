import { hasControlCharacters } from "@/lib/core/forms/text";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A repeated query parameter (?q=a&q=b) counts by its first value. A value holding a control
 * character (?q=%00: no database text, file line or header can hold it) reads as absent.
 */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return [key, first !== undefined && hasControlCharacters(first) ? undefined : first];
    }),
  );
}

/** Whether any value of the query holds a control character. */
export function hasControlValues(params: SearchParams): boolean {
  return Object.values(params).some((value) =>
    [value ?? []].flat().some((one) => hasControlCharacters(one)),
  );
}

/** The current URL's query with some keys replaced (undefined/empty removes them). */
export function hrefWith(
  path: string,
  current: Record<string, string | undefined>,
  changes: Record<string, string | null | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
