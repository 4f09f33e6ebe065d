import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server-only modules are imported directly by tests; the guard is for bundles.
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: [
      // Tests beside route handlers and pages, where that is their natural home.
      "app/**/*.test.ts",
      "lib/**/*.test.ts",
      "test/**/*.test.ts",
      "prisma/**/*.test.ts",
      "scripts/**/*.test.ts",
      // Component tests: each file opts into the DOM with `// @vitest-environment happy-dom`
      // on its first line; everything else stays in node.
      "components/**/*.test.tsx",
    ],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    pool: "forks",
    // Test files spend much of their time waiting on the database, so at least two run at
    // once: Vitest's default (cores - 1) ran the whole suite one file at a time on 2 cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
