"use client";
// Sending uploads, loaded when a member first attaches a file (no page pays for it before):
// the POSTs to /api/uploads and each placeholder's replacement.
import type { RefObject } from "react";
import { plural } from "@/lib/core/format";
import { replaceKeepingSelection } from "./text-edit";

type UploadResult = { markdown: string } | { error: string };

/** The text that stands where a file will go until its upload answers. */
export function uploadPlaceholder(file: File): string {
  const name = file.name.replace(/[[\]\r\n]/g, "") || "file";
  return `${file.type.startsWith("image/") ? "!" : ""}[Uploading ${name}…]()`;
}

/** POST /api/uploads with one file: its markdown, or the sentence to show the member. */
async function send(file: File): Promise<UploadResult> {
  const body = new FormData();
  body.append("file", file);
  try {
    const response = await fetch("/api/uploads", {
      method: "POST",
      body,
      credentials: "same-origin",
    });
    const json = (await response.json().catch(() => null)) as {
      markdown?: unknown;
      error?: unknown;
    } | null;
    if (response.ok && typeof json?.markdown === "string") return { markdown: json.markdown };
    if (typeof json?.error === "string") return { error: json.error };
    return { error: `The upload failed (error ${response.status}). Please try again.` };
  } catch {
    return { error: "The upload failed: check your connection and try again." };
  }
}

export interface UploadTarget {
  textarea: RefObject<HTMLTextAreaElement | null>;
  setText: (text: string) => void;
  setPending: (change: (count: number) => number) => void;
  setErrors: (errors: string[]) => void;
  setDone: (done: string) => void;
}

/** One file and the text that stands where it will go until its upload answers. */
export interface PlacedFile {
  file: File;
  placeholder: string;
  separator: string;
}

/**
 * Sends each placed file in turn and puts its markdown where its placeholder is, or removes
 * the placeholder (with the reason shown) when it is refused. The rest of the text is never
 * touched.
 */
export async function sendPlacedFiles(target: UploadTarget, placed: PlacedFile[]) {
  const failed: string[] = [];
  for (const { file, placeholder, separator } of placed) {
    const result = await send(file);
    if ("markdown" in result) {
      swapPlaceholder(target, placeholder, separator + result.markdown);
    } else {
      swapPlaceholder(target, placeholder, "");
      failed.push(`Could not upload ${file.name}: ${result.error}`);
      target.setErrors([...failed]);
    }
    target.setPending((count) => count - 1);
  }
  const uploaded = placed.length - failed.length;
  if (uploaded > 0) target.setDone(`${plural(uploaded, "file", "files")} uploaded.`);
}

function swapPlaceholder(target: UploadTarget, placeholder: string, replacement: string) {
  const element = target.textarea.current;
  if (!element?.isConnected) return;
  const at = element.value.indexOf(placeholder);
  // Deleted by the member meanwhile: the file stays out of the text.
  if (at === -1) return;
  replaceKeepingSelection(element, [at, at + placeholder.length], replacement, target.setText);
}
