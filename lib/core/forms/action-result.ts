// The one result type every server action returns; forms read it with useActionState.
import type { z } from "zod";
import { requireFormData } from "./form-data";

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export type FormState<T = undefined> = ActionResult<T> | null;

export function success(message?: string): ActionResult {
  return { ok: true, message };
}

export function failure(
  message: string,
  fieldErrors?: FieldErrors,
  values?: Record<string, string>,
): ActionResult<never> {
  return { ok: false, message, fieldErrors, values };
}

/** Turns a zod error into the fields' messages plus one summary line. */
export function invalid(error: z.ZodError, values?: Record<string, string>): ActionResult<never> {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return failure("Please correct the highlighted fields.", fieldErrors, values);
}

/** The form's text values, so a failed submission can refill what the person typed. */
export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
  requireFormData(formData);
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !omit.includes(key) && !key.startsWith("$ACTION")) {
      values[key] = values[key] === undefined ? value : `${values[key]},${value}`;
    }
  }
  return values;
}
