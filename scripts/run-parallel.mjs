// `node scripts/run-parallel.mjs typecheck lint format:check`: runs those npm scripts at the
// same time (each is single-threaded, and CI has more than one core), prints each one's
// output as a block when it ends, and fails if any of them failed.
import { spawn } from "node:child_process";

const npm = process.env.npm_execpath
  ? [process.execPath, process.env.npm_execpath]
  : [process.platform === "win32" ? "npm.cmd" : "npm"];

function runScript(name) {
  const started = Date.now();
  const child = spawn(npm[0], [...npm.slice(1), "run", "--silent", name], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.on("error", (error) => (output += `${error.message}\n`));
    child.on("close", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? "passed" : `failed (exit ${code})`;
      process.stdout.write(`\n> npm run ${name}: ${verdict} in ${seconds}s\n${output}`);
      resolve(code === 0);
    });
  });
}

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error("usage: node scripts/run-parallel.mjs <npm script>...");
  process.exit(2);
}
const results = await Promise.all(names.map(runScript));
process.exit(results.every(Boolean) ? 0 : 1);
