// Auth.js decrypts the session cookie on every request (HKDF key derivation, JWK thumbprint,
// AES-CBC and HMAC through WebCrypto): a large part of the CPU time of a signed-in page.
// The result depends only on the token, the salt (the cookie's name) and the secret, so we
// remember it per token, with Auth.js's own `decode` doing the work on a miss. Time is the
// one other input: the expiry (and not-before) checks are repeated on every hit, with the
// same 15 s clock tolerance Auth.js gives jose. Failures are never remembered.
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/** Auth.js's decode() accepts a token up to this many seconds past its expiry. */
const CLOCK_TOLERANCE_S = 15;
const MAX_ENTRIES = 1000;

export function createDecodeCache(
  options: {
    decode?: (params: JWTDecodeParams) => Promise<JWT | null>;
    maxEntries?: number;
    now?: () => number;
  } = {},
) {
  const inner = options.decode ?? decode;
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const nowMs = options.now ?? Date.now;
  // Insertion order doubles as recency order: a hit is moved to the end.
  const entries = new Map<string, JWT>();
  // The secret is fixed for the life of the process; should another ever be passed, start over.
  let boundSecret: string | undefined;

  function usable(payload: JWT): boolean {
    const now = Math.floor(nowMs() / 1000);
    const exp = typeof payload.exp === "number" ? payload.exp : undefined;
    const nbf = typeof payload.nbf === "number" ? payload.nbf : undefined;
    // No expiry at all: not worth reasoning about, let Auth.js decide every time.
    if (exp === undefined) return false;
    if (exp <= now - CLOCK_TOLERANCE_S) return false;
    if (nbf !== undefined && nbf > now + CLOCK_TOLERANCE_S) return false;
    return true;
  }

  return async function cachedDecode(params: JWTDecodeParams): Promise<JWT | null> {
    const { token, salt } = params;
    if (!token) return inner(params);
    const secret = Array.isArray(params.secret) ? params.secret.join("\0") : params.secret;
    if (secret !== boundSecret) {
      entries.clear();
      boundSecret = secret;
    }
    const key = `${salt}\0${token}`;
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      if (usable(hit)) {
        entries.set(key, hit);
        return { ...hit };
      }
    }
    const payload = await inner(params);
    if (payload && usable(payload)) {
      entries.set(key, { ...payload });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
    return payload;
  };
}
