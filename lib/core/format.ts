// Numbers and counts, written one way across the app, in the app's one locale (dates too:
// lib/core/date-format.ts), each formatter built once per process.
export const LOCALE = "en-GB";

const number = new Intl.NumberFormat(LOCALE);
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** "1,234", "12.345": as `value.toLocaleString()` writes it (at most three decimals). */
export function formatNumber(value: number): string {
  return number.format(value);
}

/** "1,235": rounded to a whole number. */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** "12.5", "3.0": always one decimal. */
export function formatOneDecimal(value: number): string {
  return oneDecimal.format(value);
}

/** "1 reply", "1,234 replies". */
export function plural(count: number, one: string, many: string): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}
