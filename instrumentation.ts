// Runs once when a Next.js server starts: refuse to start with a bad environment.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { validateEnvironment } = await import("./lib/env/validate.cjs");
  validateEnvironment(process.env, { requireRuntime: true });
}
