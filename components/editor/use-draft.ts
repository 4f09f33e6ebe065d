"use client";
import { useEffect, useRef, useState } from "react";
import type { FormState } from "@/lib/core/forms/action-result";
import { draftStorageKey, readDraft, removeDraft, writeDraft, type Draft } from "./drafts";

const SAVE_AFTER_MS = 500;

interface DraftOptions {
  enabled: boolean;
  /** The form's own key for the draft; otherwise the page's path and the field. */
  draftKey?: string;
  fieldId: string;
  text: string;
  /** The text the field started from: equal to it, there is nothing to keep. */
  baseline: string;
  setText: (text: string) => void;
  state?: FormState<unknown>;
}

/**
 * Keeps the editor's text in this browser while it is written, so that a reload or a
 * crash does not lose it: saved half a second after typing stops (and when the page is
 * left), restored on the next visit — at once into an empty field, or offered ("Restore
 * draft from …?") when the field starts with other text (an edit form).
 *
 * When is it sent? Forms post through server actions, and a failure comes back as a
 * `state` with `ok: false` (and the typed values) while success comes back as `ok: true`,
 * a new page, or a fresh editor (a form's `key`). So the draft is kept on submit and
 * removed only when the answer is a success: an `ok` state, or this editor unmounting
 * after a submit without a failure having come back. A failure keeps it.
 */
export function useDraft({
  enabled,
  draftKey,
  fieldId,
  text,
  baseline,
  setText,
  state,
}: DraftOptions) {
  const [offer, setOffer] = useState<Draft | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const key = useRef<string | null>(null);
  const latest = useRef(text);
  const saved = useRef(text);
  const submitted = useRef(false);

  function save() {
    // While an older draft is offered, it is kept until the member answers.
    if (!key.current || offer || latest.current === saved.current) return;
    const current = latest.current;
    if (current === baseline || current.trim() === "") removeDraft(key.current);
    else writeDraft(key.current, current);
    saved.current = current;
  }
  const saveRef = useRef(save);

  useEffect(() => {
    latest.current = text;
    saveRef.current = save;
  });

  // Restore (or offer) on mount; on leaving, save what is unsaved, or forget what was sent.
  useEffect(() => {
    if (!enabled) return;
    const storageKey = draftStorageKey(draftKey, fieldId);
    key.current = storageKey;
    const draft = readDraft(storageKey);
    if (draft && draft.text !== latest.current) {
      if (latest.current.trim() === "") {
        saved.current = draft.text;
        setText(draft.text);
        setRestored(draft.text);
      } else {
        setOffer(draft);
      }
    }
    const onPageHide = () => saveRef.current();
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      if (submitted.current) removeDraft(storageKey);
      else saveRef.current();
      key.current = null;
    };
    // setText is the editor's state setter; the key's parts are fixed for a field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, draftKey, fieldId]);

  // The answer to a submit: success forgets the draft, a failure keeps it.
  const answered = useRef(state);
  useEffect(() => {
    if (state === answered.current) return;
    answered.current = state;
    if (!submitted.current || !state) return;
    submitted.current = false;
    if (state.ok && key.current) {
      removeDraft(key.current);
      saved.current = latest.current;
    }
  }, [state]);

  // Save shortly after typing stops; not while an older draft waits for an answer. (After
  // the effect above, for when a state and new text come at once.)
  useEffect(() => {
    if (!key.current || offer || text === saved.current) return;
    submitted.current = false; // typed after sending: this text is not what was sent
    const timer = setTimeout(() => saveRef.current(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text, offer]);

  return {
    offer,
    /** A restored draft, until it is edited. */
    restored: restored !== null && restored === text,
    /** Called from the form's submit event: the text is saved as it was sent. */
    onSubmit() {
      if (!key.current) return;
      saveRef.current();
      submitted.current = true;
    },
    restore() {
      if (!offer) return;
      saved.current = offer.text;
      setText(offer.text);
      setOffer(null);
      setRestored(offer.text);
    },
    discard() {
      if (key.current) removeDraft(key.current);
      saved.current = baseline;
      setOffer(null);
    },
  };
}
