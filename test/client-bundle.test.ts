// What the browser downloads: client components ("use client") must not pull zod (30 kB
// gzipped) into the page's JavaScript through a module that also declares schemas. The
// check follows each client file's static value imports through the repo; a "use server"
// module is a reference to the server, not code sent to the browser, so it is not followed,
// nor are dynamic imports (their own chunk, loaded on demand).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const SERVER_ONLY_PACKAGES = ["zod"];

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .map((file) => `${dir}/${file.split(path.sep).join("/")}`)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));
}

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const directive = (source: string) => source.match(/^\s*["']use (client|server)["']/)?.[1];

/** Static imports that bring values (not `import type`), as their specifiers. */
function valueImports(source: string): string[] {
  return [...source.matchAll(/^import\s+(?!type\s)([^;]*?)\s*from\s*["']([^"']+)["']/gms)]
    .filter(([, clause]) => !/^\{\s*(type\s+\w+\s*,?\s*)+\}$/.test(clause!.trim()))
    .map((match) => match[2]!)
    .concat([...source.matchAll(/^import\s*["']([^"']+)["']/gm)].map((match) => match[1]!));
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.posix.join(path.posix.dirname(from), specifier)
      : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(path.join(ROOT, candidate))) return candidate;
  }
  return null;
}

/** The chain of files from `file` to an import of a server-only package, or null. */
export function pathToServerOnlyPackage(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  const source = read(file);
  if (seen.size > 1 && directive(source) === "server") return null;
  for (const specifier of valueImports(source)) {
    if (SERVER_ONLY_PACKAGES.includes(specifier)) return [file, specifier];
    const target = resolve(file, specifier);
    const rest = target && pathToServerOnlyPackage(target, seen);
    if (rest) return [file, ...rest];
  }
  return null;
}

describe("client components' JavaScript", () => {
  it("finds the way to zod from a module that declares a schema", () => {
    expect(pathToServerOnlyPackage("lib/discussions/reactions/schemas.ts")).toEqual([
      "lib/discussions/reactions/schemas.ts",
      "zod",
    ]);
  });

  it("holds no zod: no client component reaches it through a value import", () => {
    const clientFiles = [...sourcesUnder("components"), ...sourcesUnder("app")].filter(
      (file) => directive(read(file)) === "client",
    );
    expect(clientFiles.length).toBeGreaterThan(30);
    const problems = clientFiles
      .map((file) => pathToServerOnlyPackage(file))
      .filter((chain): chain is string[] => chain !== null)
      .map((chain) => chain.join(" → "));
    expect(problems).toEqual([]);
  });
});
