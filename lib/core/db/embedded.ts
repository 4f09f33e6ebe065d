// The embedded PostgreSQL: PGlite (Postgres compiled to WebAssembly) served over the
// Postgres wire protocol on a local port, so the app talks to it exactly as to a real
// server. See docs/decisions/001-embedded-database.md.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { EMBEDDED_URL_MARKER } from "./statement-names";

/** Where `npm run dev` / `npm start` keep the embedded database's files (and auth secret). */
export function embeddedDataDir(): string {
  return path.resolve(process.env.EMBEDDED_DATA_DIR || ".data");
}

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Refuses to open a data folder that another live process holds (two writers corrupt it). */
async function lockDataDir(dataDir: string) {
  const lockFile = path.join(dataDir, "pglite.pid");
  const holder = Number(await readFile(lockFile, "utf8").catch(() => "0"));
  if (holder && holder !== process.pid && isRunning(holder)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${holder}. Stop it first.`,
    );
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
}

// Frontend messages that belong to an extended-query sequence still waiting for its Sync:
// Parse, Bind, Describe, Execute, Close, Flush.
const IN_SEQUENCE = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));

/**
 * pglite-socket multiplexes many connections onto PGlite's single session, interleaving
 * them message by message unless a transaction is open. An extended-query sequence
 * (Parse…Sync) from one connection must not be interleaved with another's, or PGlite
 * reports "unnamed prepared statement does not exist" / "portal does not exist" under
 * concurrent load. Reporting "in transaction" until the sequence's Sync makes the server's
 * queue keep serving the same connection, exactly as it does for transactions.
 */
function withWholeSequences(db: PGlite): PGlite {
  let midSequence = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === "execProtocolRawStream") {
        return async (
          message: Uint8Array,
          options: Parameters<PGlite["execProtocolRawStream"]>[1],
        ) => {
          midSequence = message.length > 0 && IN_SEQUENCE.has(message[0]!);
          return target.execProtocolRawStream(message, options);
        };
      }
      if (property === "isInTransaction") return () => midSequence || target.isInTransaction();
      if (property === "exec") {
        return (...args: Parameters<PGlite["exec"]>) => {
          midSequence = false; // the server's clean-up after a client vanished mid-sequence
          return target.exec(...args);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Starts PGlite on a free local port. `dataDir` keeps data across restarts; omit it for an
 * in-memory database (tests).
 */
export async function startEmbeddedDatabase(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedDatabase> {
  let unlock = async () => {};
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    unlock = await lockDataDir(options.dataDir);
  }
  const db = await PGlite.create(
    options.dataDir ? path.join(options.dataDir, "pgdata") : "memory://",
  );
  const port = options.port ?? (await freePort());
  const server = new PGLiteSocketServer({
    db: withWholeSequences(db),
    port,
    host: "127.0.0.1",
    maxConnections: 100,
  });
  await server.start();
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable&${EMBEDDED_URL_MARKER}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      await unlock();
    },
  };
}
