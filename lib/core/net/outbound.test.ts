// The outbound-request guard against real HTTP servers on 127.0.0.1 (node:http on port 0).
// Name resolution is injected where a test needs a host name to resolve somewhere chosen.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { validateEnvironment } from "@/lib/core/env/validate.cjs";
import {
  outboundRequest,
  parseAllowedHosts,
  resolveOutboundTarget,
  type OutboundPolicy,
  type Resolver,
} from "./outbound";

interface Server {
  port: number;
  url: string;
  requests: { method?: string; url?: string; host?: string; body: string }[];
  close: () => Promise<void>;
}

const servers: Server[] = [];

async function startServer(
  reply: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end("ok"),
): Promise<Server> {
  const requests: Server["requests"] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      requests.push({ method: req.method, url: req.url, host: req.headers.host, body });
      reply(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const handle: Server = {
    port,
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  servers.push(handle);
  return handle;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A resolver that answers from a table, and counts how often it was asked. */
function fakeDns(table: Record<string, string[] | string[][]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string) => {
    const answer = table[hostname];
    if (!answer)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    // A list of lists is one answer per call (the last one repeats): a rebinding server.
    const round = Array.isArray(answer[0])
      ? ((answer as string[][])[
          Math.min(calls.filter((c) => c === hostname).length, answer.length - 1)
        ] ?? [])
      : (answer as string[]);
    calls.push(hostname);
    return round.map((address) => ({
      address,
      family: address.includes(":") ? (6 as const) : (4 as const),
    }));
  };
  return Object.assign(resolver, { calls });
}

const NONE: OutboundPolicy = { allowedHosts: [] };
const post = (policy: OutboundPolicy, timeoutMs = 2_000) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ text: "hello" }),
  timeoutMs,
  policy,
});

describe("resolveOutboundTarget", () => {
  it("refuses a host name that resolves to a private address", async () => {
    const resolve = fakeDns({ "chat.example.com": ["10.0.0.7"] });
    const target = await resolveOutboundTarget("https://chat.example.com/hook", {
      allowedHosts: [],
      resolve,
    });
    expect(target).toMatchObject({ ok: false, refused: true, addressClass: "private" });
  });

  it("checks every address a name resolves to, not just the first", async () => {
    const resolve = fakeDns({ "mixed.example.com": ["93.184.215.14", "2606:4700::1", "::1"] });
    const target = await resolveOutboundTarget("https://mixed.example.com/", {
      allowedHosts: [],
      resolve,
    });
    expect(target).toMatchObject({ ok: false, refused: true, addressClass: "loopback" });
  });

  it("accepts a name whose addresses are all public, and returns them to connect to", async () => {
    const resolve = fakeDns({ "hooks.example.com": ["93.184.215.14", "2606:4700::1"] });
    const target = await resolveOutboundTarget("https://hooks.example.com/x", {
      allowedHosts: [],
      resolve,
    });
    expect(target).toMatchObject({
      ok: true,
      hostname: "hooks.example.com",
      addresses: [
        { address: "93.184.215.14", family: 4 },
        { address: "2606:4700::1", family: 6 },
      ],
    });
  });

  it("refuses IP literals in every disguise the URL parser accepts", async () => {
    for (const url of [
      "http://127.0.0.1/",
      "http://2130706433/", // 127.0.0.1 as one number
      "http://0x7f.1/",
      "http://017700000001/",
      "http://[::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:a9fe:a9fe]/latest/meta-data/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[fd00:ec2::254]/",
      "http://0.0.0.0:8080/",
      "http://100.64.0.1/",
      "http://[fe80::1]/",
      "http://[fc00::1]/",
      "http://224.0.0.1/",
    ]) {
      const target = await resolveOutboundTarget(url, NONE);
      expect(target, url).toMatchObject({ ok: false, refused: true });
    }
  });

  it("refuses localhost through the system resolver", async () => {
    expect(await resolveOutboundTarget("http://localhost:9/", NONE)).toMatchObject({
      ok: false,
      refused: true,
      addressClass: "loopback",
    });
  });

  it("refuses schemes other than http and https", async () => {
    for (const url of ["file:///etc/passwd", "ftp://10.0.0.1/", "gopher://127.0.0.1:6379/_"]) {
      expect(await resolveOutboundTarget(url, NONE), url).toMatchObject({
        ok: false,
        refused: true,
      });
    }
  });

  it("lets allow-listed hosts through whatever they resolve to, matched by host name", async () => {
    const resolve = fakeDns({
      "hooks.internal": ["10.1.2.3"],
      "other.internal": ["10.1.2.4"],
      localhost: ["127.0.0.1"],
    });
    const policy = {
      allowedHosts: parseAllowedHosts(" Hooks.Internal. , [::1] 127.0.0.1"),
      resolve,
    };
    expect(policy.allowedHosts).toEqual(["hooks.internal", "::1", "127.0.0.1"]);
    expect(await resolveOutboundTarget("https://HOOKS.internal/x", policy)).toMatchObject({
      ok: true,
    });
    expect(await resolveOutboundTarget("http://[::1]:8080/", policy)).toMatchObject({ ok: true });
    expect(await resolveOutboundTarget("http://127.0.0.1/", policy)).toMatchObject({ ok: true });
    // Allowing 127.0.0.1 does not allow another name for it, nor another internal host.
    expect(await resolveOutboundTarget("http://localhost/", policy)).toMatchObject({
      refused: true,
    });
    expect(await resolveOutboundTarget("https://other.internal/", policy)).toMatchObject({
      refused: true,
    });
  });

  it("reports a name that does not resolve as a failure, not a refusal", async () => {
    const target = await resolveOutboundTarget("https://nowhere.example.com/", {
      allowedHosts: [],
      resolve: fakeDns({}),
    });
    expect(target).toMatchObject({ ok: false, refused: false });
  });
});

describe("outboundRequest", () => {
  it("refuses a real server on 127.0.0.1 without the allow-list: it receives no request", async () => {
    const server = await startServer();
    const result = await outboundRequest(server.url, post(NONE));
    expect(result).toMatchObject({ kind: "refused", addressClass: "loopback" });
    expect(server.requests).toHaveLength(0);
  });

  it("reaches the same server when 127.0.0.1 is allow-listed", async () => {
    const server = await startServer((_req, res) => {
      res.statusCode = 201;
      res.end("created");
    });
    const result = await outboundRequest(server.url, post({ allowedHosts: ["127.0.0.1"] }));
    expect(result).toEqual({ kind: "answered", status: 201, body: "created" });
    expect(server.requests).toEqual([
      { method: "POST", url: "/hook", host: `127.0.0.1:${server.port}`, body: '{"text":"hello"}' },
    ]);
  });

  it("refuses a host name that resolves to a private address before connecting", async () => {
    const server = await startServer();
    const resolve = fakeDns({ "innocent.example.com": ["127.0.0.1"] });
    const result = await outboundRequest(
      `http://innocent.example.com:${server.port}/hook`,
      post({ allowedHosts: [], resolve }),
    );
    expect(result).toMatchObject({ kind: "refused" });
    expect(server.requests).toHaveLength(0);
  });

  it("connects to the address it checked: the name is resolved once, never again", async () => {
    const server = await startServer();
    // System DNS does not know this name: if anything resolved it again, the request would fail.
    const resolve = fakeDns({ "pinned.test": ["127.0.0.1"] });
    const result = await outboundRequest(
      `http://pinned.test:${server.port}/hook?x=1`,
      post({
        allowedHosts: ["pinned.test"],
        resolve,
      }),
    );
    expect(result).toMatchObject({ kind: "answered", status: 200 });
    expect(resolve.calls).toEqual(["pinned.test"]);
    expect(server.requests).toMatchObject([
      { url: "/hook?x=1", host: `pinned.test:${server.port}` },
    ]);
  });

  it("does not let a second DNS answer swap a public address for an internal one", async () => {
    const server = await startServer();
    // A rebinding name server: public the first time (example.com's IANA address), the
    // target every time after. Whether or not the public address answers, nothing local may.
    const resolve = fakeDns({ "rebind.example.com": [["93.184.215.14"], ["127.0.0.1"]] });
    await outboundRequest(
      `http://rebind.example.com:${server.port}/hook`,
      post({ allowedHosts: [], resolve }, 500),
    );
    expect(resolve.calls).toEqual(["rebind.example.com"]);
    expect(server.requests).toHaveLength(0);
  });

  it("does not follow a redirect to a private address", async () => {
    const inside = await startServer();
    const redirecting = await startServer((_req, res) => {
      res.statusCode = 307;
      res.setHeader("location", `http://localhost:${inside.port}/admin`);
      res.end();
    });
    const result = await outboundRequest(redirecting.url, post({ allowedHosts: ["127.0.0.1"] }));
    expect(result).toMatchObject({ kind: "answered", status: 307 });
    expect(redirecting.requests).toHaveLength(1);
    expect(inside.requests).toHaveLength(0);
  });

  it("gives up on a server that does not answer in time, and keeps only the start of a long answer", async () => {
    const silent = await startServer(() => {
      // Never answers.
    });
    const started = performance.now();
    const result = await outboundRequest(silent.url, post({ allowedHosts: ["127.0.0.1"] }, 200));
    expect(result).toMatchObject({ kind: "failed", error: { name: "TimeoutError" } });
    expect(performance.now() - started).toBeLessThan(2_000);

    const chatty = await startServer((_req, res) => res.end("x".repeat(100_000)));
    const long = await outboundRequest(chatty.url, {
      ...post({ allowedHosts: ["127.0.0.1"] }),
      maxResponseBytes: 10,
    });
    expect(long).toEqual({ kind: "answered", status: 200, body: "x".repeat(10) });
  });
});

describe("WEBHOOK_ALLOWED_HOSTS", () => {
  it("accepts host names and IP addresses, and names the variable for anything else", () => {
    expect(
      validateEnvironment({ WEBHOOK_ALLOWED_HOSTS: "hooks.internal, 127.0.0.1 [::1],fd00::1" })
        .WEBHOOK_ALLOWED_HOSTS,
    ).toBe("hooks.internal, 127.0.0.1 [::1],fd00::1");
    for (const bad of ["https://hooks.internal", "hooks.internal:8443", "hooks.internal/x"]) {
      expect(() => validateEnvironment({ WEBHOOK_ALLOWED_HOSTS: bad }), bad).toThrow(
        /WEBHOOK_ALLOWED_HOSTS: must be host names or IP addresses/,
      );
    }
  });
});
