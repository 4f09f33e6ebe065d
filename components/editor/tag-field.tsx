import { TagInput } from "@/components/tags/tag-input";
import { fieldErrors, previousValue } from "@/components/ui/field-shell";
import type { FormState } from "@/lib/core/forms/action-result";

/**
 * The tags box of a discussion or post: names separated by commas, with suggestions from
 * the shared vocabulary. Keeps what was typed when the form comes back with errors.
 */
export function TagField({
  state,
  defaultValue = [],
}: {
  state?: FormState<unknown>;
  defaultValue?: string[];
}) {
  const value = previousValue(state, "tags") ?? defaultValue.join(", ");
  return <TagInput key={value} defaultValue={value} errors={fieldErrors(state, "tags")} />;
}
