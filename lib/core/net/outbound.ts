// Server-side requests to addresses that someone typed in (a webhook URL), safely: the host
// is resolved once, every address it resolves to is checked (lib/core/net/ip-ranges), and the
// connection goes to a checked address — a second DNS answer can't swap in another one (DNS
// rebinding). Redirects are never followed. An operator may trust a list of hosts (by the
// host name in the URL, e.g. a chat server on the internal network); those skip the check.
import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { refusedAddressClass, type RefusedAddressClass } from "./ip-ranges";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to. Tests inject their own. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

export interface OutboundPolicy {
  /** Host names (or IP literals) an operator trusts, as they appear in the URL. */
  allowedHosts: readonly string[];
  resolve?: Resolver;
}

/** "Hooks.Internal." → "hooks.internal", "[::1]" → "::1": the form host lists compare. */
export function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
}

/** A comma- or space-separated list of hosts (an environment variable) as normalised hosts. */
export function parseAllowedHosts(list: string | undefined): string[] {
  return (list ?? "")
    .split(/[\s,]+/)
    .map(normaliseHost)
    .filter(Boolean);
}

export type OutboundTarget =
  | { ok: true; url: URL; hostname: string; addresses: ResolvedAddress[] }
  /** The URL leads somewhere the app must not go. `detail` is for logs, never for users. */
  | { ok: false; refused: true; detail: string; addressClass?: RefusedAddressClass }
  /** The URL could not be checked: not a URL, or its host does not resolve. */
  | { ok: false; refused: false; error: Error };

function withDeadline<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason as Error);
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

/**
 * Resolves the URL's host once and checks every address (unless the host is allow-listed).
 * The addresses returned are the ones a request may connect to.
 */
export async function resolveOutboundTarget(
  raw: string | URL,
  policy: OutboundPolicy,
  signal?: AbortSignal,
): Promise<OutboundTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    return { ok: false, refused: false, error: error as Error };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { ok: false, refused: true, detail: `scheme ${url.protocol} is not http(s)` };
  const hostname = normaliseHost(url.hostname);
  const family = isIP(hostname);
  let addresses: ResolvedAddress[];
  if (family === 4 || family === 6) {
    addresses = [{ address: hostname, family }];
  } else {
    try {
      addresses = await withDeadline((policy.resolve ?? systemResolver)(hostname), signal);
    } catch (error) {
      return { ok: false, refused: false, error: error as Error };
    }
    if (addresses.length === 0) {
      const error = Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" });
      return { ok: false, refused: false, error };
    }
  }
  if (!policy.allowedHosts.map(normaliseHost).includes(hostname)) {
    for (const { address } of addresses) {
      const addressClass = refusedAddressClass(address);
      if (addressClass)
        return {
          ok: false,
          refused: true,
          addressClass,
          detail: `${hostname} resolves to ${address} (${addressClass})`,
        };
    }
  }
  return { ok: true, url, hostname, addresses };
}

/** A `lookup` for net.connect that only ever answers with the checked addresses. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const candidates = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
    const first = candidates[0];
    if (!first) {
      const error = Object.assign(new Error(`No checked address for ${hostname}`), {
        code: "ENOTFOUND",
      }) as NodeJS.ErrnoException;
      callback(error, "", 0);
    } else if (options.all) {
      callback(null, candidates);
    } else {
      callback(null, first.address, first.family);
    }
  };
}

export interface OutboundRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  policy: OutboundPolicy;
  /** How much of the answer's body to keep (the rest is not read). */
  maxResponseBytes?: number;
}

export type OutboundResult =
  /** The server answered; 3xx answers are returned as they are, never followed. */
  | { kind: "answered"; status: number; body: string }
  | { kind: "refused"; detail: string; addressClass?: RefusedAddressClass }
  /** Not a URL, no DNS answer, no connection, or no answer in time (error.name "TimeoutError"). */
  | { kind: "failed"; error: Error };

function timeoutError(timeoutMs: number): Error {
  return Object.assign(new Error(`No answer within ${timeoutMs} ms`), { name: "TimeoutError" });
}

/**
 * One HTTP(S) request to a URL that is checked first: a refused address is never contacted.
 * Never throws.
 */
export async function outboundRequest(
  raw: string,
  {
    method = "GET",
    headers = {},
    body,
    timeoutMs,
    policy,
    maxResponseBytes = 2048,
  }: OutboundRequest,
): Promise<OutboundResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timeoutError(timeoutMs)), timeoutMs);
  try {
    const target = await resolveOutboundTarget(raw, policy, controller.signal);
    if (!target.ok && target.refused)
      return { kind: "refused", detail: target.detail, addressClass: target.addressClass };
    if (!target.ok) return { kind: "failed", error: target.error };
    return await send(target, { method, headers, body, maxResponseBytes }, controller.signal);
  } catch (error) {
    return { kind: "failed", error: error instanceof Error ? error : new Error(String(error)) };
  } finally {
    clearTimeout(timer);
  }
}

function send(
  target: Extract<OutboundTarget, { ok: true }>,
  options: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    maxResponseBytes: number;
  },
  signal: AbortSignal,
): Promise<OutboundResult> {
  const { url } = target;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<OutboundResult>((resolve, reject) => {
    const request = client.request({
      protocol: url.protocol,
      hostname: target.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: options.method,
      headers: {
        ...options.headers,
        ...(options.body === undefined
          ? {}
          : { "content-length": String(Buffer.byteLength(options.body)) }),
      },
      auth: url.username
        ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
        : undefined,
      // No pooled sockets: each request connects to the address checked for it.
      agent: false,
      lookup: pinnedLookup(target.addresses),
    });
    const abort = () => {
      reject(signal.reason as Error);
      request.destroy();
    };
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    request.on("error", (error) => {
      signal.removeEventListener("abort", abort);
      reject(error);
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const finish = () => {
        signal.removeEventListener("abort", abort);
        resolve({
          kind: "answered",
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
        });
        response.destroy();
      };
      response.on("data", (chunk: Buffer) => {
        const room = options.maxResponseBytes - kept;
        if (room > 0) chunks.push(chunk.subarray(0, room));
        kept += Math.min(chunk.length, Math.max(room, 0));
        if (kept >= options.maxResponseBytes) finish();
      });
      response.on("end", finish);
      response.on("error", finish);
    });
    request.end(options.body);
  });
}
