"use client";
import { useActionState } from "react";
import { updateWebhookUrlAction } from "@/lib/recognition/webhook/actions";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** The incoming-webhook address; saving it empty turns posting off. */
export function WebhookUrlForm({ url }: { url: string }) {
  const [state, action] = useActionState(updateWebhookUrlAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        name="url"
        label="Incoming-webhook address"
        hint="Paste the incoming-webhook URL from Slack or a Slack-compatible chat (Mattermost, Rocket.Chat). Leave it empty to turn posting off."
        type="url"
        inputMode="url"
        defaultValue={url}
        state={state}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        placeholder="https://hooks.slack.com/services/…"
      />
      <SubmitButton pendingText="Saving…">Save address</SubmitButton>
    </form>
  );
}
