import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const TEST_FILES = [
  // Tests beside route handlers and pages, where that is their natural home.
  "app/**/*.test.ts",
  "lib/**/*.test.ts",
  "test/**/*.test.ts",
  "prisma/**/*.test.ts",
  "scripts/**/*.test.ts",
  // Component tests: each file opts into the DOM with `// @vitest-environment happy-dom`
  // on its first line; everything else stays in node.
  "components/**/*.test.tsx",
];

/**
 * What makes a test file unsafe to share a process with others: it replaces modules
 * (vi.mock and friends) or changes the environment, both of which would leak into every file
 * that runs after it in the same worker.
 */
const CHANGES_ITS_PROCESS =
  /vi\.(mock|doMock|hoisted|stubEnv|stubGlobal|resetModules)\(|process\.env\.[A-Z_]+ *(=[^=]|\?\?=)|delete process\.env/;

const root = import.meta.dirname;
const TEST_FILE = /\.test\.tsx?$/;
const GLOB_SYNTAX = /[()[\]{}*?!]/g;
const isolatedFiles = ["app", "lib", "test", "prisma", "scripts", "components"]
  .flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => TEST_FILE.test(file))
      .map((file) => path.join(dir, file)),
  )
  .filter((file) => CHANGES_ITS_PROCESS.test(readFileSync(path.join(root, file), "utf8")))
  // Used as glob patterns below, so brackets in route folders are escaped.
  .map((file) => file.replace(GLOB_SYNTAX, "\\$&"));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Server-only modules are imported directly by tests; the guard is for bundles.
      "server-only": path.resolve(root, "test/server-only-stub.ts"),
    },
  },
  test: {
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    pool: "forks",
    // Test files spend much of their time waiting on the database, so at least two run at
    // once: Vitest's default (cores - 1) ran the whole suite one file at a time on 2 cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        // Most files only read and write the database: they share a worker process and its
        // loaded modules (importing the app afresh for each file was half the suite's time).
        test: { name: "shared", include: TEST_FILES, exclude: isolatedFiles, isolate: false },
      },
      {
        extends: true,
        test: { name: "isolated", include: isolatedFiles, isolate: true },
      },
    ],
  },
});
