// HTML and plain text from one React Email element. Needs the ordinary React build: it runs in
// the worker, never under the react-server condition (decision 017).
import { render, toPlainText } from "@react-email/components";
import type { ReactElement } from "react";

export async function renderMail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}
