// Numbers and counts, written one way across the app: in one locale ("en", which writes
// numbers exactly as "en-GB" does: "1,234", "12.5"), each formatter built once per process.
const NUMBER_LOCALE = "en";

const number = new Intl.NumberFormat(NUMBER_LOCALE);
const integer = new Intl.NumberFormat(NUMBER_LOCALE, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(NUMBER_LOCALE, {
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
