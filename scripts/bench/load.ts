// Putting load on one page with autocannon and summarising it. Latency percentiles are
// computed from every response's time (autocannon's own table has no p95).
import autocannon from "autocannon";

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers whose status was not the one the page answers when it works. */
  unexpectedStatus: number;
}

/** The value below which `fraction` of the (sorted) samples fall, nearest-rank. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function runLoad(input: {
  url: string;
  cookie: string;
  connections: number;
  seconds: number;
  /** The status a working answer has (default 200). */
  status?: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let unexpectedStatus = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: input.url,
        connections: input.connections,
        duration: input.seconds,
        timeout: 30,
        headers: { cookie: input.cookie },
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          connections: input.connections,
          seconds: input.seconds,
          requests: latencies.length,
          requestsPerSecond: round(latencies.length / (result.duration || input.seconds)),
          latencyMs: {
            p50: round(percentile(latencies, 0.5)),
            p95: round(percentile(latencies, 0.95)),
            p99: round(percentile(latencies, 0.99)),
            max: round(latencies.at(-1) ?? 0),
          },
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          unexpectedStatus,
        });
      },
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (status !== (input.status ?? 200)) unexpectedStatus += 1;
    });
  });
}

/** A few sequential requests first, so that the measurement does not include first renders. */
export async function warmUp(url: string, cookie: string, requests = 5) {
  for (let i = 0; i < requests; i++) {
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
  }
}

/**
 * Loads the page every 2 s until `settled` says its HTML is in its steady state, at most
 * `timeoutMs`; throws if it never is.
 */
export async function waitUntilSettled(
  url: string,
  cookie: string,
  settled: (html: string) => boolean,
  timeoutMs = 180_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    if (settled(await response.text())) return;
    if (Date.now() > deadline) throw new Error(`${url} did not settle in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}
