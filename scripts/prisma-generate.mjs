// Runs `prisma generate` without network access. Prisma 7's CLI tries to download its native
// schema engine on every command, even though `generate` never uses it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing executable skips that download.
// See docs/decisions/002-offline-migrations.md.
// The second generator (prisma-kysely, docs/decisions/015-typed-sql.md) is a bin that Prisma
// finds on PATH, so node_modules/.bin goes first even when this runs outside an npm script.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PATH: [path.join(import.meta.dirname, "..", "node_modules", ".bin"), process.env.PATH]
      .filter(Boolean)
      .join(path.delimiter),
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
