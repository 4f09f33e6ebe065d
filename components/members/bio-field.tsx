"use client";
import { useState } from "react";
import { FieldShell } from "@/components/ui/field-shell";
import { MarkdownPreview } from "@/components/markdown-preview";
import { PROFILE_LIMITS } from "@/lib/members/limits";
import { formatNumber } from "@/lib/core/format";

/** The bio textarea with a live preview through the same sanitised renderer as the profile page. */
export function BioField({ defaultValue, errors }: { defaultValue: string; errors?: string[] }) {
  const [text, setText] = useState(defaultValue);
  const length = text.replace(/\r\n?/g, "\n").trim().length;
  const over = length > PROFILE_LIMITS.bio;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <FieldShell
        name="bio"
        label="Short bio"
        hint="Markdown works: **bold**, _italics_, lists and links."
        errors={errors}
      >
        {({ id, describedBy, invalid }) => (
          <>
            <textarea
              id={id}
              name="bio"
              rows={8}
              defaultValue={defaultValue}
              onChange={(event) => setText(event.target.value)}
              aria-describedby={[describedBy, "bio-count"].filter(Boolean).join(" ")}
              aria-invalid={invalid}
              className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600"
            />
            <p
              id="bio-count"
              className={`text-sm ${over ? "font-medium text-red-700" : "text-stone-600"}`}
            >
              {formatNumber(length)} of {formatNumber(PROFILE_LIMITS.bio)} characters
            </p>
          </>
        )}
      </FieldShell>
      <div role="region" aria-label="Bio preview" className="min-w-0 space-y-1">
        <p className="text-sm font-medium text-stone-800" aria-hidden>
          Preview
        </p>
        <div className="min-h-24 rounded-md border border-dashed border-stone-300 bg-stone-50 px-3 py-2">
          {text.trim() ? (
            <MarkdownPreview source={text} />
          ) : (
            <p className="text-sm text-stone-500">Your bio will appear here.</p>
          )}
        </div>
      </div>
    </div>
  );
}
