// POST /api/uploads/avatar: a new profile photo (multipart `file`, optional square crop
// cropX/cropY/cropSize in the picture's pixels) → { avatarId }; DELETE removes it →
// { avatarId: null }. See lib/uploads/avatars.ts.
import { NextResponse } from "next/server";
import { z } from "zod";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { removeAvatar, setAvatar } from "@/lib/uploads/avatars";
import { isSameOrigin, readUploadForm, refusalResponse, uploadError } from "@/lib/uploads/http";
import { UploadRefused } from "@/lib/uploads/processing";

const pixels = z
  .string()
  .regex(/^\d{1,6}$/, "must be a whole number of pixels")
  .transform(Number);

const cropSchema = z
  .object({ cropX: pixels.optional(), cropY: pixels.optional(), cropSize: pixels.optional() })
  .refine(
    (crop) =>
      [crop.cropX, crop.cropY, crop.cropSize].every((v) => v === undefined) ||
      [crop.cropX, crop.cropY, crop.cropSize].every((v) => v !== undefined),
    "Send cropX, cropY and cropSize together, or none of them.",
  )
  .transform((crop) =>
    crop.cropSize === undefined
      ? undefined
      : { x: crop.cropX!, y: crop.cropY!, size: crop.cropSize },
  );

const OPTIONS = {
  permission: "update:profile:own",
  client: "fetch",
  messages: {
    signedOut: "Sign in to change your photo.",
    forbidden: "Your account can't change its photo.",
  },
} as const;

const NOT_SAME_ORIGIN = "Change your photo from the app's own pages.";

export const POST = routeHandler(OPTIONS, async ({ request, user }) => {
  if (!isSameOrigin(request)) return uploadError(NOT_SAME_ORIGIN, 403);
  try {
    const form = await readUploadForm(request);
    const crop = cropSchema.safeParse(form.fields);
    if (!crop.success) {
      return uploadError("The crop area must be three whole numbers of pixels.", 400);
    }
    const result = await setAvatar(user, form.file, crop.data);
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof UploadRefused) return refusalResponse(error);
    throw error;
  }
});

export const DELETE = routeHandler(OPTIONS, async ({ request, user }) => {
  if (!isSameOrigin(request)) return uploadError(NOT_SAME_ORIGIN, 403);
  return NextResponse.json(await removeAvatar(user), { headers: { "Cache-Control": "no-store" } });
});
