import type { FormState } from "@/lib/core/forms/action-result";

/** The form-level outcome, announced to screen readers when it changes. */
export function FormMessage({ state }: { state: FormState<unknown> | undefined }) {
  const text = state?.message;
  const tone = state?.ok
    ? "border-green-300 bg-green-50 text-green-900"
    : "border-red-300 bg-red-50 text-red-900";
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {text ? <p className={`rounded-md border px-3 py-2 text-sm ${tone}`}>{text}</p> : null}
    </div>
  );
}
