// @vitest-environment happy-dom
// The markdown editor from the keyboard: @mention suggestions (arrow keys, Enter or Tab to
// insert a link, Escape to close), the Write / Preview switch, the character count, and a
// failed submission's error and typed text coming back.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { stubMemberSuggestions } from "@/test/dom";
import type { FormState } from "@/lib/core/forms/action-result";
import { MarkdownEditor } from "./markdown-editor";

const MEMBERS = [
  { id: "m1", name: "Ada Lovelace", title: "Engineer" },
  { id: "m2", name: "Alan Turing", title: null },
];

const fetchMock = stubMemberSuggestions(MEMBERS);
// Each test starts without the drafts an earlier one kept.
beforeEach(() => localStorage.clear());

function renderEditor(props: { state?: FormState<unknown>; mentions?: boolean } = {}) {
  const user = userEvent.setup();
  render(
    <MarkdownEditor
      name="body"
      label="Your reply"
      maxLength={20}
      state={props.state}
      mentions={props.mentions}
    />,
  );
  const textarea = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Your reply" });
  return { user, textarea };
}

async function openSuggestions(user: ReturnType<typeof userEvent.setup>, el: HTMLElement) {
  await user.type(el, "Hi @a");
  return screen.findByRole("listbox", { name: "Members to mention" });
}

describe("MarkdownEditor", () => {
  it("suggests members for the @word before the caret and announces how many", async () => {
    const { user, textarea } = renderEditor();
    expect(textarea.hasAttribute("aria-activedescendant")).toBe(false);
    const list = await openSuggestions(user, textarea);

    expect(fetchMock).toHaveBeenLastCalledWith("/api/mentions?q=a", expect.anything());
    const options = within(list).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Ada Lovelace · Engineer", "Alan Turing"]);
    expect(textarea.getAttribute("aria-controls")).toBe(list.id);
    expect(textarea.getAttribute("aria-activedescendant")).toBe(options[0]!.id);
    expect(
      screen.getByText("2 members suggested. Use the arrow keys and Enter to pick one."),
    ).toBeTruthy();
  });

  it("moves through suggestions with the arrow keys and inserts the active one on Enter", async () => {
    const { user, textarea } = renderEditor();
    const options = within(await openSuggestions(user, textarea)).getAllByRole("option");

    await user.keyboard("{ArrowDown}");
    expect(textarea.getAttribute("aria-activedescendant")).toBe(options[1]!.id);
    expect(options[1]!.getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{ArrowDown}");
    expect(textarea.getAttribute("aria-activedescendant")).toBe(options[0]!.id);
    await user.keyboard("{ArrowUp}");
    expect(textarea.getAttribute("aria-activedescendant")).toBe(options[1]!.id);

    await user.keyboard("{Enter}");
    // The link replaces "@a", with no newline from the Enter.
    expect(textarea.value).toBe("Hi [@Alan Turing](/members/m2) ");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(textarea.hasAttribute("aria-activedescendant")).toBe(false);
  });

  it("inserts with Tab too, keeping focus in the text", async () => {
    const { user, textarea } = renderEditor();
    await openSuggestions(user, textarea);
    await user.tab();
    expect(textarea.value).toBe("Hi [@Ada Lovelace](/members/m1) ");
    expect(document.activeElement).toBe(textarea);
  });

  it("closes suggestions on Escape and leaves the text as typed", async () => {
    const { user, textarea } = renderEditor();
    await openSuggestions(user, textarea);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(textarea.value).toBe("Hi @a");
    // With no list open, Enter is a newline again.
    await user.keyboard("{Enter}");
    expect(textarea.value).toBe("Hi @a\n");
  });

  it("offers no suggestions when mentions are off", async () => {
    const { user, textarea } = renderEditor({ mentions: false });
    await user.type(textarea, "Hi @a");
    await new Promise((resolve) => setTimeout(resolve, 250)); // past the debounce
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("switches between Write and Preview with pressed buttons, rendering the markdown", async () => {
    const { user, textarea } = renderEditor();
    const write = screen.getByRole("button", { name: "Write" });
    const preview = screen.getByRole("button", { name: "Preview" });
    expect(write.getAttribute("aria-pressed")).toBe("true");
    expect(preview.getAttribute("aria-pressed")).toBe("false");

    await user.click(preview);
    expect(
      within(screen.getByRole("region", { name: "Your reply preview" })).getByText(
        "Nothing to preview yet.",
      ),
    ).toBeTruthy();

    await user.click(write);
    await user.type(textarea, "**bold**");
    await user.click(preview);
    expect(preview.getAttribute("aria-pressed")).toBe("true");
    expect(textarea.hidden).toBe(true);
    const region = screen.getByRole("region", { name: "Your reply preview" });
    // The renderer is loaded on first use.
    expect(within(region).getByText("Loading the preview…")).toBeTruthy();
    expect((await within(region).findByText("bold", {}, { timeout: 5000 })).tagName).toBe("STRONG");

    // Keyboard: Shift+Tab to Write, Space to go back to writing.
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(write);
    await user.keyboard(" ");
    expect(screen.queryByRole("region", { name: "Your reply preview" })).toBeNull();
    expect(textarea.hidden).toBe(false);
    expect(textarea.value).toBe("**bold**");
  });

  it("counts characters against the limit, and the count describes the text", async () => {
    const { user, textarea } = renderEditor();
    const count = screen.getByText("0 of 20 characters");
    expect(textarea.getAttribute("aria-describedby")!.split(" ")).toContain(count.id);
    // Leading spaces are not counted; exactly the limit is fine, one more is flagged.
    await user.type(textarea, "  twenty letters!!!!!!");
    expect(count.textContent).toBe("20 of 20 characters");
    expect(count.className).not.toContain("text-red-700");
    await user.type(textarea, "x");
    expect(count.textContent).toBe("21 of 20 characters");
    expect(count.className).toContain("text-red-700");
  });

  it("shows a failed submission's error beside the field and refills what was typed", () => {
    const { textarea } = renderEditor({
      state: {
        ok: false,
        message: "Please correct the highlighted fields.",
        fieldErrors: { body: ["Write at least 2 characters."] },
        values: { body: "x" },
      },
    });
    expect(textarea.value).toBe("x");
    expect(textarea.getAttribute("aria-invalid")).toBe("true");
    const error = document.getElementById("field-body-error")!;
    expect(error.getAttribute("aria-live")).toBe("polite");
    expect(error.textContent).toBe("Write at least 2 characters.");
    expect(textarea.getAttribute("aria-describedby")!.split(" ")).toEqual([
      "field-body-hint",
      "field-body-error",
      "field-body-count",
    ]);
  });
});
