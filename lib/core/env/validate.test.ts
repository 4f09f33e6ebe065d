import { describe, expect, it } from "vitest";
import { validateEnvironment } from "./validate.cjs";

describe("validateEnvironment", () => {
  it("accepts a minimal development environment", () => {
    expect(validateEnvironment({ NODE_ENV: "development" }).NODE_ENV).toBe("development");
  });

  it("lists every missing or malformed variable in one message", () => {
    let message = "";
    try {
      validateEnvironment(
        {
          DATABASE_URL: "mysql://nope",
          AUTH_SECRET: "short",
          OIDC_ISSUER: "https://idp.example.com",
        },
        { requireRuntime: true },
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(message).toContain("AUTH_SECRET: must be at least 32 characters");
    expect(message).toContain("OIDC_CLIENT_ID: is required when single sign-on is configured");
    expect(message).toContain("OIDC_CLIENT_SECRET: is required when single sign-on is configured");
  });

  it("requires the database and secret only for a running server", () => {
    expect(() => validateEnvironment({})).not.toThrow();
    expect(() => validateEnvironment({}, { requireRuntime: true })).toThrow(
      /DATABASE_URL: is required[\s\S]*AUTH_SECRET: is required/,
    );
  });

  it("treats empty strings as unset", () => {
    expect(() => validateEnvironment({ OIDC_ISSUER: "", OIDC_CLIENT_ID: "" })).not.toThrow();
  });

  it("reads TRUSTED_PROXIES as a hop count or a list of addresses and CIDR ranges", () => {
    expect(validateEnvironment({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toEqual({ hops: 2 });
    expect(
      validateEnvironment({ TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.7 2001:db8::/32" })
        .TRUSTED_PROXIES,
    ).toEqual({
      ranges: [
        { address: "10.0.0.0", prefix: 8, family: "ipv4" },
        { address: "192.0.2.7", prefix: 32, family: "ipv4" },
        { address: "2001:db8::", prefix: 32, family: "ipv6" },
      ],
    });
    expect(validateEnvironment({}).TRUSTED_PROXIES).toBeUndefined();
  });

  it("refuses a TRUSTED_PROXIES it cannot read, naming the bad entry", () => {
    for (const [value, message] of [
      ["0", /TRUSTED_PROXIES: a hop count must be between 1 and 10/],
      ["10.0.0.0/33", /TRUSTED_PROXIES: "10.0.0.0\/33" is not an IP address or CIDR range/],
      ["proxy.internal", /"proxy.internal" is not an IP address/],
      ["1, 2", /"1" is not an IP address/],
    ] as const) {
      expect(() => validateEnvironment({ TRUSTED_PROXIES: value })).toThrow(message);
    }
  });

  it("reads the mail settings: SMTP_URL needs MAIL_FROM, and both must be well formed", () => {
    expect(
      validateEnvironment({
        SMTP_URL: "smtps://user:secret@mail.example.com:465",
        MAIL_FROM: "Acme Learning <learning@acme.example>",
      }),
    ).toMatchObject({ SMTP_URL: "smtps://user:secret@mail.example.com:465" });
    expect(validateEnvironment({ MAIL_FROM: "learning@acme.example" }).MAIL_FROM).toBe(
      "learning@acme.example",
    );
    expect(() => validateEnvironment({ SMTP_URL: "smtp://mail.example.com" })).toThrow(
      /MAIL_FROM: is required when SMTP_URL is set/,
    );
    expect(() =>
      validateEnvironment({ SMTP_URL: "https://mail.example.com", MAIL_FROM: "a@b.example" }),
    ).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => validateEnvironment({ MAIL_FROM: "Acme <not an address>" })).toThrow(/MAIL_FROM/);
    expect(() =>
      validateEnvironment({ MAIL_FROM: "x@acme.example\r\nBcc: y@acme.example" }),
    ).toThrow(/MAIL_FROM/);
    expect(() => validateEnvironment({ WORKER: "maybe" })).toThrow(/WORKER/);
  });
});
