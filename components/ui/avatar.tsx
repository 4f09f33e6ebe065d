import { avatarUrl, initialsOf } from "@/lib/uploads/avatar-sizes";

/** The sizes in use, each with its `.avatar-<px>` class (size and initials' font). */
export type AvatarSize = 20 | 24 | 28 | 32 | 40 | 48 | 96;

interface AvatarProps {
  name: string;
  /** The member's profile photo (User.avatarId), or null to show initials. */
  avatarId: string | null | undefined;
  /** Display width and height in CSS pixels: one of the sizes globals.css has a class for. */
  size?: AvatarSize;
  className?: string;
}

/**
 * A member's face: their profile photo, or their initials on a tint chosen from the name.
 * Decorative (empty alt, aria-hidden) because the name is always written next to it.
 */
export function Avatar({ name, avatarId, size = 24, className = "" }: AvatarProps) {
  // Sized by a class, not inline: a thread or list carries each avatar twice (HTML and RSC).
  const sized = `avatar avatar-${size} ${className}`;
  if (avatarId)
    return (
      // eslint-disable-next-line @next/next/no-img-element -- served by our own access-checked route
      <img
        src={avatarUrl(avatarId, size)}
        alt=""
        aria-hidden="true"
        width={size}
        height={size}
        loading="lazy"
        decoding="async"
        className={sized}
      />
    );
  return (
    <span aria-hidden="true" className={`${sized} avatar-initials avatar-tint-${tintOf(name)}`}>
      {initialsOf(name)}
    </span>
  );
}

const TINTS = 6;

/** The initials' tint, chosen from the name so a member has the same colour everywhere. */
function tintOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % TINTS;
}

const FACE_PX = 24;

/**
 * A list row's small face (24 px, sized by the `.face` class): lighter than <Avatar>, whose
 * inline sizes a row of five would repeat. The row names the people next to the faces.
 */
export function Face({ member }: { member: { name: string; avatarId: string | null } }) {
  if (member.avatarId)
    return (
      // eslint-disable-next-line @next/next/no-img-element -- served by our own access-checked route
      <img src={avatarUrl(member.avatarId, FACE_PX)} alt="" className="face" loading="lazy" />
    );
  return (
    <span className={`face avatar-tint-${tintOf(member.name)}`}>{initialsOf(member.name)}</span>
  );
}
