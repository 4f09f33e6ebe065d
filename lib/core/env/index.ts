import "server-only";
import { validateEnvironment } from "./validate.cjs";

/** Server environment, validated once per process. */
export const env = validateEnvironment(process.env, {
  requireRuntime: process.env.NEXT_PHASE !== "phase-production-build",
});

export const oidcConfigured = Boolean(
  env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET,
);
