import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { unique } from "@/test/factories";
import { parseTrustedProxies } from "@/lib/core/env/trusted-proxies.cjs";
import type { TrustedProxies } from "@/lib/core/env/trusted-proxies.cjs";
import { markStamping, stampClientAddress } from "./client-address.mjs";
import {
  clientAddress,
  clientIp,
  normalizeAddress,
  originFrom,
  rateLimitAddress,
} from "./client-ip";
import { SIGNIN_LIMITS, verifyPasswordSignIn } from "./sign-in";

const trusted = (value: string) => parseTrustedProxies(value) as TrustedProxies;

function request(peer: string, forwardedFor?: string): Headers {
  const headers = new Headers({ "x-lc-client-ip": peer });
  if (forwardedFor) headers.set("x-forwarded-for", forwardedFor);
  return headers;
}

describe("clientAddress", () => {
  it("is the connection's address when no proxy is trusted, whatever the headers claim", () => {
    const headers = request("203.0.113.5", "6.6.6.6, 198.51.100.7");
    headers.set("x-real-ip", "6.6.6.7");
    expect(clientAddress(headers, { stamped: true })).toBe("203.0.113.5");
  });

  it("is 'unknown' for every client when the server did not stamp the request", () => {
    expect(clientAddress(request("203.0.113.5", "6.6.6.6"), { stamped: false })).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6" }), { stamped: true })).toBe(
      "unknown",
    );
  });

  it("walks X-Forwarded-For from the right only through the trusted proxies", () => {
    const proxies = { stamped: true, trusted: trusted("10.0.0.0/8, 2001:db8::1") };
    const chain = "6.6.6.6, 198.51.100.7, 10.1.2.3";
    expect(clientAddress(request("10.0.0.2", chain), proxies)).toBe("198.51.100.7");
    expect(clientAddress(request("2001:db8::1", chain), proxies)).toBe("198.51.100.7");
    // An untrusted peer's header is the client's own claim.
    expect(clientAddress(request("203.0.113.5", chain), proxies)).toBe("203.0.113.5");
    // A trusted proxy that sent no header is itself the client.
    expect(clientAddress(request("10.0.0.2"), proxies)).toBe("10.0.0.2");
    // Garbage where a trusted proxy's entry should be: no address can be known.
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, not-an-ip"), proxies)).toBe("unknown");
  });

  it("with a hop count, takes the entry that many proxies from the app", () => {
    const chain = "6.6.6.6, 198.51.100.7";
    expect(
      clientAddress(request("10.0.0.2", chain), { stamped: true, trusted: trusted("1") }),
    ).toBe("198.51.100.7");
    expect(
      clientAddress(request("10.0.0.2", chain), { stamped: true, trusted: trusted("2") }),
    ).toBe("6.6.6.6");
    expect(clientAddress(request("10.0.0.2"), { stamped: true, trusted: trusted("1") })).toBe(
      "10.0.0.2",
    );
  });
});

describe("originFrom (links in invitations and calendar files)", () => {
  const forged = (peer: string) => {
    const headers = request(peer);
    headers.set("host", "learning.example.com");
    headers.set("x-forwarded-host", "evil.example");
    headers.set("x-forwarded-proto", "https");
    return headers;
  };

  it("is APP_URL when it is set, whatever the request says", () => {
    expect(
      originFrom(forged("203.0.113.5"), { appUrl: "https://lc.example.org/", stamped: true }),
    ).toBe("https://lc.example.org");
  });

  it("ignores a client's own X-Forwarded-Host and -Proto, and believes a trusted proxy's", () => {
    expect(originFrom(forged("203.0.113.5"), { stamped: true })).toBe(
      "http://learning.example.com",
    );
    const proxies = { stamped: true, trusted: trusted("10.0.0.0/8") };
    expect(originFrom(forged("203.0.113.5"), proxies)).toBe("http://learning.example.com");
    expect(originFrom(forged("10.0.0.2"), proxies)).toBe("https://evil.example");
    expect(originFrom(forged("10.0.0.2"), { stamped: false, trusted: trusted("1") })).toBe(
      "http://learning.example.com",
    );
  });
});

describe("normalizeAddress and rateLimitAddress", () => {
  it("reads addresses as proxies and sockets write them", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress(" 198.51.100.7:4711 ")).toBe("198.51.100.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("unknown")).toBeNull();
  });

  it("counts an IPv6 client by its /64, an IPv4 client by its address", () => {
    expect(rateLimitAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitAddress("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitAddress("198.51.100.7")).toBe("198.51.100.7");
    expect(rateLimitAddress("unknown")).toBe("unknown");
  });
});

describe("the per-address sign-in limit behind the app's server", () => {
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    // What scripts/server.mjs does, in front of a handler that signs in as the app does.
    markStamping();
    server = http.createServer(async (req, res) => {
      stampClientAddress(req);
      const headers = new Headers(req.headers as Record<string, string>);
      const result = await verifyPasswordSignIn(testDb, {
        email: `${unique()}@nowhere.example`,
        password: "a wrong password",
        ip: clientIp(headers),
      });
      res.end(JSON.stringify({ ip: clientIp(headers), result }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** One attempt from `localAddress`, claiming to come from `claimed`. */
  function attempt(localAddress: string, claimed: string) {
    return new Promise<{ ip: string; result: { ok: boolean; reason?: string } }>(
      (resolve, reject) => {
        const req = http.request(
          {
            host: "127.0.0.1",
            port,
            localAddress,
            headers: { "x-forwarded-for": claimed, "x-lc-client-ip": claimed },
          },
          (res) => {
            let body = "";
            res.on("data", (chunk) => (body += chunk));
            res.on("end", () => resolve(JSON.parse(body)));
          },
        );
        req.on("error", reject);
        req.end();
      },
    );
  }

  it("limits 40 attempts with 40 forged addresses from one connection, in one bucket", async () => {
    const octet = () => 1 + Math.floor(Math.random() * 250);
    const socket = `127.${octet()}.${octet()}.${octet()}`;
    const forged = Array.from({ length: 40 }, (_, i) => `198.18.${octet()}.${i + 1}`);

    const outcomes = [];
    for (const claimed of forged) outcomes.push(await attempt(socket, claimed));

    expect(new Set(outcomes.map((o) => o.ip))).toEqual(new Set([socket]));
    const limit = SIGNIN_LIMITS.perIp.limit;
    expect(outcomes.slice(0, limit).every((o) => o.result.reason === "invalid")).toBe(true);
    expect(outcomes.slice(limit).every((o) => o.result.reason === "rate_limited")).toBe(true);
    const ipBuckets = await testDb.rateLimitBucket.findMany({
      where: { key: { in: [socket, ...forged].map((a) => `signin:ip:${a}`) } },
    });
    expect(ipBuckets).toEqual([
      expect.objectContaining({ key: `signin:ip:${socket}`, count: limit }),
    ]);
  });
});
