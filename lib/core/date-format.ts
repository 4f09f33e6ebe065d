// Intl.DateTimeFormat objects are costly to build (~10–20 µs each: locale and time-zone data
// are resolved every time) and a page of 100 replies formats hundreds of dates, so each
// (locale, options, time zone) formatter is built once per process and reused. An unknown
// time zone falls back to UTC, as the callers always did.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 500; // zones are from a fixed list; this only bounds a misuse

export function dateTimeFormat(
  locale: string,
  options: Omit<Intl.DateTimeFormatOptions, "timeZone">,
  timeZone: string,
): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}\u0000${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    }
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}
