// Client-safe square-crop maths for the profile photo form. Every crop is in pixels of the
// original image (what POST /api/uploads/avatar takes); the form only converts pointer moves
// from displayed pixels.

export interface ImageSize {
  width: number;
  height: number;
}

/** A square: its top-left corner and side, whole pixels of the original image. */
export interface SquareCrop {
  x: number;
  y: number;
  size: number;
}

/** The smallest frame offered (the largest stored photo is 256 px; smaller would blur). */
export const MIN_CROP_PX = 64;

const clampTo = (value: number, low: number, high: number) =>
  Math.min(Math.max(value, low), Math.max(low, high));

/** The largest square the image holds: its shorter side. */
export const maxCropSize = (image: ImageSize) => Math.min(image.width, image.height);

/** The smallest square offered: MIN_CROP_PX, or the whole image when it is smaller than that. */
export const minCropSize = (image: ImageSize) => Math.min(MIN_CROP_PX, maxCropSize(image));

/** A crop made whole and kept inside the image, its side between the smallest and largest. */
export function clampCrop(crop: SquareCrop, image: ImageSize): SquareCrop {
  const size = Math.round(clampTo(crop.size, minCropSize(image), maxCropSize(image)));
  return {
    x: Math.round(clampTo(crop.x, 0, image.width - size)),
    y: Math.round(clampTo(crop.y, 0, image.height - size)),
    size,
  };
}

/** The largest centred square: where a new photo's frame starts. */
export function initialCrop(image: ImageSize): SquareCrop {
  const size = maxCropSize(image);
  return clampCrop({ x: (image.width - size) / 2, y: (image.height - size) / 2, size }, image);
}

/** The crop moved by (dx, dy) original pixels, stopping at the image's edges. */
export function moveCrop(crop: SquareCrop, dx: number, dy: number, image: ImageSize): SquareCrop {
  return clampCrop({ ...crop, x: crop.x + dx, y: crop.y + dy }, image);
}

/** The crop with a new side, around the same centre as far as the edges allow. */
export function resizeCrop(crop: SquareCrop, size: number, image: ImageSize): SquareCrop {
  const side = clampTo(size, minCropSize(image), maxCropSize(image));
  const centreX = crop.x + crop.size / 2;
  const centreY = crop.y + crop.size / 2;
  return clampCrop({ x: centreX - side / 2, y: centreY - side / 2, size: side }, image);
}

/**
 * A length measured on the image as shown (CSS pixels; a pointer's drag) in pixels of the
 * original: a 4000 px photo shown 320 px wide turns a 10 px drag into 125 px.
 */
export function toOriginalPixels(displayed: number, displayedWidth: number, image: ImageSize) {
  if (displayedWidth <= 0) return 0;
  return (displayed * image.width) / displayedWidth;
}

/** How far one arrow key press moves the frame (Shift: ten times as far): 1% of the image. */
export function keyboardStep(image: ImageSize, large = false): number {
  const step = Math.max(1, Math.round(maxCropSize(image) / 100));
  return large ? step * 10 : step;
}

/** The frame's position and side as percentages of the shown image, for CSS. */
export function cropAsPercent(crop: SquareCrop, image: ImageSize) {
  const percent = (part: number, whole: number) => `${(part / whole) * 100}%`;
  return {
    left: percent(crop.x, image.width),
    top: percent(crop.y, image.height),
    width: percent(crop.size, image.width),
    height: percent(crop.size, image.height),
  };
}
