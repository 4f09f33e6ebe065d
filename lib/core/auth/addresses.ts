// IP address helpers without configuration, so that scripts can use what imports them.
import { isIP } from "node:net";

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
