// The invitation mail needs the raw token, and only its hash is stored. Two ways were open:
// rotate the token inside the mail job (no secret in job data at all), or seal the raw token
// into the job's data. Rotating would silently kill the link the admin has just copied (the
// Invitation row holds one hash), and the copied link is the promised fallback when mail is
// slow or lost; so the token is sealed instead: AES-256-GCM, keyed from AUTH_SECRET by HKDF,
// so that the job row alone (a database copy) holds no usable link.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const INFO = "learning-commons/invitation-mail-token/v1";
const VERSION = "v1";

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: invitation mail cannot be sealed.");
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), INFO, 32));
}

/** `v1.<iv>.<ciphertext>.<tag>`, base64url parts. */
export function sealInvitationToken(token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [VERSION, iv, sealed, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The raw token, or null when the value was not sealed with this secret (or was altered). */
export function unsealInvitationToken(sealed: string): string | null {
  const [version, iv, data, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !data || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(data, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
