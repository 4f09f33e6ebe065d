// Demo profile photos: every second demo member gets an abstract portrait (a head and
// shoulders on a tint), stored exactly as an uploaded photo is, so the demo shows faces next
// to initials. Idempotent: a member who has a photo keeps it.
import sharp from "sharp";
import type { Database } from "@/lib/core/db/create-client";
import { prepareAvatar } from "@/lib/uploads/processing";
import { writeUpload } from "@/lib/uploads/store";

const PALETTES = [
  ["#bae6fd", "#0369a1"],
  ["#bbf7d0", "#047857"],
  ["#fde68a", "#b45309"],
  ["#fecdd3", "#be123c"],
  ["#ddd6fe", "#6d28d9"],
] as const;

/** A 512 px square portrait silhouette in one of the palettes. */
export function portraitSvg(index: number): string {
  const [background, figure] = PALETTES[index % PALETTES.length]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="${background}"/>
  <circle cx="256" cy="200" r="96" fill="${figure}"/>
  <ellipse cx="256" cy="470" rx="180" ry="150" fill="${figure}"/>
</svg>`;
}

export async function seedDemoAvatars(db: Database, emails: readonly string[]): Promise<number> {
  let added = 0;
  for (const [index, email] of emails.entries()) {
    if (index % 2 === 1) continue;
    const member = await db.user.findUnique({
      where: { email },
      select: { id: true, avatarId: true },
    });
    if (!member || member.avatarId) continue;
    const png = await sharp(Buffer.from(portraitSvg(index)))
      .png()
      .toBuffer();
    const prepared = await prepareAvatar(png, "portrait.png");
    await writeUpload(db, member.id, prepared, async (tx, upload) => {
      await tx.user.update({ where: { id: member.id }, data: { avatarId: upload.id } });
    });
    added++;
  }
  return added;
}
