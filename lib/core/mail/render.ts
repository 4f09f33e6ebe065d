// HTML and plain text from one React Email element. Needs the ordinary React build: it runs in
// the worker, never under the react-server condition (decision 017).
import { plainTextSelectors, render } from "@react-email/components";
import { compile } from "html-to-text";
import type { ReactElement } from "react";

// React Email's toPlainText() with the same options, compiled once: toPlainText compiles them
// on every call, which was 3.9 of its 4.4 ms per digest-sized mail (same output, measured).
const toPlainText = compile({ wordwrap: false, selectors: plainTextSelectors });

export async function renderMail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}
