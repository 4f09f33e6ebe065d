"use client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { initialCrop, type ImageSize, type SquareCrop } from "@/lib/members/crop";
import { CropPreview, PhotoCropper } from "./photo-cropper";

const AVATAR_ENDPOINT = "/api/uploads/avatar";
/** The types the browser offers (phones convert HEIC photos to JPEG for a list like this). */
const ACCEPTED_TYPES = "image/jpeg,image/png,image/webp,image/gif";

type Outcome = { ok: true; message: string } | { ok: false; message: string };

interface Chosen {
  file: File;
  src: string;
  image: ImageSize | null;
  crop: SquareCrop | null;
}

/** The server's `{ error }` sentence, or one of ours when it sent none or nothing arrived. */
async function outcomeOf(request: Promise<Response>, success: string): Promise<Outcome> {
  let response: Response;
  try {
    response = await request;
  } catch {
    return {
      ok: false,
      message: "Your photo could not be sent: check your connection and try again.",
    };
  }
  if (response.ok) return { ok: true, message: success };
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: unknown } | null)?.error;
  return {
    ok: false,
    message:
      typeof error === "string" && error
        ? error
        : `Your photo could not be changed (error ${response.status}). Try again.`,
  };
}

export function uploadAvatar(file: File, crop: SquareCrop): Promise<Outcome> {
  const body = new FormData();
  body.set("file", file);
  body.set("cropX", String(crop.x));
  body.set("cropY", String(crop.y));
  body.set("cropSize", String(crop.size));
  return outcomeOf(fetch(AVATAR_ENDPOINT, { method: "POST", body }), "Your new photo is saved.");
}

export function removeAvatar(): Promise<Outcome> {
  return outcomeOf(
    fetch(AVATAR_ENDPOINT, { method: "DELETE" }),
    "Your photo is removed: colleagues see your initials.",
  );
}

const noSubscription = () => () => {};
/** False in the server's HTML (and so without JavaScript), true once hydrated. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

/** A chosen file as a local preview address, released when another is chosen or on leaving. */
function useChosenFile() {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const src = chosen?.src;
  useEffect(() => (src ? () => URL.revokeObjectURL(src) : undefined), [src]);
  return {
    chosen,
    choose: (file: File | undefined) =>
      setChosen(file ? { file, src: URL.createObjectURL(file), image: null, crop: null } : null),
    loaded: (image: ImageSize) =>
      setChosen((now) => now && { ...now, image, crop: initialCrop(image) }),
    setCrop: (crop: SquareCrop) => setChosen((now) => now && { ...now, crop }),
    clear: () => setChosen(null),
  };
}

/**
 * The member's profile photo on their edit page: choose an image, frame a square of it, save
 * (POST /api/uploads/avatar with the square in the original's pixels), or remove it.
 * Without JavaScript it says so: the crop needs it.
 */
export function ProfilePhotoForm({ name, avatarId }: { name: string; avatarId: string | null }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const ids = { input: useId(), hint: useId(), error: useId(), heading: useId() };
  const fileInput = useRef<HTMLInputElement>(null);
  const { chosen, choose, loaded, setCrop, clear } = useChosenFile();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  function discard() {
    clear();
    if (fileInput.current) fileInput.current.value = "";
  }

  async function run(request: () => Promise<Outcome>) {
    setBusy(true);
    const result = await request();
    // Rendered at once, so that the file input is enabled again before it takes focus.
    flushSync(() => {
      setBusy(false);
      setOutcome(result);
      if (result.ok) discard();
    });
    if (!result.ok) return;
    fileInput.current?.focus();
    router.refresh();
  }

  const error = outcome && !outcome.ok ? outcome.message : null;
  const ready = chosen?.image && chosen.crop ? { image: chosen.image, crop: chosen.crop } : null;
  return (
    <section aria-labelledby={ids.heading} className="max-w-4xl space-y-4">
      <h2 id={ids.heading} className="text-lg font-semibold">
        Profile photo
      </h2>
      <div className="flex flex-wrap items-start gap-4">
        {chosen && ready ? (
          <CropPreview src={chosen.src} image={ready.image} crop={ready.crop} />
        ) : (
          <Avatar name={name} avatarId={avatarId} size={96} />
        )}
        <div className="min-w-0 flex-1 space-y-2">
          {hydrated ? (
            <>
              <label htmlFor={ids.input} className="block text-sm font-medium text-stone-800">
                {avatarId ? "Choose a new photo" : "Choose a photo"}
              </label>
              <input
                ref={fileInput}
                id={ids.input}
                type="file"
                accept={ACCEPTED_TYPES}
                aria-describedby={`${ids.hint} ${ids.error}`}
                aria-invalid={error ? true : undefined}
                disabled={busy}
                onChange={(event) => {
                  setOutcome(null);
                  choose(event.target.files?.[0]);
                }}
                className="block max-w-full text-sm file:mr-3 file:min-h-10 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-medium hover:file:bg-stone-100"
              />
              <p id={ids.hint} className="text-sm text-stone-600">
                A JPEG, PNG, WebP or GIF image. You choose a square of it next; colleagues see it
                next to your name.
              </p>
            </>
          ) : (
            <p className="text-sm text-stone-700">
              Changing your photo needs JavaScript, which is off or still loading in this browser.
            </p>
          )}
          <p id={ids.error} aria-live="polite" className="text-sm font-medium text-red-800">
            {error}
          </p>
          {hydrated && avatarId && !chosen ? (
            <Button variant="secondary" disabled={busy} onClick={() => run(removeAvatar)}>
              {busy ? "Removing…" : "Remove photo"}
            </Button>
          ) : null}
        </div>
      </div>
      {chosen ? (
        <div className="space-y-3">
          {/* Hidden until it has loaded: its natural size is what the crop is measured in. */}
          {!ready ? (
            // eslint-disable-next-line @next/next/no-img-element -- a local blob: preview
            <img
              src={chosen.src}
              alt=""
              hidden
              onLoad={(event) =>
                loaded({
                  width: event.currentTarget.naturalWidth,
                  height: event.currentTarget.naturalHeight,
                })
              }
              onError={() => {
                discard();
                setOutcome({ ok: false, message: "That file could not be read as an image." });
              }}
            />
          ) : (
            <PhotoCropper
              src={chosen.src}
              image={ready.image}
              crop={ready.crop}
              onChange={setCrop}
            />
          )}
          <div className="flex flex-wrap gap-3">
            <Button
              disabled={busy || !ready}
              onClick={() => ready && run(() => uploadAvatar(chosen.file, ready.crop))}
            >
              {busy ? "Saving photo…" : "Save photo"}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={discard}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
      <p role="status" className="text-sm text-green-900">
        {outcome?.ok ? outcome.message : null}
      </p>
    </section>
  );
}
