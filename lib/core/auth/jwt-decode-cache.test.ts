import { describe, expect, it } from "vitest";
import { encode, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { createDecodeCache } from "./jwt-decode-cache";

const SECRET = "test-secret-test-secret-test-secret-0123";
const SALT = "authjs.session-token";

function counting(decode: (p: JWTDecodeParams) => Promise<JWT | null>) {
  const calls = { n: 0 };
  return {
    calls,
    decode: async (p: JWTDecodeParams) => {
      calls.n++;
      return decode(p);
    },
  };
}

describe("createDecodeCache", () => {
  it("decodes a real Auth.js token once, then answers from memory with a copy", async () => {
    const { decode } = await import("next-auth/jwt");
    const inner = counting(decode);
    const cached = createDecodeCache({ decode: inner.decode });
    const token = await encode({ token: { sub: "u1", sv: 3 }, secret: SECRET, salt: SALT });

    const first = await cached({ token, secret: SECRET, salt: SALT });
    const second = await cached({ token, secret: SECRET, salt: SALT });
    expect(first).toMatchObject({ sub: "u1", sv: 3 });
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(inner.calls.n).toBe(1);

    // Mutating what was returned does not change what the next caller gets.
    second!.sub = "someone-else";
    expect(await cached({ token, secret: SECRET, salt: SALT })).toMatchObject({ sub: "u1" });
  });

  it("keys on the salt (cookie name) and the secret as well as the token", async () => {
    const inner = counting(async ({ salt }) => ({ sub: salt, exp: 4_000_000_000 }));
    const cached = createDecodeCache({ decode: inner.decode });
    await cached({ token: "t", secret: SECRET, salt: "a" });
    expect(await cached({ token: "t", secret: SECRET, salt: "b" })).toMatchObject({ sub: "b" });
    await cached({ token: "t", secret: "another-secret", salt: "a" });
    expect(inner.calls.n).toBe(3);
  });

  it("never remembers a failure or a rejected token", async () => {
    const inner = counting(async ({ token }) => {
      if (token === "bad") throw new Error("invalid");
      return null;
    });
    const cached = createDecodeCache({ decode: inner.decode });
    await expect(cached({ token: "bad", secret: SECRET, salt: SALT })).rejects.toThrow();
    await expect(cached({ token: "bad", secret: SECRET, salt: SALT })).rejects.toThrow();
    expect(await cached({ token: "null", secret: SECRET, salt: SALT })).toBeNull();
    expect(await cached({ token: "null", secret: SECRET, salt: SALT })).toBeNull();
    expect(inner.calls.n).toBe(4);
  });

  it("re-checks expiry on every hit, with Auth.js's 15 s tolerance", async () => {
    let now = 1_000_000_000_000;
    const exp = now / 1000 + 60;
    const inner = counting(async () => ({ sub: "u1", exp }));
    const cached = createDecodeCache({ decode: inner.decode, now: () => now });
    await cached({ token: "t", secret: SECRET, salt: SALT });
    now += 70_000; // 10 s past expiry: still within the tolerance
    await cached({ token: "t", secret: SECRET, salt: SALT });
    expect(inner.calls.n).toBe(1);
    now += 10_000; // 20 s past expiry: Auth.js decides again (and would reject it)
    await cached({ token: "t", secret: SECRET, salt: SALT });
    expect(inner.calls.n).toBe(2);
  });

  it("does not remember tokens without an expiry, or not yet valid", async () => {
    const now = 1_000_000_000_000;
    const inner = counting(async ({ token }) =>
      token === "no-exp"
        ? { sub: "u1" }
        : { sub: "u1", exp: now / 1000 + 600, nbf: now / 1000 + 60 },
    );
    const cached = createDecodeCache({ decode: inner.decode, now: () => now });
    for (const token of ["no-exp", "no-exp", "nbf", "nbf"])
      await cached({ token, secret: SECRET, salt: SALT });
    expect(inner.calls.n).toBe(4);
  });

  it("holds at most maxEntries tokens, dropping the least recently used", async () => {
    const inner = counting(async ({ token }) => ({ sub: token, exp: 4_000_000_000 }));
    const cached = createDecodeCache({ decode: inner.decode, maxEntries: 2 });
    const get = (token: string) => cached({ token, secret: SECRET, salt: SALT });
    await get("a");
    await get("b");
    await get("a"); // a is now the most recent
    await get("c"); // evicts b
    expect(inner.calls.n).toBe(3);
    await get("a");
    expect(inner.calls.n).toBe(3);
    await get("b");
    expect(inner.calls.n).toBe(4);
  });
});
