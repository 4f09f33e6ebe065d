"use client";
// The account page's "Calendar feed": make a secret link for calendar apps (shown once, with
// a copy button), replace it with a new one, or turn it off.
import { useActionState, useId, useRef, useState } from "react";
import { createFeedAction, turnOffFeedAction } from "@/lib/calendar/actions";
import type { FormState } from "@/lib/core/forms/action-result";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { tryCopy } from "@/components/invitations/invitation-link";

type Intent = "create" | "off";

const CONFIRM: Record<Intent, { question: string; label: string; pending: string }> = {
  create: {
    question:
      "Your current link stops working: calendars subscribed to it stop updating until you add the new one.",
    label: "Yes, create a new link",
    pending: "Creating…",
  },
  off: {
    question: "Your link stops working: calendars subscribed to it stop updating.",
    label: "Yes, turn it off",
    pending: "Turning off…",
  },
};

function FeedLink({ url }: { url: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copyMessage, setCopyMessage] = useState("");

  async function copy() {
    if (await tryCopy(url)) {
      setCopyMessage("Link copied to the clipboard.");
    } else {
      input.current?.focus();
      input.current?.select();
      setCopyMessage("Couldn't copy automatically. Select the link and copy it (Ctrl+C or ⌘C).");
    }
  }

  return (
    <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-4">
      <label htmlFor={id} className="block text-sm font-medium text-stone-900">
        Your calendar link
      </label>
      <p id={`${id}-hint`} className="text-sm text-stone-700">
        Shown only this once. In your calendar app, choose to subscribe to a calendar from a URL (or
        &ldquo;add by URL&rdquo;) and paste it. Keep it to yourself: anyone with it can see your
        sessions.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={url}
          autoFocus
          aria-describedby={`${id}-hint`}
          data-testid="calendar-feed-link"
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copy} className="shrink-0">
          Copy link
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-stone-700">
        {copyMessage}
      </p>
    </div>
  );
}

/** Runs the button's intent: make a (new) link, or turn the feed off. */
async function feedAction(
  prev: FormState<{ url: string }>,
  formData: FormData,
): Promise<FormState<{ url: string }>> {
  return formData.get("intent") === "off"
    ? turnOffFeedAction(prev, formData)
    : createFeedAction(prev, formData);
}

export function FeedSettings({ createdOn }: { createdOn: string | null }) {
  const questionId = useId();
  const [confirming, setConfirming] = useState<Intent | null>(null);
  // Which button takes focus when it appears after "Cancel" or an action, so keyboard users
  // stay where they were. A new link takes focus itself.
  const [focus, setFocus] = useState<Intent | null>(null);
  const [state, action] = useActionState(
    async (prev: FormState<{ url: string }>, formData: FormData) => {
      const result = await feedAction(prev, formData);
      setConfirming(null);
      setFocus(result?.ok && result.data?.url ? null : "create");
      return result;
    },
    null,
  );
  const url = state?.ok ? state.data?.url : undefined;
  const hasFeed = createdOn !== null;
  const cancel = () => {
    setFocus(confirming);
    setConfirming(null);
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-700">
        Subscribe to your sessions in Google Calendar, Outlook or Apple Calendar: the ones you host
        and the ones you are going to or waitlisted for. Changes and cancellations show up there on
        their own.
      </p>
      {url ? (
        <FeedLink key={url} url={url} />
      ) : hasFeed ? (
        <p className="text-sm text-stone-800">
          A link was created on {createdOn}; create a new one to see it again.
        </p>
      ) : null}
      <form action={action} className="space-y-2">
        {confirming ? (
          <div className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
            <p id={questionId} className="text-sm text-red-900">
              {CONFIRM[confirming].question}
            </p>
            <div className="flex flex-wrap gap-2">
              <SubmitButton
                name="intent"
                value={confirming}
                variant="danger"
                autoFocus
                aria-describedby={questionId}
                pendingText={CONFIRM[confirming].pending}
              >
                {CONFIRM[confirming].label}
              </SubmitButton>
              <Button variant="secondary" onClick={cancel}>
                Cancel
              </Button>
            </div>
          </div>
        ) : hasFeed ? (
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              autoFocus={focus === "create"}
              onClick={() => setConfirming("create")}
            >
              Create a new link
            </Button>
            <Button
              variant="secondary"
              autoFocus={focus === "off"}
              onClick={() => setConfirming("off")}
            >
              Turn off
            </Button>
          </div>
        ) : (
          <SubmitButton
            name="intent"
            value="create"
            autoFocus={focus === "create"}
            pendingText="Creating your link…"
          >
            Create my calendar link
          </SubmitButton>
        )}
      </form>
      <FormMessage state={state} />
    </div>
  );
}
