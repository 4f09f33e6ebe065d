"use client";
import { useId, useRef, type KeyboardEvent, type PointerEvent, type RefObject } from "react";
import {
  cropAsPercent,
  keyboardStep,
  maxCropSize,
  minCropSize,
  moveCrop,
  resizeCrop,
  toOriginalPixels,
  type ImageSize,
  type SquareCrop,
} from "@/lib/members/crop";

interface CropperProps {
  src: string;
  image: ImageSize;
  crop: SquareCrop;
  onChange: (crop: SquareCrop) => void;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** What a key press on the frame does to the crop; null for keys it leaves alone. */
export function cropAfterKey(
  key: string,
  shift: boolean,
  crop: SquareCrop,
  image: ImageSize,
): SquareCrop | null {
  const step = keyboardStep(image, shift);
  const arrow = ARROWS[key];
  if (arrow) return moveCrop(crop, arrow[0] * step, arrow[1] * step, image);
  if (key === "+" || key === "=") return resizeCrop(crop, crop.size + step, image);
  if (key === "-" || key === "_") return resizeCrop(crop, crop.size - step, image);
  return null;
}

/** Dragging the frame with a mouse, pen or finger over `stage`, converted to original pixels. */
function useFrameDrag(
  stage: RefObject<HTMLDivElement | null>,
  { image, crop, onChange }: Omit<CropperProps, "src">,
) {
  const start = useRef<{ x: number; y: number; crop: SquareCrop } | null>(null);
  const stop = () => {
    start.current = null;
  };
  return {
    onPointerDown(event: PointerEvent<HTMLDivElement>) {
      event.currentTarget.setPointerCapture?.(event.pointerId);
      start.current = { x: event.clientX, y: event.clientY, crop };
    },
    onPointerMove(event: PointerEvent<HTMLDivElement>) {
      if (!start.current) return;
      const shownWidth = stage.current?.getBoundingClientRect().width ?? 0;
      const dx = toOriginalPixels(event.clientX - start.current.x, shownWidth, image);
      const dy = toOriginalPixels(event.clientY - start.current.y, shownWidth, image);
      onChange(moveCrop(start.current.crop, dx, dy, image));
    },
    onPointerUp: stop,
    onPointerCancel: stop,
  };
}

function RangeField({
  label,
  value,
  min,
  max,
  valueText,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  valueText: string;
  onChange: (value: number) => void;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={Math.max(min, max)}
        value={value}
        disabled={max <= min}
        aria-valuetext={valueText}
        onChange={(event) => onChange(Number(event.target.value))}
        className="h-10 w-full accent-brand-700"
      />
    </div>
  );
}

const percentOf = (part: number, whole: number) =>
  `${Math.round((part / Math.max(1, whole)) * 100)}%`;

/** Three sliders doing what the frame does with a pointer or arrow keys. */
function CropSliders({ image, crop, onChange }: Omit<CropperProps, "src">) {
  const spareX = image.width - crop.size;
  const spareY = image.height - crop.size;
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <RangeField
        label="Frame size"
        value={crop.size}
        min={minCropSize(image)}
        max={maxCropSize(image)}
        valueText={`${percentOf(crop.size, maxCropSize(image))} of the largest square`}
        onChange={(size) => onChange(resizeCrop(crop, size, image))}
      />
      <RangeField
        label="Left to right"
        value={crop.x}
        min={0}
        max={spareX}
        valueText={percentOf(crop.x, spareX)}
        onChange={(x) => onChange(moveCrop(crop, x - crop.x, 0, image))}
      />
      <RangeField
        label="Top to bottom"
        value={crop.y}
        min={0}
        max={spareY}
        valueText={percentOf(crop.y, spareY)}
        onChange={(y) => onChange(moveCrop(crop, 0, y - crop.y, image))}
      />
    </div>
  );
}

/**
 * The chosen photo with a square frame over it: drag the frame, or focus it and use the arrow
 * keys (Shift for bigger steps) and + / −; the sliders below do the same for anyone who
 * cannot drag or whose screen reader keeps the arrow keys.
 */
export function PhotoCropper({ src, image, crop, onChange }: CropperProps) {
  const hintId = useId();
  const stage = useRef<HTMLDivElement>(null);
  const dragHandlers = useFrameDrag(stage, { image, crop, onChange });
  function onKeyDown(event: KeyboardEvent) {
    const next = cropAfterKey(event.key, event.shiftKey, crop, image);
    if (!next) return;
    event.preventDefault();
    onChange(next);
  }
  return (
    <div className="space-y-3">
      <div ref={stage} className="relative inline-block max-w-full overflow-hidden">
        {/* eslint-disable-next-line @next/next/no-img-element -- a local blob: preview */}
        <img
          src={src}
          alt="The photo you chose"
          draggable={false}
          className="block max-h-[60vh] w-auto max-w-full select-none"
        />
        <div
          role="group"
          aria-label="Crop frame"
          aria-describedby={hintId}
          tabIndex={0}
          onKeyDown={onKeyDown}
          {...dragHandlers}
          className="absolute cursor-move touch-none border-2 border-white shadow-[0_0_0_9999px_rgb(0_0_0/0.55)] focus-visible:outline-3 focus-visible:outline-offset-[-6px] focus-visible:outline-amber-300"
          style={cropAsPercent(crop, image)}
        />
      </div>
      <p id={hintId} className="text-sm text-stone-700">
        Drag the square to what should show, or select it and use the arrow keys (Shift moves
        further) and + or − to resize it.
      </p>
      <CropSliders image={image} crop={crop} onChange={onChange} />
    </div>
  );
}

/** The square as it will look, round like every face in the app. */
export function CropPreview({
  src,
  image,
  crop,
  size = 96,
}: Omit<CropperProps, "onChange"> & { size?: number }) {
  const scale = size / crop.size;
  return (
    <span
      aria-hidden="true"
      className="avatar relative overflow-hidden"
      style={{ width: size, height: size }}
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- a local blob: preview */}
      <img
        src={src}
        alt=""
        draggable={false}
        style={{
          position: "absolute",
          maxWidth: "none",
          width: image.width * scale,
          height: image.height * scale,
          left: -crop.x * scale,
          top: -crop.y * scale,
        }}
      />
    </span>
  );
}
