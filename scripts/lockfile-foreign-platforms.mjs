// Adds lock entries for other platforms' optional native packages (Next's SWC, Tailwind's
// oxide, ...). The npm registry mirror on our build machines serves only linux-x64 builds,
// so `npm install` there leaves those entries out, and `npm ci` then refuses the lock as out
// of sync. Run after `npm install` changes package-lock.json:
//   node scripts/lockfile-foreign-platforms.mjs
import { readFileSync, writeFileSync } from "node:fs";

const PLATFORM = [
  [/android/, "android"],
  [/darwin/, "darwin"],
  [/freebsd/, "freebsd"],
  [/openharmony/, "openharmony"],
  [/win32/, "win32"],
  [/linux/, "linux"],
  [/wasm32|wasi/, null],
];
const CPU = [
  [/arm64|aarch64/, "arm64"],
  [/arm-|armv7|gnueabihf|musleabihf|arm-eabi/, "arm"],
  [/x64/, "x64"],
  [/ia32/, "ia32"],
  [/loong64/, "loong64"],
  [/ppc64/, "ppc64"],
  [/riscv64/, "riscv64"],
  [/s390x/, "s390x"],
  [/wasm32/, "wasm32"],
];

const match = (table, name) => table.find(([re]) => re.test(name))?.[1];

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const os = match(PLATFORM, name);
    const cpu = match(CPU, name);
    lock.packages[key] = {
      version,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(os ? { os: [os] } : {}),
      optional: true,
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === "" ? -1 : b === "" ? 1 : a.localeCompare(b),
  ),
);
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`Added ${added} foreign-platform optional entries.`);
