export type SearchParams = Record<string, string | string[] | undefined>;

/** A repeated query parameter (?q=a&q=b) counts by its first value. */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
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
