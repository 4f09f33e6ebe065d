// Runs once when a Next.js server starts: refuse to start with a bad environment, then resume
// any chat-webhook deliveries that were waiting when the previous server stopped.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { validateEnvironment } = await import("./lib/core/env/validate.cjs");
  validateEnvironment(process.env, { requireRuntime: true });
  const { deliverPendingSoon } = await import("./lib/recognition/webhook");
  deliverPendingSoon();
}
