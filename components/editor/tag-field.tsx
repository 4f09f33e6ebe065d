import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/action-result";
import { TAG_LIMITS } from "@/lib/tags/normalise";

/** The tags box of a discussion or post: names separated by commas, from the shared vocabulary. */
export function TagField({
  state,
  defaultValue = [],
}: {
  state?: FormState<unknown>;
  defaultValue?: string[];
}) {
  return (
    <TextField
      name="tags"
      label="Tags"
      hint={`Up to ${TAG_LIMITS.perItem}, separated by commas, for example: testing, onboarding`}
      state={state}
      defaultValue={defaultValue.join(", ")}
      autoComplete="off"
      maxLength={TAG_LIMITS.perItem * (TAG_LIMITS.nameLength + 2)}
    />
  );
}
