// @ts-check
// TRUSTED_PROXIES: which peers may tell the app a client's address through X-Forwarded-For.
// Either a hop count ("1": exactly one proxy always sits in front of the app), or addresses
// and CIDR ranges of the proxies ("10.0.0.0/8, 2001:db8::1"). Unset: nobody is trusted and
// the app uses the address of the connection itself. Plain CommonJS: validate.cjs needs it.
const net = require("node:net");

const MAX_HOPS = 10;

/**
 * @typedef {{ address: string; prefix: number; family: "ipv4" | "ipv6" }} ProxyRange
 * @typedef {{ hops: number } | { ranges: ProxyRange[] }} TrustedProxies
 */

/**
 * @param {string} entry
 * @returns {ProxyRange | null}
 */
function parseRange(entry) {
  const [address = "", prefixText, ...rest] = entry.split("/");
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const family = version === 4 ? "ipv4" : "ipv6";
  const bits = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { address, prefix: bits, family };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return null;
  return { address, prefix: Number(prefixText), family };
}

/**
 * @param {string} value
 * @returns {TrustedProxies | string} the parsed setting, or what is wrong with it
 */
function parseTrustedProxies(value) {
  const entries = value.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 1 && /^\d+$/.test(entries[0] ?? "")) {
    const hops = Number(entries[0]);
    if (hops < 1 || hops > MAX_HOPS) return `a hop count must be between 1 and ${MAX_HOPS}`;
    return { hops };
  }
  /** @type {ProxyRange[]} */
  const ranges = [];
  for (const entry of entries) {
    const range = parseRange(entry);
    if (!range) return `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1)`;
    ranges.push(range);
  }
  return { ranges };
}

module.exports = { parseTrustedProxies };
