// Runs once when a Next.js server starts: refuse to start with a bad environment. (Chat-webhook
// deliveries are jobs now: the worker resumes them.)
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { validateEnvironment } = await import("./lib/core/env/validate.cjs");
  validateEnvironment(process.env, { requireRuntime: true });
}
