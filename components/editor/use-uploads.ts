"use client";
import { useState, type RefObject } from "react";
import { plural } from "@/lib/core/format";
import { applyEdit } from "./text-edit";
import type { PlacedFile } from "./upload-files";

/** The text that stands where a file will go until its upload answers. */
export function uploadPlaceholder(file: File): string {
  const name = file.name.replace(/[[\]\r\n]/g, "") || "file";
  return `${file.type.startsWith("image/") ? "!" : ""}[Uploading ${name}…]()`;
}

/**
 * Puts a placeholder for each file at the caret, each on a line of its own and the first not
 * glued to the word before the caret; the separator goes with its placeholder, so that a
 * refusal leaves no gap behind.
 */
function placeFiles(
  element: HTMLTextAreaElement,
  files: File[],
  setText: (text: string) => void,
): PlacedFile[] {
  element.focus();
  const start = element.selectionStart;
  const gap = start > 0 && /\S/.test(element.value[start - 1]!) ? " " : "";
  const placed = files.map((file, index) => {
    const separator = index === 0 ? gap : "\n";
    return { file, separator, placeholder: separator + uploadPlaceholder(file) };
  });
  const insert = placed.map((one) => one.placeholder).join("");
  const caret = start + insert.length;
  applyEdit(
    element,
    { start, end: element.selectionEnd, insert, selectionStart: caret, selectionEnd: caret },
    setText,
  );
  return placed;
}

/**
 * Uploads files into a textarea: each gets a placeholder at the caret at once, replaced by
 * the file's markdown when the upload answers, or removed (with the reason shown) when it is
 * refused. The sending (upload-files.ts) loads when the first file is given.
 */
export function useUploads(
  textarea: RefObject<HTMLTextAreaElement | null>,
  setText: (text: string) => void,
) {
  const [pending, setPending] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState("");

  async function upload(files: File[]) {
    const element = textarea.current;
    if (!element || files.length === 0) return;
    const placed = placeFiles(element, files, setText);
    setErrors([]);
    setDone("");
    setPending((count) => count + files.length);
    const { sendPlacedFiles } = await import("./upload-files");
    await sendPlacedFiles({ textarea, setText, setPending, setErrors, setDone }, placed);
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
