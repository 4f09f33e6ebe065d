import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import type { FormState } from "@/lib/core/forms/action-result";

const CONTROL =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-600 focus:border-brand-600";

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

type Common = {
  name: string;
  label: string;
  hint?: ReactNode;
  state?: FormState<unknown>;
  fieldId?: string;
};

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

interface ControlIds {
  id: string;
  describedBy?: string;
  invalid: boolean;
}

/** What every control shares: identity, the value to show, and its error wiring. */
function controlAttributes({ id, describedBy, invalid }: ControlIds, name: string, value: unknown) {
  return {
    id,
    name,
    defaultValue: value as string | undefined,
    "aria-describedby": describedBy,
    "aria-invalid": invalid,
    className: CONTROL,
  };
}

/** Re-mount when a failed submission returns the typed value, so that it shows again. */
function remountKey(value: unknown) {
  return value === undefined ? undefined : String(value);
}

export function TextField({
  name,
  label,
  hint,
  state,
  defaultValue,
  fieldId,
  ...props
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const value = previousValue(state, name) ?? defaultValue;
  return (
    <FieldShell
      name={name}
      label={label}
      hint={hint}
      errors={fieldErrors(state, name)}
      fieldId={fieldId}
    >
      {(ids) => (
        <input key={remountKey(value)} {...controlAttributes(ids, name, value)} {...props} />
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  state,
  defaultValue,
  fieldId,
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const value = previousValue(state, name) ?? defaultValue;
  return (
    <FieldShell
      name={name}
      label={label}
      hint={hint}
      errors={fieldErrors(state, name)}
      fieldId={fieldId}
    >
      {(ids) => (
        <textarea key={remountKey(value)} {...controlAttributes(ids, name, value)} {...props} />
      )}
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  state,
  defaultValue,
  options,
  fieldId,
  ...props
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const value = previousValue(state, name) ?? defaultValue;
  return (
    <FieldShell
      name={name}
      label={label}
      hint={hint}
      errors={fieldErrors(state, name)}
      fieldId={fieldId}
    >
      {(ids) => (
        <select key={remountKey(value)} {...controlAttributes(ids, name, value)} {...props}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** The required `email` field of the sign-in, sign-up and account forms. */
export function EmailField({
  label = "Email",
  ...props
}: Omit<Common, "name" | "label"> & { label?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <TextField name="email" label={label} type="email" autoComplete="email" required {...props} />
  );
}
