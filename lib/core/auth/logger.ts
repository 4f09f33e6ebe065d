// Auth.js's logger. A refused password sign-in is routine (a typo, a lock), not a fault: one
// line with its reason, no stack trace. Every other error keeps its stack.
import type { NextAuthConfig } from "next-auth";

function isRefusedSignIn(error: Error): error is Error & { code?: string } {
  return (error as { type?: string }).type === "CredentialsSignin";
}

export const authLogger: NextAuthConfig["logger"] = {
  error(error: Error) {
    if (isRefusedSignIn(error)) {
      console.warn(`[auth] password sign-in refused: ${error.code ?? "invalid"}`);
      return;
    }
    console.error("[auth][error]", error);
  },
};
