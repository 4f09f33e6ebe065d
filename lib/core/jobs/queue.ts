// A queue is a name, the shape of its jobs' data and its retry policy. Domains define their
// queues in their own `jobs.ts`; the worker (lib/worker) runs them. See decision 016.
import type { z } from "zod";

export interface RetryPolicy {
  /** Attempts after the first; then the job is kept as failed for the admin page. */
  retryLimit: number;
  /** Seconds before the first retry; doubled each time (with jitter), up to retryDelayMax. */
  retryDelay: number;
  retryDelayMax: number;
  /** A running job not finished after this long counts as failed (and may be retried). */
  expireInSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retryLimit: 5,
  retryDelay: 30,
  retryDelayMax: 60 * 60,
  expireInSeconds: 15 * 60,
};

export interface Queue<Data> {
  readonly name: string;
  readonly data: z.ZodType<Data>;
  readonly retry: RetryPolicy;
  /**
   * "short" keeps at most one waiting job per singleton key (later sends are dropped), which
   * is how several notifications in one window become one mail.
   */
  readonly policy: "standard" | "short";
}

const QUEUE_NAME = /^[a-z][a-z0-9_.-]{0,62}$/;

export function defineQueue<Data>(
  name: string,
  data: z.ZodType<Data>,
  options: { retry?: Partial<RetryPolicy>; policy?: Queue<Data>["policy"] } = {},
): Queue<Data> {
  if (!QUEUE_NAME.test(name)) throw new Error(`Invalid queue name "${name}".`);
  return {
    name,
    data,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    policy: options.policy ?? "standard",
  };
}
