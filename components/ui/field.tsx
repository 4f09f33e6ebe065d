import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import type { FormState } from "@/lib/core/forms/action-result";
import { FieldShell, fieldErrors, previousValue, type ControlIds } from "./field-shell";

// The shell on its own (field-shell.tsx) keeps editors' pages from loading every field.
export { FieldShell, fieldErrors, previousValue };

const CONTROL =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-600 focus:border-brand-600";

type Common = {
  name: string;
  label: string;
  hint?: ReactNode;
  state?: FormState<unknown>;
  fieldId?: string;
};

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
