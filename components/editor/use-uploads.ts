"use client";
import { useState, type RefObject } from "react";
import { plural } from "@/lib/core/format";
import { applyEdit, replaceKeepingSelection } from "./text-edit";

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

/**
 * Uploads files into a textarea: each gets a placeholder at the caret, replaced by the
 * file's markdown when the upload answers, or removed (with the reason shown) when it is
 * refused. The rest of the text is never touched.
 */
export function useUploads(
  textarea: RefObject<HTMLTextAreaElement | null>,
  setText: (text: string) => void,
) {
  const [pending, setPending] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState("");

  function swapPlaceholder(placeholder: string, replacement: string) {
    const element = textarea.current;
    if (!element?.isConnected) return;
    const at = element.value.indexOf(placeholder);
    // Deleted by the member meanwhile: the file stays out of the text.
    if (at === -1) return;
    replaceKeepingSelection(element, [at, at + placeholder.length], replacement, setText);
  }

  async function upload(files: File[]) {
    const element = textarea.current;
    if (!element || files.length === 0) return;
    element.focus();
    const start = element.selectionStart;
    // Each on a line of its own, the first not glued to the word before the caret; the
    // separator goes with its placeholder, so that a refusal leaves no gap behind.
    const gap = start > 0 && /\S/.test(element.value[start - 1]!) ? " " : "";
    const separators = files.map((_, index) => (index === 0 ? gap : "\n"));
    const placeholders = files.map((file, index) => separators[index] + uploadPlaceholder(file));
    const text = placeholders.join("");
    const caret = start + text.length;
    applyEdit(
      element,
      {
        start,
        end: element.selectionEnd,
        insert: text,
        selectionStart: caret,
        selectionEnd: caret,
      },
      setText,
    );
    setErrors([]);
    setDone("");
    setPending((count) => count + files.length);
    const failed: string[] = [];
    for (const [index, file] of files.entries()) {
      const result = await send(file);
      if ("markdown" in result) {
        swapPlaceholder(placeholders[index]!, separators[index] + result.markdown);
      } else {
        swapPlaceholder(placeholders[index]!, "");
        failed.push(`Could not upload ${file.name}: ${result.error}`);
        setErrors([...failed]);
      }
      setPending((count) => count - 1);
    }
    const uploaded = files.length - failed.length;
    if (uploaded > 0) setDone(`${plural(uploaded, "file", "files")} uploaded.`);
  }

  const status = pending > 0 ? `Uploading ${plural(pending, "file", "files")}…` : done;
  return { upload, pending, errors, status };
}

/** The files of a paste, unless it is text that also comes as a picture (a copy from Word). */
export function pastedFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  const files = Array.from(data.files ?? []);
  if (files.length === 0) return [];
  const hasText = Boolean(data.getData("text/plain")) && data.types.includes("text/html");
  return hasText ? [] : files;
}
