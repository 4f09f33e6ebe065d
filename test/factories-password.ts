// The password every test member signs in with, and its real argon2id hash: hashed once per
// run by global-setup (an argon2 hash costs tens of milliseconds of CPU) instead of once in
// every test file's process.
import { inject } from "vitest";
import { hashPassword } from "@/lib/core/auth/password";

export const TEST_PASSWORD = "correct horse battery";

let passwordHash: Promise<string> | undefined;

/** The run's hash of TEST_PASSWORD (hashed here if global-setup did not provide one). */
export function testPasswordHash(): Promise<string> {
  const provided = inject("testPasswordHash");
  passwordHash ??= provided ? Promise.resolve(provided) : hashPassword(TEST_PASSWORD);
  return passwordHash;
}

declare module "vitest" {
  export interface ProvidedContext {
    testPasswordHash: string;
  }
}
