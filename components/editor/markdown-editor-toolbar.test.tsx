// @vitest-environment happy-dom
// The editor's formatting toolbar from the keyboard and the pointer: one Tab stop with the
// arrow keys, Home and End between the buttons (the WAI-ARIA toolbar pattern), each button's
// edit of the text and what it selects, and the Ctrl/⌘ shortcuts in the text.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { stubMemberSuggestions } from "@/test/dom";
import { MarkdownEditor } from "./markdown-editor";

stubMemberSuggestions([]);
beforeEach(() => localStorage.clear());

async function renderEditor(props: { attachments?: boolean } = {}) {
  const user = userEvent.setup();
  render(
    <MarkdownEditor
      name="body"
      label="Your reply"
      maxLength={200}
      mentions={false}
      drafts={false}
      {...props}
    />,
  );
  const textarea = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Your reply" });
  // The toolbar's code loads after the editor's (React.lazy).
  const toolbar = await screen.findByRole("toolbar", { name: "Formatting for Your reply" });
  return { user, textarea, toolbar };
}

const selected = (el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd);

describe("MarkdownEditor toolbar", () => {
  it("is one Tab stop; the arrows, Home and End move between its buttons", async () => {
    const { user, textarea, toolbar } = await renderEditor();
    const buttons = within(toolbar).getAllByRole("button");
    expect(buttons.map((b) => b.getAttribute("aria-label"))).toEqual([
      "Bold",
      "Italic",
      "Link",
      "Bulleted list",
      "Numbered list",
      "Code",
      "Quote",
      "Attach an image or file",
    ]);
    expect(buttons.every((b) => b.getAttribute("type") === "button")).toBe(true);
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1, -1]);
    expect(toolbar.getAttribute("aria-controls")).toBe(textarea.id);

    screen.getByRole("button", { name: "Preview" }).focus();
    await user.tab();
    expect(document.activeElement).toBe(buttons[0]);
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(buttons[1]);
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, 0, -1, -1, -1, -1, -1, -1]);
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(document.activeElement).toBe(buttons[7]);
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(buttons[0]);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(buttons[7]);
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(buttons[0]);
    await user.keyboard("{ArrowRight}{ArrowRight}");

    // Tab leaves the toolbar for the text; Shift+Tab comes back to the same button.
    await user.tab();
    expect(document.activeElement).toBe(textarea);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(buttons[2]);
  });

  it.each([
    ["Bold", "make this strong", [10, 16], "make this **strong**", "strong"],
    ["Italic", "an aside", [3, 8], "an _aside_", "aside"],
    ["Link", "read the guide", [5, 14], "read [the guide](https://)", "https://"],
    ["Bulleted list", "one\ntwo", [0, 7], "- one\n- two", "- one\n- two"],
    ["Numbered list", "one\ntwo", [0, 7], "1. one\n2. two", "1. one\n2. two"],
    ["Code", "run npm test", [4, 12], "run `npm test`", "npm test"],
    ["Quote", "wise words", [0, 0], "> wise words", ""],
  ] as const)(
    "%s formats the selection, selects the result and keeps focus in the text",
    async (button, text, [start, end], expected, expectedSelection) => {
      const { user, textarea } = await renderEditor();
      await user.type(textarea, text);
      textarea.setSelectionRange(start, end);
      await user.click(screen.getByRole("button", { name: button }));
      expect(textarea.value).toBe(expected);
      expect(selected(textarea)).toBe(expectedSelection);
      expect(document.activeElement).toBe(textarea);
    },
  );

  it("inserts a selected placeholder with nothing selected, and counts it", async () => {
    const { user, textarea } = await renderEditor();
    const count = screen.getByText("0 of 200 characters");
    await user.click(screen.getByRole("button", { name: "Bold" }));
    expect(textarea.value).toBe("**bold text**");
    expect(selected(textarea)).toBe("bold text");
    expect(count.textContent).toBe("13 of 200 characters");
    // Typing replaces the placeholder.
    await user.keyboard("loud");
    expect(textarea.value).toBe("**loud**");
  });

  it("works from the keyboard: Enter on a focused button", async () => {
    const { user, textarea } = await renderEditor();
    await user.type(textarea, "an aside");
    textarea.setSelectionRange(3, 8);
    screen.getByRole("button", { name: "Bold" }).focus();
    await user.keyboard("{ArrowRight}{Enter}");
    expect(textarea.value).toBe("an _aside_");
    expect(document.activeElement).toBe(textarea);
  });

  it("formats with Ctrl+B, Ctrl+I, ⌘+I and Ctrl+K in the text", async () => {
    const { user, textarea } = await renderEditor();
    await user.type(textarea, "make this strong");
    textarea.setSelectionRange(10, 16);
    await user.keyboard("{Control>}b{/Control}");
    expect(textarea.value).toBe("make this **strong**");
    expect(selected(textarea)).toBe("strong");
    // Again: the bold comes off.
    await user.keyboard("{Control>}b{/Control}");
    expect(textarea.value).toBe("make this strong");

    textarea.setSelectionRange(0, 4);
    await user.keyboard("{Meta>}i{/Meta}");
    expect(textarea.value).toBe("_make_ this strong");

    textarea.setSelectionRange(7, 11);
    await user.keyboard("{Control>}k{/Control}");
    expect(textarea.value).toBe("_make_ [this](https://) strong");
    expect(selected(textarea)).toBe("https://");
  });

  it("leaves out the attach button when attachments are off", async () => {
    const { toolbar } = await renderEditor({ attachments: false });
    expect(within(toolbar).queryByRole("button", { name: "Attach an image or file" })).toBeNull();
    expect(within(toolbar).getAllByRole("button")).toHaveLength(7);
  });

  it("hides the toolbar while previewing", async () => {
    const { user } = await renderEditor();
    await user.click(screen.getByRole("button", { name: "Preview" }));
    expect(screen.queryByRole("toolbar")).toBeNull();
  });
});
