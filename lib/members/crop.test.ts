import { describe, expect, it } from "vitest";
import {
  clampCrop,
  cropAsPercent,
  initialCrop,
  keyboardStep,
  MIN_CROP_PX,
  moveCrop,
  resizeCrop,
  toOriginalPixels,
} from "./crop";

const landscape = { width: 4000, height: 3000 };
const portrait = { width: 600, height: 900 };

describe("initialCrop", () => {
  it("is the largest centred square", () => {
    expect(initialCrop(landscape)).toEqual({ x: 500, y: 0, size: 3000 });
    expect(initialCrop(portrait)).toEqual({ x: 0, y: 150, size: 600 });
    expect(initialCrop({ width: 101, height: 100 })).toEqual({ x: 1, y: 0, size: 100 });
  });
});

describe("clampCrop", () => {
  it("keeps the square inside the image, in whole pixels", () => {
    expect(clampCrop({ x: -20, y: 2900.6, size: 500.4 }, landscape)).toEqual({
      x: 0,
      y: 2500,
      size: 500,
    });
    expect(clampCrop({ x: 3900, y: 10, size: 200 }, landscape)).toEqual({
      x: 3800,
      y: 10,
      size: 200,
    });
  });

  it("bounds the side by the shorter side and the smallest frame", () => {
    expect(clampCrop({ x: 0, y: 0, size: 5000 }, landscape).size).toBe(3000);
    expect(clampCrop({ x: 0, y: 0, size: 3 }, landscape).size).toBe(MIN_CROP_PX);
  });

  it("takes the whole of an image smaller than the smallest frame", () => {
    expect(clampCrop({ x: 5, y: 5, size: 10 }, { width: 40, height: 30 })).toEqual({
      x: 5,
      y: 0,
      size: 30,
    });
  });
});

describe("moveCrop", () => {
  it("moves by original pixels and stops at the edges", () => {
    const crop = { x: 100, y: 100, size: 1000 };
    expect(moveCrop(crop, 40, -30, landscape)).toEqual({ x: 140, y: 70, size: 1000 });
    expect(moveCrop(crop, -500, 0, landscape)).toEqual({ x: 0, y: 100, size: 1000 });
    expect(moveCrop(crop, 0, 5000, landscape)).toEqual({ x: 100, y: 2000, size: 1000 });
  });
});

describe("resizeCrop", () => {
  it("keeps the centre while it fits", () => {
    expect(resizeCrop({ x: 1000, y: 1000, size: 1000 }, 500, landscape)).toEqual({
      x: 1250,
      y: 1250,
      size: 500,
    });
  });

  it("slides back inside the image when growing near an edge", () => {
    expect(resizeCrop({ x: 0, y: 0, size: 1000 }, 2000, landscape)).toEqual({
      x: 0,
      y: 0,
      size: 2000,
    });
    expect(resizeCrop({ x: 3000, y: 2000, size: 1000 }, 9999, landscape)).toEqual({
      x: 1000,
      y: 0,
      size: 3000,
    });
  });
});

describe("toOriginalPixels", () => {
  it("scales a length on the shown image up to the original", () => {
    expect(toOriginalPixels(10, 320, landscape)).toBe(125);
    expect(toOriginalPixels(-32, 320, landscape)).toBe(-400);
  });

  it("scales down for an image shown larger than it is", () => {
    expect(toOriginalPixels(30, 1200, portrait)).toBe(15);
  });

  it("is zero while the image has no width yet (not laid out)", () => {
    expect(toOriginalPixels(10, 0, landscape)).toBe(0);
  });
});

describe("keyboardStep", () => {
  it("is 1% of the shorter side, at least a pixel, ten times that with Shift", () => {
    expect(keyboardStep(landscape)).toBe(30);
    expect(keyboardStep(landscape, true)).toBe(300);
    expect(keyboardStep({ width: 50, height: 50 })).toBe(1);
  });
});

describe("cropAsPercent", () => {
  it("places the frame on the shown image, whatever its displayed size", () => {
    expect(cropAsPercent({ x: 1000, y: 750, size: 1500 }, landscape)).toEqual({
      left: "25%",
      top: "25%",
      width: "37.5%",
      height: "50%",
    });
  });
});
