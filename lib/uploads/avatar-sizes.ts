// Client-safe (no zod, no server imports): the sizes a profile photo is stored in, and the
// address of the one to show at a given size.

/** Square widths, in pixels, a profile photo is stored in (largest first). */
export const AVATAR_SIZES = [256, 96, 48] as const;
export type AvatarSize = (typeof AVATAR_SIZES)[number];

/** The stored size to send for a photo shown `displayPx` wide: the smallest one that is sharp at 2×. */
export function avatarVariantFor(displayPx: number): AvatarSize {
  const wanted = displayPx * 2;
  const fitting = [...AVATAR_SIZES].reverse().find((size) => size >= wanted);
  return fitting ?? AVATAR_SIZES[0];
}

/** The address of a profile photo, shown `displayPx` wide. Served by app/files/[id]/route.ts. */
export function avatarUrl(avatarId: string, displayPx: number): string {
  return `/files/${avatarId}?w=${avatarVariantFor(displayPx)}`;
}

/** Up to two initials of a name ("Ada Lovelace" → "AL"; "Plato" → "P"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = [words[0], words.length > 1 ? words[words.length - 1] : undefined]
    .filter((word): word is string => Boolean(word))
    .map((word) => Array.from(word)[0]!.toLocaleUpperCase());
  return letters.join("") || "?";
}
