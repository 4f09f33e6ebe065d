import { afterEach, describe, expect, it, vi } from "vitest";
// next-auth re-exports this class; importing next-auth itself needs a Next.js server.
import { CredentialsSignin } from "@auth/core/errors";
import { authLogger } from "./logger";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

afterEach(() => vi.restoreAllMocks());

describe("authLogger", () => {
  it("logs a refused password sign-in as one line with its reason and no stack", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    authLogger!.error!(new RateLimited());
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    const line = warn.mock.calls[0]!.join(" ");
    expect(line).toBe("[auth] password sign-in refused: rate_limited");
  });

  it("keeps other errors whole", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new Error("database unreachable");
    authLogger!.error!(failure);
    expect(error).toHaveBeenCalledWith("[auth][error]", failure);
  });
});
