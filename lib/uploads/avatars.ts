// A member's profile photo: cropped to a square and stored at every avatar size. A new photo
// replaces the old one; the old row goes in the same transaction that sets User.avatarId,
// and its bytes right after it commits.
import type { Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import { prepareAvatar, type CropBox } from "./processing";
import { countUploadAttempt, storePrepared } from "./uploads";
import { deleteBlobs, keysOf } from "./store";

/** Points the member at `avatarId` (or none); deletes the previous photo's row, returns its keys. */
async function replaceAvatar(
  tx: TransactionClient,
  userId: string,
  avatarId: string | null,
): Promise<string[]> {
  await rows(tx, sqlb.selectFrom("User").select("id").where("id", "=", userId).forUpdate());
  const member = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { avatar: { select: { id: true, storageKey: true, kind: true, variants: true } } },
  });
  await tx.user.update({ where: { id: userId }, data: { avatarId }, select: { id: true } });
  if (!member.avatar || member.avatar.id === avatarId) return [];
  await tx.upload.delete({ where: { id: member.avatar.id } });
  return keysOf(member.avatar);
}

/** Stores a new profile photo (throws UploadRefused with the sentence to show). */
export async function setAvatar(
  actor: Pick<Actor, "id">,
  file: { name: string; bytes: Buffer },
  crop?: CropBox,
): Promise<{ avatarId: string }> {
  await countUploadAttempt(actor);
  const prepared = await prepareAvatar(file.bytes, file.name, crop);
  let replaced: string[] = [];
  const stored = await storePrepared(actor.id, prepared, async (tx, upload) => {
    replaced = await replaceAvatar(tx, actor.id, upload.id);
  });
  await deleteBlobs(replaced);
  return { avatarId: stored.id };
}

/** Removes the member's profile photo; initials show instead. */
export async function removeAvatar(actor: Pick<Actor, "id">): Promise<{ avatarId: null }> {
  const replaced = await db.$transaction((tx) => replaceAvatar(tx, actor.id, null));
  await deleteBlobs(replaced);
  return { avatarId: null };
}
