// @vitest-environment happy-dom
// Drafts in the editor: the text is kept in this browser's localStorage half a second after
// typing stops (and when the editor goes away), comes back on the next visit (at once into an
// empty field, offered when the field starts with other text), and is forgotten once the
// form's submission succeeds — but kept when it fails.
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { stubMemberSuggestions } from "@/test/dom";
import type { FormState } from "@/lib/core/forms/action-result";
import { clearAllDrafts } from "./drafts";
import { MarkdownEditor } from "./markdown-editor";

stubMemberSuggestions([]);
beforeEach(() => localStorage.clear());

const KEY = "lc-draft:reply:d1";

interface Props {
  state?: FormState<unknown>;
  defaultValue?: string;
  drafts?: boolean;
  draftKey?: string;
}

function Form(props: Props) {
  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <MarkdownEditor
        name="body"
        label="Your reply"
        maxLength={500}
        mentions={false}
        draftKey="reply:d1"
        {...props}
      />
      <button type="submit">Post reply</button>
    </form>
  );
}

function renderForm(props: Props = {}) {
  const user = userEvent.setup();
  const view = render(<Form {...props} />);
  const textarea = () => screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Your reply" });
  return { user, textarea, ...view };
}

const stored = (key = KEY) => {
  const raw = localStorage.getItem(key);
  return raw ? (JSON.parse(raw) as { text: string; savedAt: number }).text : null;
};

const saveDraft = (text: string, savedAt = Date.now()) =>
  localStorage.setItem(KEY, JSON.stringify({ text, savedAt }));

const status = () => screen.getByRole("status").textContent;

describe("MarkdownEditor drafts", () => {
  it("saves the text shortly after typing stops", async () => {
    const { user, textarea } = renderForm();
    await user.type(textarea(), "Half a thought");
    expect(stored()).toBeNull();
    await waitFor(() => expect(stored()).toBe("Half a thought"));
  });

  it("restores the draft into the empty field on the next visit, and says so", async () => {
    const first = renderForm();
    await first.user.type(first.textarea(), "Typed before the reload");
    // Leaving (or reloading) saves at once, without waiting.
    first.unmount();
    expect(stored()).toBe("Typed before the reload");

    const { textarea } = renderForm();
    await waitFor(() => expect(textarea().value).toBe("Typed before the reload"));
    expect(status()).toBe("Draft restored.");
    expect(screen.getByText("23 of 500 characters")).toBeTruthy();
    // The message goes once the text moves on.
    await first.user.type(textarea(), "!");
    expect(status()).toBe("");
  });

  it("offers a draft that differs from the field's text, to restore or discard", async () => {
    saveDraft("Improved wording", Date.now() - 60_000);
    const { user, textarea } = renderForm({ defaultValue: "Original wording" });
    await screen.findByText(/^Restore your draft from \d{1,2} \w{3} \d{4}, \d\d:\d\d\?$/);
    expect(textarea().value).toBe("Original wording");

    await user.click(screen.getByRole("button", { name: "Restore" }));
    expect(textarea().value).toBe("Improved wording");
    expect(screen.queryByRole("button", { name: "Restore" })).toBeNull();
    expect(status()).toBe("Draft restored.");
    expect(stored()).toBe("Improved wording");
  });

  it("keeps the offered draft while it waits for an answer, even when the member types", async () => {
    saveDraft("Improved wording");
    const { user, textarea, unmount } = renderForm({ defaultValue: "Original wording" });
    await screen.findByRole("button", { name: "Restore" });
    await user.type(textarea(), "!");
    await act(async () => new Promise((resolve) => setTimeout(resolve, 700)));
    unmount();
    expect(stored()).toBe("Improved wording");
  });

  it("forgets a discarded draft", async () => {
    saveDraft("Improved wording");
    const { user, textarea } = renderForm({ defaultValue: "Original wording" });
    await user.click(await screen.findByRole("button", { name: "Discard" }));
    expect(textarea().value).toBe("Original wording");
    expect(stored()).toBeNull();
    expect(screen.queryByRole("button", { name: "Discard" })).toBeNull();
  });

  it("keeps nothing when the text is back to what the field started with", async () => {
    const { user, textarea } = renderForm({ defaultValue: "Original" });
    await user.type(textarea(), "!");
    await waitFor(() => expect(stored()).toBe("Original!"));
    await user.keyboard("{Backspace}");
    await waitFor(() => expect(stored()).toBeNull());
  });

  it("forgets the draft when the submission succeeds", async () => {
    const { user, textarea, rerender } = renderForm();
    await user.type(textarea(), "My answer");
    await user.click(screen.getByRole("button", { name: "Post reply" }));
    expect(stored()).toBe("My answer");
    rerender(<Form state={{ ok: true }} />);
    expect(stored()).toBeNull();
  });

  it("keeps the draft when the submission fails", async () => {
    const { user, textarea, rerender, unmount } = renderForm();
    await user.type(textarea(), "x");
    await user.click(screen.getByRole("button", { name: "Post reply" }));
    rerender(
      <Form
        state={{
          ok: false,
          message: "Please correct the highlighted fields.",
          fieldErrors: { body: ["Write at least 2 characters."] },
          values: { body: "x" },
        }}
      />,
    );
    expect(textarea().value).toBe("x");
    // Leaving the page afterwards keeps it too.
    unmount();
    expect(stored()).toBe("x");
  });

  it("forgets the draft when the editor goes away after a submit (a new page, a fresh form)", async () => {
    const { user, textarea, unmount } = renderForm();
    await user.type(textarea(), "Posted text");
    await user.click(screen.getByRole("button", { name: "Post reply" }));
    unmount();
    expect(stored()).toBeNull();
  });

  it("keys the draft by page and field when the form gives no key", async () => {
    const { user, textarea } = renderForm({ draftKey: undefined });
    await user.type(textarea(), "Here");
    await waitFor(() =>
      expect(stored(`lc-draft:${window.location.pathname}#field-body`)).toBe("Here"),
    );
  });

  it("keeps no draft with drafts off", async () => {
    saveDraft("Someone else's draft");
    const { user, textarea, unmount } = renderForm({ drafts: false });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(textarea().value).toBe("");
    await user.type(textarea(), "Private words");
    await act(async () => new Promise((resolve) => setTimeout(resolve, 700)));
    unmount();
    expect(stored()).toBe("Someone else's draft");
  });

  it("drops a draft older than 30 days", async () => {
    saveDraft("Long forgotten", Date.now() - 31 * 24 * 60 * 60 * 1000);
    const { textarea } = renderForm();
    await waitFor(() => expect(stored()).toBeNull());
    expect(textarea().value).toBe("");
  });

  it("clearAllDrafts removes every draft and nothing else", () => {
    saveDraft("one");
    localStorage.setItem("lc-draft:/posts/new#field-body", JSON.stringify({ text: "two" }));
    localStorage.setItem("theme", "dark");
    clearAllDrafts();
    expect(Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i))).toEqual([
      "theme",
    ]);
  });
});
