// Which IP addresses a server-side request may not reach: everything that is not a public
// unicast address on the internet. Requests the app makes on an admin's or member's say-so
// (a webhook URL) must not be able to probe or call the app's own machine, its private
// network, or a cloud provider's metadata service.
import { isIPv4, isIPv6 } from "node:net";

export type RefusedAddressClass =
  | "unspecified"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "metadata"
  | "unique-local"
  | "multicast"
  | "reserved";

type Range<T extends number | bigint> = readonly [base: T, bits: number, kind: RefusedAddressClass];

function v4(text: string): number {
  return text.split(".").reduce((value, octet) => value * 256 + Number(octet), 0);
}

function v6(text: string): bigint {
  return parseIPv6(text) ?? 0n;
}

// Most specific first: the first range that holds an address names its class.
const IPV4_RANGES: readonly Range<number>[] = [
  [v4("169.254.169.254"), 32, "metadata"], // AWS, GCP, Azure, DigitalOcean, OpenStack
  [v4("100.100.100.200"), 32, "metadata"], // Alibaba Cloud
  [v4("192.0.0.192"), 32, "metadata"], // Oracle Cloud
  [v4("0.0.0.0"), 8, "unspecified"], // "this network"; 0.0.0.0 connects to the local host
  [v4("10.0.0.0"), 8, "private"],
  [v4("100.64.0.0"), 10, "shared"], // carrier-grade NAT (RFC 6598)
  [v4("127.0.0.0"), 8, "loopback"],
  [v4("169.254.0.0"), 16, "link-local"],
  [v4("172.16.0.0"), 12, "private"],
  [v4("192.0.0.0"), 24, "reserved"], // IETF protocol assignments
  [v4("192.0.2.0"), 24, "reserved"], // documentation
  [v4("192.88.99.0"), 24, "reserved"], // 6to4 relay anycast
  [v4("192.168.0.0"), 16, "private"],
  [v4("198.18.0.0"), 15, "reserved"], // benchmarking
  [v4("198.51.100.0"), 24, "reserved"], // documentation
  [v4("203.0.113.0"), 24, "reserved"], // documentation
  [v4("224.0.0.0"), 4, "multicast"],
  [v4("240.0.0.0"), 4, "reserved"], // future use, and 255.255.255.255 broadcast
];

const IPV6_RANGES: readonly Range<bigint>[] = [
  [v6("fd00:ec2::254"), 128, "metadata"], // AWS over IPv6
  [v6("::"), 128, "unspecified"],
  [v6("::1"), 128, "loopback"],
  [v6("fe80::"), 10, "link-local"],
  [v6("fec0::"), 10, "private"], // deprecated site-local
  [v6("fc00::"), 7, "unique-local"],
  [v6("ff00::"), 8, "multicast"],
  [v6("64:ff9b:1::"), 48, "reserved"], // local-use NAT64
  [v6("100::"), 64, "reserved"], // discard-only
  [v6("2001::"), 32, "reserved"], // Teredo: tunnels to an address it hides
  [v6("2001:db8::"), 32, "reserved"], // documentation
];

const V6_BITS = 128n;
const V6_ALL = (1n << V6_BITS) - 1n;

function inV4(address: number, [base, bits]: Range<number>): boolean {
  if (bits === 0) return true;
  const mask = bits === 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
  return (address & mask) >>> 0 === (base & mask) >>> 0;
}

function inV6(address: bigint, [base, bits]: Range<bigint>): boolean {
  const mask = (V6_ALL << (V6_BITS - BigInt(bits))) & V6_ALL;
  return (address & mask) === (base & mask);
}

/** A dotted-quad IPv4 address as a 32-bit number, or null. */
export function parseIPv4(text: string): number | null {
  return isIPv4(text) ? v4(text) : null;
}

/** An IPv6 address (any textual form, with an optional zone) as a 128-bit number, or null. */
export function parseIPv6(text: string): bigint | null {
  const address = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!isIPv6(address)) return null;
  let hex = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const value = v4(dotted[1]!);
    hex = `${address.slice(0, dotted.index)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head = "", tail] = hex.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array(missing).fill("0"), ...tailGroups];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function ipv4Class(address: number): RefusedAddressClass | null {
  return IPV4_RANGES.find((range) => inV4(address, range))?.[2] ?? null;
}

const NAT64_PREFIX = v6("64:ff9b::") >> 32n;

/** The IPv4 address an IPv6 form carries (mapped, NAT64, 6to4), or null. */
function embeddedIPv4(address: bigint): number | null {
  const high96 = address >> 32n;
  const low32 = Number(address & 0xffffffffn);
  if (high96 === 0xffffn) return low32; // ::ffff:a.b.c.d, IPv4-mapped
  if (high96 === NAT64_PREFIX) return low32; // 64:ff9b::a.b.c.d, NAT64
  if (address >> 112n === 0x2002n) return Number((address >> 80n) & 0xffffffffn); // 6to4
  return null;
}

function ipv6Class(address: bigint): RefusedAddressClass | null {
  const named = IPV6_RANGES.find((range) => inV6(address, range))?.[2];
  if (named) return named;
  // ::a.b.c.d, the deprecated IPv4-compatible form: never a real destination.
  if (address >> 32n === 0n) return ipv4Class(Number(address)) ?? "reserved";
  const embedded = embeddedIPv4(address);
  if (embedded !== null) return ipv4Class(embedded);
  // Only 2000::/3 is allocated as global unicast; the rest is unassigned.
  return address >> 125n === 1n ? null : "reserved";
}

/**
 * Why the app must not connect to this address (its class), or null when it is a public
 * unicast address. IPv4 in dotted-quad form, IPv6 in any form (IPv4-mapped included).
 * Anything that is not an IP address at all is "reserved": refuse what we can't classify.
 */
export function refusedAddressClass(address: string): RefusedAddressClass | null {
  const ipv4 = parseIPv4(address);
  if (ipv4 !== null) return ipv4Class(ipv4);
  const ipv6 = parseIPv6(address);
  if (ipv6 !== null) return ipv6Class(ipv6);
  return "reserved";
}
