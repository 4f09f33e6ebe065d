// @vitest-environment happy-dom
// Attachments in the editor: a pasted, dropped or picked file is posted to /api/uploads
// (fetch is stubbed: the route has its own tests), a placeholder holds its place while it
// uploads and becomes the returned markdown; a refusal removes the placeholder, shows the
// route's sentence beside the field and leaves everything typed alone.
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MarkdownEditor } from "./markdown-editor";

interface PendingUpload {
  file: File;
  answer: (status: number, body: object) => void;
}

let uploads: PendingUpload[] = [];
const fetchMock = vi.fn((url: string, init: RequestInit) => {
  const file = (init.body as FormData).get("file") as File;
  return new Promise<Response>((resolve) => {
    uploads.push({ file, answer: (status, body) => resolve(Response.json(body, { status })) });
  });
});

beforeEach(() => {
  uploads = [];
  fetchMock.mockClear();
  localStorage.clear();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEditor(props: { attachments?: boolean } = {}) {
  const user = userEvent.setup();
  const submitted = vi.fn();
  const { container } = render(
    <form
      onSubmit={(event) => {
        submitted(event.defaultPrevented);
        event.preventDefault();
      }}
    >
      <MarkdownEditor
        name="body"
        label="Your question"
        maxLength={500}
        mentions={false}
        drafts={false}
        {...props}
      />
      <button type="submit">Post</button>
    </form>,
  );
  const textarea = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Your question" });
  const picker = container.querySelector<HTMLInputElement>("input[type=file]");
  return { user, textarea, picker, submitted };
}

const screenshot = () => new File(["png bytes"], "screenshot.png", { type: "image/png" });

function paste(target: HTMLElement, files: File[], text = "") {
  fireEvent.paste(target, {
    clipboardData: {
      files,
      types: text ? ["text/plain", "text/html", "Files"] : ["Files"],
      getData: () => text,
    },
  });
}

async function answer(index: number, status: number, body: object) {
  await waitFor(() => expect(uploads.length).toBeGreaterThan(index));
  await act(async () => uploads[index]!.answer(status, body));
}

describe("MarkdownEditor attachments", () => {
  it("uploads a pasted image to /api/uploads and puts its markdown where the placeholder was", async () => {
    const { user, textarea } = renderEditor();
    await user.type(textarea, "Look: ");
    paste(textarea, [screenshot()]);

    expect(textarea.value).toBe("Look: ![Uploading screenshot.png…]()");
    expect(screen.getByRole("status").textContent).toBe("Uploading 1 file…");
    // The sending code loads with the first file; then the file is posted.
    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(fetchMock).toHaveBeenCalledWith(
      "/api/uploads",
      expect.objectContaining({ method: "POST", credentials: "same-origin" }),
    );
    expect(uploads[0]!.file.name).toBe("screenshot.png");

    // Typing goes on while the file uploads.
    await user.keyboard(" and more");
    await answer(0, 201, {
      id: "u1",
      url: "/files/u1",
      kind: "IMAGE",
      name: "screenshot.png",
      markdown: "![screenshot.png](/files/u1)",
    });
    expect(screen.getByRole("alert").textContent).toBe("");
    expect(textarea.value).toBe("Look: ![screenshot.png](/files/u1) and more");
    expect(screen.getByRole("status").textContent).toBe("1 file uploaded.");
    expect(screen.getByText("43 of 500 characters")).toBeTruthy();
  });

  it("shows a refusal's sentence beside the field, removes the placeholder and keeps the text", async () => {
    const { user, textarea } = renderEditor();
    await user.type(textarea, "Keep this ");
    const big = new File(["x"], "big.zip", { type: "application/zip" });
    paste(textarea, [big]);
    expect(textarea.value).toBe("Keep this [Uploading big.zip…]()");

    await answer(0, 413, { error: "Files can be at most 10 MB." });
    expect(textarea.value).toBe("Keep this ");
    expect(textarea.selectionStart).toBe("Keep this ".length);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toBe("Could not upload big.zip: Files can be at most 10 MB.");
    expect(textarea.getAttribute("aria-describedby")!.split(" ")).toContain(alert.id);
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("says so when the answer has no sentence (a network failure, a server error)", async () => {
    const { textarea } = renderEditor();
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    paste(textarea, [screenshot()]);
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "Could not upload screenshot.png: The upload failed: check your connection and try again.",
      ),
    );
    expect(textarea.value).toBe("");
  });

  it("uploads several dropped files one after another, counting down", async () => {
    const { textarea } = renderEditor();
    const notes = new File(["text"], "notes.pdf", { type: "application/pdf" });
    fireEvent.dragOver(textarea, { dataTransfer: { types: ["Files"], files: [] } });
    expect(textarea.className).toContain("ring-2");
    fireEvent.drop(textarea, { dataTransfer: { types: ["Files"], files: [screenshot(), notes] } });
    expect(textarea.className).not.toContain("ring-2");
    expect(textarea.value).toBe("![Uploading screenshot.png…]()\n[Uploading notes.pdf…]()");
    expect(screen.getByRole("status").textContent).toBe("Uploading 2 files…");

    await answer(0, 201, { markdown: "![screenshot.png](/files/u1)" });
    expect(screen.getByRole("status").textContent).toBe("Uploading 1 file…");
    await answer(1, 201, { markdown: "[notes.pdf](/files/u2)" });
    expect(textarea.value).toBe("![screenshot.png](/files/u1)\n[notes.pdf](/files/u2)");
    expect(screen.getByRole("status").textContent).toBe("2 files uploaded.");
  });

  it("opens the file picker from the toolbar and uploads what is picked", async () => {
    const { user, textarea, picker } = renderEditor();
    await user.type(textarea, "See");
    const opened = vi.spyOn(picker!, "click");
    await user.click(await screen.findByRole("button", { name: "Attach an image or file" }));
    expect(opened).toHaveBeenCalledTimes(1);

    await user.upload(picker!, screenshot());
    // A space keeps it apart from the word before (and goes with it if it is refused).
    expect(textarea.value).toBe("See ![Uploading screenshot.png…]()");
    await answer(0, 201, { markdown: "![screenshot.png](/files/u1)" });
    expect(textarea.value).toBe("See ![screenshot.png](/files/u1)");
    await user.upload(picker!, screenshot());
    expect(textarea.value).toBe("See ![screenshot.png](/files/u1) ![Uploading screenshot.png…]()");
    await answer(1, 415, { error: "This kind of file is not accepted." });
    expect(textarea.value).toBe("See ![screenshot.png](/files/u1)");
    expect(picker!.value).toBe("");
  });

  it("holds the form back while a file uploads", async () => {
    const { user, textarea, submitted } = renderEditor();
    paste(textarea, [screenshot()]);
    await user.click(screen.getByRole("button", { name: "Post" }));
    expect(submitted).toHaveBeenLastCalledWith(true);
    expect(screen.getByRole("alert").textContent).toBe(
      "Wait for the upload to finish, then send again.",
    );

    await answer(0, 201, { markdown: "![screenshot.png](/files/u1)" });
    expect(screen.getByRole("alert").textContent).toBe("");
    await user.click(screen.getByRole("button", { name: "Post" }));
    expect(submitted).toHaveBeenLastCalledWith(false);
  });

  it("pastes text as text, even when a picture of it comes along", async () => {
    const { textarea } = renderEditor();
    paste(textarea, [screenshot()], "Some words");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("does not upload when attachments are off", () => {
    const { textarea, picker } = renderEditor({ attachments: false });
    paste(textarea, [screenshot()]);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(picker).toBeNull();
    expect(screen.getByText(/Markdown works/).textContent).not.toContain("images");
  });
});
