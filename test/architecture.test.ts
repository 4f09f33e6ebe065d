// The shape of lib/ (docs/architecture.md), checked over the real tree: the import rule that
// eslint enforces file by file, and what no single file can show — that no two domains depend
// on each other, directly or round a longer loop.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { boundaryProblem } from "../eslint/import-boundaries.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const check: (from: string, to: string) => string | null = boundaryProblem;

function libSources(): string[] {
  return readdirSync(path.join(ROOT, "lib"), { recursive: true, encoding: "utf8" })
    .map((file) => `lib/${file.split(path.sep).join("/")}`)
    .filter((file) => /\.(tsx?|mjs|cjs)$/.test(file) && !file.startsWith("lib/generated/"))
    .filter((file) => !/\.test\.tsx?$/.test(file));
}

/** Repo-relative paths this file imports (through "@/" or a relative path). */
function importsOf(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map(
    (match) => match[1]!,
  );
  return specifiers.flatMap((specifier) => {
    if (specifier.startsWith("@/")) return [specifier.slice(2)];
    if (specifier.startsWith(".")) return [path.posix.join(path.posix.dirname(file), specifier)];
    return [];
  });
}

const domainOf = (file: string) => file.split("/")[1]!;

function domainGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of libSources()) {
    const from = domainOf(file);
    for (const target of importsOf(file)) {
      if (!target.startsWith("lib/")) continue;
      const to = domainOf(target);
      if (to === from || to === "generated") continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** One loop of domains, e.g. ["a", "b", "a"], or null when the graph has none. */
function findLoop(graph: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const visit = (node: string, trail: string[]): string[] | null => {
    if (trail.includes(node)) return [...trail.slice(trail.indexOf(node)), node];
    if (done.has(node)) return null;
    for (const next of graph.get(node) ?? []) {
      const loop = visit(next, [...trail, node]);
      if (loop) return loop;
    }
    done.add(node);
    return null;
  };
  for (const node of graph.keys()) {
    const loop = visit(node, []);
    if (loop) return loop;
  }
  return null;
}

describe("the import rule", () => {
  it.each([
    ["lib/posts/posts.ts", "app/(app)/posts/page", "never imports app/"],
    ["lib/posts/posts.ts", "components/posts/post-card", "never imports components/"],
    ["lib/core/db/client.ts", "lib/posts/queries", "imports only the core"],
    ["lib/sessions/rsvp.ts", "lib/posts/posts", "only its access, queries"],
    ["lib/sessions/rsvp.ts", "lib/notifications/mark-read", "or notify"],
  ])("refuses %s → %s", (from, to, words) => {
    expect(check(from, to)).toContain(words);
  });

  it.each([
    ["lib/posts/posts.ts", "lib/core/db/client"],
    ["lib/posts/posts.ts", "lib/generated/prisma/client"],
    ["lib/posts/posts.ts", "lib/posts/schemas"],
    ["lib/sessions/after/publish.ts", "lib/sessions/limits"],
    ["lib/sessions/rsvp.ts", "lib/posts/access"],
    ["lib/sessions/rsvp.ts", "lib/posts/queries"],
    ["lib/discussions/schemas.ts", "lib/tags/schemas"],
    ["lib/sessions/rsvp.ts", "lib/notifications/notify"],
    ["lib/posts/posts.test.ts", "lib/discussions/create-discussion"],
    ["app/(app)/page.tsx", "lib/posts/posts"],
  ])("allows %s → %s", (from, to) => {
    expect(check(from, to)).toBeNull();
  });

  it("holds for every import in lib/", () => {
    const problems = libSources().flatMap((file) =>
      importsOf(file).flatMap((target) => {
        const problem = check(file, target);
        return problem ? [`${file} → ${target}: ${problem}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });
});

describe("dependencies between domains", () => {
  it("finds a loop when there is one", () => {
    const graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
    ]);
    expect(findLoop(graph)).toEqual(["a", "b", "c", "a"]);
  });

  it("run one way only: no two domains import each other, directly or round a loop", () => {
    const graph = domainGraph();
    expect(graph.size).toBeGreaterThan(10);
    expect(graph.get("core") ?? new Set()).toEqual(new Set());
    expect(findLoop(graph)).toBeNull();
  });
});
