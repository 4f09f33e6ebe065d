// The import rules of lib/ (docs/architecture.md):
//   1. nothing in lib/ imports the app (app/) or the UI (components/);
//   2. the core (lib/core/) imports only itself and the generated Prisma client;
//   3. a domain (lib/<domain>/) imports the core, its own files, and from another domain only
//      that domain's public face: access (policy), queries (reads), schemas and limits (input
//      shapes), labels (words for its values), plus the few named entry points below.
// Tests are not domain code: they may set up state through any module.
import path from "node:path";

export const PUBLIC_MODULES = ["access", "queries", "schemas", "limits", "labels", "jobs"];

/** The other modules a domain offers other domains, each for a reason. */
export const ENTRY_POINTS = {
  // Writes another domain makes inside its own transaction.
  // Each member's email choices, and how a notification reads (the digest lists them too).
  notifications: ["notify", "preferences", "kinds"],
  mentions: ["mentions"],
  tags: ["resolve"],
  discussions: ["stats"],
  // Releasing a closed survey's sealed answers before any report reads them.
  surveys: ["sealed-answers"],
  // The pairing-health rule, also written as SQL for the insights figures.
  mentorship: ["health"],
  // The review date a new knowledge post gets (published session notes become posts).
  posts: ["review-dates"],
  // One session's .ics file, attached to session reminders.
  calendar: ["ics"],
  // The one rule for who reads a community's content, applied by every loader of discussions,
  // posts and sessions, and the forms' community field.
  communities: ["visibility", "posting-choice"],
  // Binding the writer's pending uploads to the content they save, inside its transaction.
  attachments: ["bind"],
};

const SHARED = new Set(["core", "generated"]);

/** `lib/<domain>/<rest>` of a repo-relative module path, or null outside lib/. */
function libParts(repoPath) {
  const parts = repoPath.split("/");
  if (parts[0] !== "lib" || parts.length < 3) return null;
  return {
    domain: parts[1],
    rest: parts
      .slice(2)
      .join("/")
      .replace(/\.(tsx?|mjs|cjs|js)$/, ""),
  };
}

/** The repo-relative path an import names, or null for packages. */
function importedPath(specifier, fromFile, root) {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) {
    return path
      .relative(root, path.resolve(path.dirname(fromFile), specifier))
      .split(path.sep)
      .join("/");
  }
  return null;
}

/** Why `fromPath` may not import `toPath`, or null when it may. */
export function boundaryProblem(fromPath, toPath) {
  const from = libParts(fromPath);
  if (!from || /\.test\.tsx?$/.test(fromPath)) return null;
  const top = toPath.split("/")[0];
  if (top === "app" || top === "components") {
    return `lib/ never imports ${top}/: move what both need into lib/.`;
  }
  const to = libParts(toPath);
  if (!to || to.domain === from.domain || SHARED.has(to.domain)) return null;
  if (from.domain === "core") {
    return `lib/core imports only the core: it may not depend on the ${to.domain} domain.`;
  }
  const name = path.posix.basename(to.rest);
  if (PUBLIC_MODULES.includes(name)) return null;
  if (ENTRY_POINTS[to.domain]?.includes(to.rest)) return null;
  return `lib/${from.domain} may import from lib/${to.domain} only its ${PUBLIC_MODULES.join(", ")}${
    ENTRY_POINTS[to.domain] ? ` or ${ENTRY_POINTS[to.domain].join(", ")}` : ""
  } modules, not ${to.rest}.`;
}

const rule = {
  meta: {
    type: "problem",
    docs: {
      description:
        "Keep lib/ layered: the core, domains, their public faces (docs/architecture.md).",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const fromPath = path.relative(root, context.filename).split(path.sep).join("/");
    if (!fromPath.startsWith("lib/")) return {};
    function check(node) {
      const specifier = node.source?.value;
      if (typeof specifier !== "string") return;
      const toPath = importedPath(specifier, context.filename, root);
      const problem = toPath && boundaryProblem(fromPath, toPath);
      if (problem) context.report({ node: node.source, message: problem });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const plugin = { rules: { "import-boundaries": rule } };
export default plugin;
