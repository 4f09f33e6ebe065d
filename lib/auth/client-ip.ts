// Who is asking, by network address, for per-address rate limits and the session list.
// The starting point is the connection's own address (written by the app's server, see
// ./client-address.mjs). X-Forwarded-For is read only through proxies that TRUSTED_PROXIES
// names, from the right: every entry left of the first untrusted one is the client's own
// claim. When no address can be known, every such client is "unknown" and they share one
// bucket: a forged header can never buy a fresh allowance.
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";
import type { TrustedProxies } from "@/lib/env/trusted-proxies.cjs";
import { CLIENT_ADDRESS_HEADER, isStamping } from "./client-address.mjs";

export const UNKNOWN_CLIENT = "unknown";

type ProxyRanges = Extract<TrustedProxies, { ranges: unknown }>["ranges"];

/** A bare IP address from a header value ("[::1]:443", "::ffff:10.0.0.1"), or null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let address = value?.trim() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) ? address.toLowerCase() : null;
}

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

/**
 * The address as per-address limits count it. One IPv6 host usually holds a whole /64, so
 * it counts as one client, as a single IPv4 address does.
 */
export function rateLimitAddress(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = "", tail] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const width = (tail ?? head).includes(".") ? 7 : 8;
  const zeros: string[] = tail === undefined ? [] : Array(width - left.length - right.length);
  const groups = [...left, ...zeros.fill("0"), ...right].slice(0, 4);
  return `${groups.map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}
