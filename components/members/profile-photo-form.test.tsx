// @vitest-environment happy-dom
// Choosing, framing and saving a profile photo against a stand-in for /api/uploads/avatar:
// the square sent in the original's pixels, the server's refusal next to the field, success
// announced and the page refreshed.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ProfilePhotoForm } from "./profile-photo-form";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  refresh.mockReset();
});

function answerWith(...responses: Response[]) {
  const fetch = vi.fn();
  for (const response of responses) fetch.mockResolvedValueOnce(response);
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** Picks a file and lets the hidden preview "load" as an image of the given size. */
async function choosePhoto(width: number, height: number) {
  const user = userEvent.setup();
  const file = new File(["not really a jpeg"], "me.jpg", { type: "image/jpeg" });
  await user.upload(screen.getByLabelText("Choose a photo"), file);
  const loading = document.querySelector<HTMLImageElement>("img[hidden]")!;
  Object.defineProperty(loading, "naturalWidth", { value: width });
  Object.defineProperty(loading, "naturalHeight", { value: height });
  fireEvent.load(loading);
  return { user, file };
}

describe("ProfilePhotoForm", () => {
  it("says that changing the photo needs JavaScript when it is not running", () => {
    const html = renderToString(<ProfilePhotoForm name="Mia Member" avatarId={null} />);
    expect(html).toContain("Changing your photo needs JavaScript");
    expect(html).not.toContain('type="file"');
  });

  it("sends the framed square in the original's pixels, shows a refusal by the field, then saves", async () => {
    const fetch = answerWith(
      json(415, { error: "That file is not a JPEG, PNG, WebP or GIF image." }),
      json(200, { avatarId: "cnewphoto" }),
    );
    render(<ProfilePhotoForm name="Mia Member" avatarId={null} />);
    const { user, file } = await choosePhoto(3000, 2000);
    screen.getByRole("group", { name: "Crop frame" }).focus();
    await user.keyboard("{Shift>}{ArrowLeft}{/Shift}");

    await user.click(screen.getByRole("button", { name: "Save photo" }));
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/uploads/avatar");
    expect(init.method).toBe("POST");
    const sent = init.body as FormData;
    expect(sent.get("file")).toBeInstanceOf(File);
    expect((sent.get("file") as File).name).toBe(file.name);
    expect([sent.get("cropX"), sent.get("cropY"), sent.get("cropSize")]).toEqual([
      "300",
      "0",
      "2000",
    ]);
    const input = screen.getByLabelText("Choose a photo");
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"));
    const described = input.getAttribute("aria-describedby")!.split(" ");
    const error = document.getElementById(described[1]!)!;
    expect(error.textContent).toBe("That file is not a JPEG, PNG, WebP or GIF image.");
    expect(error.getAttribute("aria-live")).toBe("polite");
    expect(refresh).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Save photo" }));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("Your new photo is saved."),
    );
    expect(refresh).toHaveBeenCalledOnce();
    expect(screen.queryByRole("group", { name: "Crop frame" })).toBeNull();
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it("removes the photo with DELETE, and says when the connection failed", async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new TypeError("offline"));
    fetch.mockResolvedValueOnce(json(200, { avatarId: null }));
    vi.stubGlobal("fetch", fetch);
    const user = userEvent.setup();
    render(<ProfilePhotoForm name="Mia Member" avatarId="coldphoto" />);
    await user.click(screen.getByRole("button", { name: "Remove photo" }));
    await waitFor(() =>
      expect(screen.getByText(/could not be sent: check your connection/)).toBeTruthy(),
    );
    await user.click(screen.getByRole("button", { name: "Remove photo" }));
    expect(fetch).toHaveBeenLastCalledWith("/api/uploads/avatar", { method: "DELETE" });
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/photo is removed/));
    expect(refresh).toHaveBeenCalledOnce();
  });

  it("cancels a chosen photo without sending anything", async () => {
    const fetch = answerWith();
    render(<ProfilePhotoForm name="Mia Member" avatarId={null} />);
    const { user } = await choosePhoto(500, 500);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("group", { name: "Crop frame" })).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
