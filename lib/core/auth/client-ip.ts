// Who is asking, by network address, for per-address rate limits and the session list.
// The starting point is the connection's own address (written by the app's server, see
// ./client-address.mjs). X-Forwarded-For is read only through proxies that TRUSTED_PROXIES
// names, from the right: every entry left of the first untrusted one is the client's own
// claim. When no address can be known, every such client is "unknown" and they share one
// bucket: a forged header can never buy a fresh allowance.
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/core/env";
import type { TrustedProxies } from "@/lib/core/env/trusted-proxies.cjs";
import { normalizeAddress } from "./addresses";
import { CLIENT_ADDRESS_HEADER, isStamping } from "./client-address.mjs";

export { normalizeAddress, rateLimitAddress } from "./addresses";

export const UNKNOWN_CLIENT = "unknown";

type ProxyRanges = Extract<TrustedProxies, { ranges: unknown }>["ranges"];

const blockLists = new WeakMap<ProxyRanges, BlockList>();

function blockListOf(ranges: ProxyRanges): BlockList {
  let list = blockLists.get(ranges);
  if (!list) {
    list = new BlockList();
    for (const { address, prefix, family } of ranges) list.addSubnet(address, prefix, family);
    blockLists.set(ranges, list);
  }
  return list;
}

/** The addresses a request passed through, nearest first: the connection, then X-Forwarded-For from the right. */
function hopsOf(peer: string, headers: Headers): (string | null)[] {
  const forwarded = headers.get("x-forwarded-for")?.split(",") ?? [];
  return [peer, ...forwarded.reverse().map(normalizeAddress)];
}

function throughTrustedHops(hops: (string | null)[], trusted: TrustedProxies): string | null {
  if ("hops" in trusted) return hops[Math.min(trusted.hops, hops.length - 1)] ?? null;
  const list = blockListOf(trusted.ranges);
  let i = 0;
  while (i < hops.length - 1 && list.check(hops[i]!, isIP(hops[i]!) === 6 ? "ipv6" : "ipv4")) {
    i++;
    if (!hops[i]) return null;
  }
  return hops[i] ?? null;
}

/** The client's address, given whether the server stamped the request and whom to trust. */
export function clientAddress(
  headers: Headers,
  options: { stamped: boolean; trusted?: TrustedProxies },
): string {
  if (!options.stamped) return UNKNOWN_CLIENT;
  const peer = normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER));
  if (!peer) return UNKNOWN_CLIENT;
  if (!options.trusted) return peer;
  return throughTrustedHops(hopsOf(peer, headers), options.trusted) ?? UNKNOWN_CLIENT;
}

/**
 * Whether the connection itself comes from a proxy that TRUSTED_PROXIES names: only then are
 * its X-Forwarded-* headers the proxy's word rather than the client's.
 */
export function isFromTrustedProxy(
  headers: Headers,
  options: { stamped: boolean; trusted?: TrustedProxies },
): boolean {
  const peer = options.stamped ? normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER)) : null;
  if (!peer || !options.trusted) return false;
  if ("hops" in options.trusted) return options.trusted.hops > 0;
  return blockListOf(options.trusted.ranges).check(peer, isIP(peer) === 6 ? "ipv6" : "ipv4");
}

/**
 * The origin links to this app are built on: the configured APP_URL when there is one;
 * otherwise the Host the request came to, or X-Forwarded-Host/-Proto when a trusted proxy
 * sent them (a client's own copy of those headers is ignored, as its X-Forwarded-For is).
 */
export function originFrom(
  headers: Headers,
  options: { appUrl?: string; stamped: boolean; trusted?: TrustedProxies },
): string {
  if (options.appUrl) return options.appUrl.replace(/\/+$/, "");
  const proxied = isFromTrustedProxy(headers, options);
  const forwarded = (name: string) =>
    proxied ? headers.get(name)?.split(",")[0]?.trim() : undefined;
  const host = forwarded("x-forwarded-host") || headers.get("host") || "localhost";
  const protocol = forwarded("x-forwarded-proto") === "https" ? "https" : "http";
  return `${protocol}://${host}`;
}

/** originFrom with this app's configuration. */
export function requestOrigin(headers: Headers): string {
  return originFrom(headers, {
    appUrl: env.APP_URL,
    stamped: isStamping(),
    trusted: env.TRUSTED_PROXIES,
  });
}

let warned = false;

/** The requesting client's address, or UNKNOWN_CLIENT. */
export function clientIp(headers: Headers): string {
  const stamped = isStamping();
  if (!stamped && !warned) {
    warned = true;
    console.warn(
      "Client addresses are unknown: the app was not started through `npm start` / `npm run dev` (scripts/server.mjs), so every client shares one per-address rate limit.",
    );
  }
  return clientAddress(headers, { stamped, trusted: env.TRUSTED_PROXIES });
}
