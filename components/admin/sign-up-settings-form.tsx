"use client";
import { useActionState } from "react";
import { updateSignUpSettingsAction } from "@/lib/admin/settings/actions";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignUpSettingsForm({
  open,
  allowedDomains,
}: {
  open: boolean;
  allowedDomains: string[];
}) {
  const [state, action] = useActionState(updateSignUpSettingsAction, null);
  // After a refused save, show what was submitted (an unticked box sends nothing).
  const checked = state && !state.ok && state.values ? state.values.open === "on" : open;
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <div className="flex items-start gap-3">
        <input
          key={String(checked)}
          id="field-open"
          type="checkbox"
          name="open"
          defaultChecked={checked}
          aria-describedby="field-open-hint"
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
        />
        <div>
          <label htmlFor="field-open" className="font-medium text-stone-900">
            Allow open sign-up
          </label>
          <p id="field-open-hint" className="text-sm text-stone-600">
            Anyone with an email address at an allowed domain can create a Member account at /signup
            without an invitation. Addresses are not verified by email, so list only domains your
            organisation controls.
          </p>
        </div>
      </div>
      <TextAreaField
        name="allowedDomains"
        label="Allowed email domains"
        hint="One per line or separated by commas, for example: example.com"
        rows={5}
        defaultValue={allowedDomains.join("\n")}
        state={state}
        spellCheck={false}
        autoCapitalize="none"
      />
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
