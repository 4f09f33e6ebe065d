// @ts-check
// The address of the connection a request came on. Next.js does not show it to route
// handlers or server actions, so the app's own server (scripts/server.mjs) writes it into a
// request header before Next.js sees the request, replacing any copy the client sent.
// Under a plain `next start` nobody replaces that header and a client could send it, so the
// app believes it only when this process's server has announced itself (markStamping).
// Plain JavaScript: the server runs without a TypeScript step.

export const CLIENT_ADDRESS_HEADER = "x-lc-client-ip";

const STAMPING = Symbol.for("learning-commons.client-address-stamping");

/** Called once by the server, before it serves anything. */
export function markStamping() {
  /** @type {Record<symbol, unknown>} */ (globalThis)[STAMPING] = true;
}

/** Whether this process's server writes CLIENT_ADDRESS_HEADER on every request. */
export function isStamping() {
  return /** @type {Record<symbol, unknown>} */ (globalThis)[STAMPING] === true;
}

/**
 * Replaces the client's own copy of the header (Node.js lowercases names and joins
 * repeats into one entry of `headers`) with the connection's address.
 * @param {import("node:http").IncomingMessage} request
 */
export function stampClientAddress(request) {
  const address = request.socket.remoteAddress;
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete request.headers[CLIENT_ADDRESS_HEADER];
}
