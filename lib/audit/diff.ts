// An audit entry's before and after as rows of "field: before → after", for reading.

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A stored JSON value as short text: strings as they are, lists of strings joined. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string"))
    return value.length ? value.join(", ") : "(none)";
  return JSON.stringify(value);
}

export function changeRows(before: unknown, after: unknown): ChangeRow[] {
  const b = before ?? {};
  const a = after ?? {};
  if (!isRecord(b) || !isRecord(a)) {
    const row = { field: "value", before: showValue(before), after: showValue(after) };
    return [{ ...row, changed: row.before !== row.after }];
  }
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const row = { field, before: showValue(b[field]), after: showValue(a[field]) };
    return { ...row, changed: row.before !== row.after };
  });
}
