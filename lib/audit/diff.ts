// An audit entry's before and after as rows of "field: before → after", for reading.
import { formatDateTime } from "@/lib/core/date-format";
import { fieldLabel } from "./labels";

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Dates are stored as ISO strings (JSON has no dates). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A stored JSON value as short text: strings as they are (instants as a date and time in the
 * reader's zone), lists of strings joined.
 */
export function showValue(value: unknown, timeZone = "UTC"): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "string" && ISO_INSTANT.test(value))
    return formatDateTime(new Date(value), timeZone);
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string"))
    return value.length ? value.join(", ") : "(none)";
  return JSON.stringify(value);
}

export function changeRows(before: unknown, after: unknown, timeZone = "UTC"): ChangeRow[] {
  const b = before ?? {};
  const a = after ?? {};
  if (!isRecord(b) || !isRecord(a)) {
    const row = {
      field: "Value",
      before: showValue(before, timeZone),
      after: showValue(after, timeZone),
    };
    return [{ ...row, changed: row.before !== row.after }];
  }
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const row = {
      field: fieldLabel(field),
      before: showValue(b[field], timeZone),
      after: showValue(a[field], timeZone),
    };
    return { ...row, changed: row.before !== row.after };
  });
}
