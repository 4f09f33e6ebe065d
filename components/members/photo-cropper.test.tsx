// @vitest-environment happy-dom
// The crop frame from the keyboard and its sliders: what a member who cannot drag does.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { initialCrop, type SquareCrop } from "@/lib/members/crop";
import { cropAfterKey, PhotoCropper } from "./photo-cropper";

afterEach(cleanup);

const image = { width: 1000, height: 800 };

/** The cropper with its crop kept in state, as the form keeps it; the last crop is exposed. */
function renderCropper(start: SquareCrop = initialCrop(image)) {
  const seen: { crop: SquareCrop } = { crop: start };
  function Harness() {
    const [crop, setCrop] = useState(start);
    seen.crop = crop;
    return <PhotoCropper src="blob:photo" image={image} crop={crop} onChange={setCrop} />;
  }
  render(<Harness />);
  return {
    user: userEvent.setup(),
    seen,
    frame: screen.getByRole("group", { name: "Crop frame" }),
  };
}

describe("PhotoCropper", () => {
  it("starts on the largest centred square, shown as a share of the image", () => {
    const { frame } = renderCropper();
    expect(frame.style.left).toBe("10%");
    expect(frame.style.top).toBe("0%");
    expect(frame.style.width).toBe("80%");
    expect(frame.style.height).toBe("100%");
    expect(screen.getByRole("img", { name: "The photo you chose" })).toBeTruthy();
  });

  it("moves with the arrow keys (Shift further) and resizes with + and −, within the image", async () => {
    const { user, seen, frame } = renderCropper();
    frame.focus();
    await user.keyboard("{ArrowLeft}");
    expect(seen.crop).toEqual({ x: 92, y: 0, size: 800 });
    await user.keyboard("{Shift>}{ArrowLeft}{/Shift}");
    expect(seen.crop).toEqual({ x: 12, y: 0, size: 800 });
    await user.keyboard("{Shift>}{ArrowLeft}{/Shift}");
    expect(seen.crop).toEqual({ x: 0, y: 0, size: 800 });
    await user.keyboard("{ArrowUp}");
    expect(seen.crop.y).toBe(0);

    await user.keyboard("-");
    expect(seen.crop).toEqual({ x: 4, y: 4, size: 792 });
    await user.keyboard("{ArrowDown}{ArrowRight}");
    expect(seen.crop).toEqual({ x: 12, y: 8, size: 792 }); // stops at the bottom edge
    await user.keyboard("+");
    expect(seen.crop).toEqual({ x: 8, y: 0, size: 800 });
    expect(document.activeElement).toBe(frame);
  });

  it("does the same with labelled sliders", () => {
    const { seen } = renderCropper();
    const size = screen.getByRole("slider", { name: "Frame size" });
    expect(size.getAttribute("aria-valuetext")).toBe("100% of the largest square");
    fireEvent.change(size, { target: { value: "400" } });
    expect(seen.crop).toEqual({ x: 300, y: 200, size: 400 });

    fireEvent.change(screen.getByRole("slider", { name: "Left to right" }), {
      target: { value: "600" },
    });
    fireEvent.change(screen.getByRole("slider", { name: "Top to bottom" }), {
      target: { value: "0" },
    });
    expect(seen.crop).toEqual({ x: 600, y: 0, size: 400 });
    expect(
      screen.getByRole("slider", { name: "Left to right" }).getAttribute("aria-valuetext"),
    ).toBe("100%");
  });
});

describe("cropAfterKey", () => {
  it("leaves other keys to the browser", () => {
    expect(cropAfterKey("Tab", false, initialCrop(image), image)).toBeNull();
    expect(cropAfterKey("a", false, initialCrop(image), image)).toBeNull();
  });
});
