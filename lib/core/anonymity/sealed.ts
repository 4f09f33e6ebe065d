// Anonymous answers wait, sealed, beside the receipt of the member who gave them, until they
// are released all together (docs/decisions/012-anonymity.md). Sealed means AES-256-GCM
// under a key derived from AUTH_SECRET, which is not in the database, and padded to one fixed
// length per form, so that neither the content nor its length can be read from a dump.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/core/env";

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_INFO = "learning-commons/sealed-answers/v1";

function key(): Buffer {
  const secret = env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is needed to seal anonymous answers.");
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), KEY_INFO, 32));
}

/**
 * The padded plaintext: the JSON, then spaces up to `length` UTF-16 code units, stored as
 * UTF-16 so that every character takes two bytes whatever it is.
 */
function pad(json: string, length: number): Buffer {
  if (json.length > length) throw new Error("A sealed answer is longer than its form allows.");
  return Buffer.from(json.padEnd(length, " "), "utf16le");
}

/** Seals `value` as JSON padded to `length` characters: the result's size depends on `length` only. */
export function seal(value: unknown, length: number): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(pad(JSON.stringify(value), length)), cipher.final()]);
  const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]);
  return new Uint8Array(sealed);
}

/** Opens a sealed value; null when it cannot be opened (a changed AUTH_SECRET, or tampering). */
export function unseal(sealed: Uint8Array): unknown {
  try {
    const buffer = Buffer.from(sealed);
    const decipher = createDecipheriv("aes-256-gcm", key(), buffer.subarray(0, IV_BYTES));
    decipher.setAuthTag(buffer.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const body = Buffer.concat([
      decipher.update(buffer.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(body.toString("utf16le"));
  } catch {
    return null;
  }
}
