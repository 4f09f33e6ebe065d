import { describe, expect, it } from "vitest";
import { errorMessageOf, redactError } from "./redact";

describe("redactError", () => {
  it("blanks addresses, secrets in URLs and long tokens, and keeps the rest readable", () => {
    expect(
      redactError(
        "Can't send mail to ada@example.com: 535 auth failed at smtps://user:pa55@mail.acme.example:465/?x=1; reset link https://app.example/reset-password/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCd",
      ),
    ).toBe(
      "Can't send mail to [address]: 535 auth failed at smtps://mail.acme.example:465/… reset link https://app.example/…",
    );
  });

  it("folds lines and bounds the length", () => {
    const redacted = redactError(`line one\nline two\r\n${"word ".repeat(300)}`);
    expect(redacted).not.toMatch(/[\r\n]/);
    expect(redacted.length).toBeLessThanOrEqual(500);
  });

  it("reads the message out of pg-boss's stored error and never the stack", () => {
    expect(errorMessageOf({ message: "boom", stack: "Error: boom\n    at secret.ts:1" })).toBe(
      "boom",
    );
    expect(errorMessageOf(null)).toBe("The job failed without an error message.");
  });
});
