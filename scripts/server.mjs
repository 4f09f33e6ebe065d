// @ts-check
// The app's HTTP server, started by `npm run dev` / `npm start` (scripts/run.ts) and the e2e
// runner: `node scripts/server.mjs dev|start [--port N] [--hostname H]`. It is Next.js's own
// request handler (the one `next start` uses) behind one extra step: each request gets the
// connection's address in a header the app trusts (lib/core/auth/client-address.mjs), since
// Next.js gives route handlers and server actions no way to see the socket.
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { markStamping, stampClientAddress } from "../lib/core/auth/client-address.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string" }, hostname: { type: "string" } },
});
const dev = positionals[0] === "dev";
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
const startedAt = Date.now();

markStamping();
const server = http.createServer((request, response) => {
  stampClientAddress(request);
  handle(request, response).catch((error) => {
    console.error(`Failed to handle request for ${request.url}`, error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});
const app = next({ dev, dir: process.cwd(), port, hostname, httpServer: server });
const handle = app.getRequestHandler();

let closing = false;
/** @param {NodeJS.Signals} signal */
async function close(signal) {
  if (closing) return;
  closing = true;
  // Stop accepting connections and let requests in flight finish, then close Next.js.
  await new Promise((resolve) => {
    server.close(resolve);
    if (dev) server.closeAllConnections();
    else server.closeIdleConnections();
  });
  await app.close();
  process.exit(signal === "SIGINT" ? 130 : 143);
}
process.on("SIGINT", close);
process.on("SIGTERM", close);

await app.prepare();
// Stopped while Next.js was preparing: close() is on its way to exit; don't start listening.
if (!closing)
  server.listen(port, hostname, () => {
    const mode = dev ? "development" : "production";
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.log(` ✓ Ready in ${seconds}s: http://${hostname ?? "localhost"}:${port} (${mode})`);
  });
