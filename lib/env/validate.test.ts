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
});
