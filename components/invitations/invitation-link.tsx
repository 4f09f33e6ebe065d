"use client";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

type CopyState = "idle" | "copied" | "failed";

const MESSAGES: Record<CopyState, string> = {
  idle: "",
  copied: "Link copied to the clipboard.",
  failed:
    "Couldn't copy automatically. Select the link in the field and copy it (Ctrl+C, or ⌘C on a Mac).",
};

/** Copies to the clipboard; false where the browser refuses (or has no clipboard API). */
export async function tryCopy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A freshly issued invitation link, shown once: a read-only field (the fallback when the
 * clipboard is unavailable) and a copy button.
 */
export function InvitationLink({
  link,
  email,
  copied,
}: {
  link: string;
  email: string;
  copied?: boolean;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>(
    copied === undefined ? "idle" : copied ? "copied" : "failed",
  );

  async function copyLink() {
    if (await tryCopy(link)) {
      setCopy("copied");
    } else {
      input.current?.focus();
      input.current?.select();
      setCopy("failed");
    }
  }

  return (
    <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-4">
      <label htmlFor={id} className="block text-sm font-medium text-stone-900">
        Invitation link for {email}
      </label>
      <p className="text-sm text-stone-700">
        Send it to them yourself. It is shown only this once, works for 7 days, and can be used
        once.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={link}
          data-testid="invitation-link"
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copyLink} className="shrink-0">
          Copy link
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-stone-700">
        {MESSAGES[copy]}
      </p>
    </div>
  );
}
