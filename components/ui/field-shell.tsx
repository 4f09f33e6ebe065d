import type { ReactNode } from "react";
import type { FormState } from "@/lib/core/forms/action-result";

interface FieldShellProps {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  /** The control's id, when one page has several forms with a field of this name. */
  fieldId?: string;
  children: (ids: ControlIds) => ReactNode;
}

/** Label, control, hint and the field's own errors, wired for screen readers. */
export function FieldShell({ name, label, hint, errors, fieldId, children }: FieldShellProps) {
  const id = fieldId ?? `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy =
    [hintId, invalid ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy, invalid })}
      <p id={errorId} className="text-sm text-red-700" aria-live="polite">
        {invalid ? errors!.join(" ") : null}
      </p>
    </div>
  );
}

export function fieldErrors(
  state: FormState<unknown> | undefined,
  name: string,
): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

export function previousValue(
  state: FormState<unknown> | undefined,
  name: string,
): string | undefined {
  return state && !state.ok ? state.values?.[name] : undefined;
}

export interface ControlIds {
  id: string;
  describedBy?: string;
  invalid: boolean;
}
