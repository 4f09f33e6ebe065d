import type { FormState } from "@/lib/core/forms/action-result";
import { TextField } from "@/components/ui/field";

/** Password and its confirmation for a new account. `minLength` comes from the server's rule. */
export function NewPasswordFields({
  state,
  minLength,
}: {
  state: FormState<unknown>;
  minLength: number;
}) {
  return (
    <>
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${minLength} characters. A few unrelated words make a good one.`}
        required
        state={state}
      />
      <TextField
        name="confirmPassword"
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        required
        state={state}
      />
    </>
  );
}
