// CSV exports (RFC 4180) that open safely in spreadsheets.

/** A cell that a spreadsheet will not run as a formula, quoted for CSV. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
