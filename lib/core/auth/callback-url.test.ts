// The post-sign-in destination, input that ends up in a header: a callbackUrl with a line feed
// or an ideographic space made sign-in answer 500 ("Invalid character in header content").
// Whatever arrives, the path used is on this site and can go into a Location header as it is.
import { validateHeaderValue } from "node:http";
import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInSchema } from "./schemas";

/** What Node.js checks before sending a header: throws on characters a header cannot hold. */
const headerSafe = (value: string) => {
  validateHeaderValue("Location", value);
  return value;
};

describe("safeCallbackPath", () => {
  it("gives / for other sites and anything that is not a path", () => {
    for (const value of [
      undefined,
      null,
      "",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/a/../..//evil.example",
      "javascript:alert(1)",
      " /leading-space",
      `/${"x".repeat(2001)}`,
    ]) {
      expect(safeCallbackPath(value)).toBe("/");
    }
  });

  it("gives / for a line feed, a carriage return, a NUL or any control character", () => {
    for (const value of [
      "/account\nSet-Cookie: a=b",
      "/account\r\nLocation: https://evil.example",
      "/account\u0000",
      "/account\t",
      "/account\u007f",
      "/account\u0085",
      "/account\u2028",
    ]) {
      expect(safeCallbackPath(value)).toBe("/");
    }
  });

  it("keeps paths on this site, percent-encoding what a header cannot hold (U+3000, accents…)", () => {
    for (const path of [
      "/",
      "/sessions/cm0abc?when=past",
      "/tags/c%23",
      "/search?q=a%20b#results",
      "/posts/x?callbackUrl=%2F",
    ]) {
      expect(headerSafe(safeCallbackPath(path))).toBe(path);
    }
    expect(headerSafe(safeCallbackPath("/search?q=\u3000"))).toBe("/search?q=%E3%80%80");
    expect(headerSafe(safeCallbackPath("/tags/caf\u00e9"))).toBe("/tags/caf%C3%A9");
    expect(headerSafe(safeCallbackPath("/search?q=a b#\u3000"))).toBe("/search?q=a%20b#%E3%80%80");
    expect(headerSafe(safeCallbackPath("/\u3000"))).toBe("/%E3%80%80");
    expect(headerSafe(safeCallbackPath("/x?q=🎉"))).toBe("/x?q=%F0%9F%8E%89");
  });

  it("is the sign-in form's reading of its hidden field: never an error, always header-safe", () => {
    for (const callbackUrl of ["/account\n", "/search?q=\u3000", "https://evil.example", "/ok"]) {
      const parsed = signInSchema.safeParse({
        email: "person@example.com",
        password: "secret",
        callbackUrl,
      });
      expect(parsed.success).toBe(true);
      expect(headerSafe(parsed.data!.callbackUrl)).toMatch(/^\/(?!\/)/);
    }
    expect(signInSchema.parse({ email: "a@example.com", password: "x" }).callbackUrl).toBe("/");
  });
});
