// The job queue on the test database: transactional enqueue, exactly once across two
// workers, retries with back-off into a kept failed state, the admin list and retry.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { testDb } from "@/test/db";
import { queuedJobs } from "@/test/jobs";
import { JOB_SCHEMA } from "./boss";
import { enqueue } from "./enqueue";
import { listFailedJobs, retryFailedJob } from "./failed";
import { defineQueue } from "./queue";
import { handle, startWorker, type RunningWorker } from "./worker";

const workers: RunningWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

function testQueue(retry?: Parameters<typeof defineQueue>[2]) {
  return defineQueue(`test.${randomBytes(5).toString("hex")}`, z.object({ n: z.number() }), retry);
}

async function jobStates(queue: string) {
  return testDb.$queryRawUnsafe<{ state: string; count: bigint }[]>(
    `SELECT state::text AS state, count(*) AS count FROM ${JOB_SCHEMA}.job WHERE name = $1 GROUP BY state`,
    queue,
  );
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("Timed out waiting.");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("enqueue", () => {
  it("writes the job in the caller's transaction: a rolled-back action leaves no job", async () => {
    const queue = testQueue();
    await testDb.$transaction(async (tx) => {
      await enqueue(tx, queue, { n: 1 });
    });
    await testDb
      .$transaction(async (tx) => {
        await enqueue(tx, queue, { n: 2 });
        throw new Error("the action failed");
      })
      .catch(() => undefined);
    const jobs = await queuedJobs(queue);
    expect(jobs.map((job) => job.data)).toEqual([{ n: 1 }]);
  });

  it("refuses data that does not fit the queue's schema", async () => {
    const queue = testQueue();
    await expect(
      testDb.$transaction((tx) => enqueue(tx, queue, { n: "one" } as never)),
    ).rejects.toThrow();
    expect(await queuedJobs(queue)).toEqual([]);
  });

  it("keeps one waiting job per singleton key on a short queue", async () => {
    const queue = defineQueue(`test.short.${randomBytes(4).toString("hex")}`, z.object({}), {
      policy: "short",
    });
    const ids = await testDb.$transaction(async (tx) => [
      await enqueue(tx, queue, {}, { singletonKey: "member-1", startAfter: 60 }),
      await enqueue(tx, queue, {}, { singletonKey: "member-1", startAfter: 60 }),
      await enqueue(tx, queue, {}, { singletonKey: "member-2", startAfter: 60 }),
    ]);
    expect(ids[0]).toEqual(expect.any(String));
    expect(ids[1]).toBeNull();
    expect(ids[2]).toEqual(expect.any(String));
    expect((await queuedJobs(queue)).map((job) => job.singletonKey).sort()).toEqual([
      "member-1",
      "member-2",
    ]);
  });
});

describe("workers", () => {
  it("runs each of N jobs exactly once with two workers on one database", async () => {
    const queue = testQueue();
    const runs: number[] = [];
    const workerRuns = [0, 0];
    const N = 120;
    await testDb.$transaction(async (tx) => {
      for (let n = 0; n < N; n += 1) await enqueue(tx, queue, { n });
    });
    for (const index of [0, 1]) {
      workers.push(
        await startWorker({
          handlers: [
            handle(
              queue,
              async ({ n }) => {
                runs.push(n);
                workerRuns[index]! += 1;
                await new Promise((resolve) => setTimeout(resolve, 2));
              },
              { concurrency: 8 },
            ),
          ],
          pollingIntervalSeconds: 0.5,
        }),
      );
    }
    await waitFor(async () => {
      const states = await jobStates(queue.name);
      return states.length === 1 && states[0]!.state === "completed";
    }, 60_000);
    expect(runs).toHaveLength(N);
    expect(new Set(runs).size).toBe(N);
    // Both took part (not a proof of anything alone, but a run where one worker did all the
    // work would not test exclusion at all).
    expect(workerRuns[0]).toBeGreaterThan(0);
    expect(workerRuns[1]).toBeGreaterThan(0);
  });

  it("retries a failing job with growing delays, then keeps it as failed for the admin list and its retry", async () => {
    const queue = testQueue({ retry: { retryLimit: 2, retryDelay: 1, retryDelayMax: 4 } });
    const attempts: number[] = [];
    let fail = true;
    await testDb.$transaction((tx) => enqueue(tx, queue, { n: 7 }));
    workers.push(
      await startWorker({
        handlers: [
          handle(queue, async () => {
            attempts.push(Date.now());
            if (fail) {
              throw new Error(
                "SMTP said no to ada@example.com via smtp://user:secret@mail.example.com:587 token abcdefghijklmnopqrstuvwxyz0123456789ABCD",
              );
            }
          }),
        ],
        pollingIntervalSeconds: 0.5,
      }),
    );
    await waitFor(async () => (await jobStates(queue.name))[0]?.state === "failed", 30_000);
    expect(attempts).toHaveLength(3);
    const gaps = [attempts[1]! - attempts[0]!, attempts[2]! - attempts[1]!];
    expect(gaps[0]).toBeGreaterThanOrEqual(500);
    expect(gaps[1]).toBeGreaterThanOrEqual(gaps[0]! * 0.9);

    const { jobs } = await listFailedJobs(testDb, { limit: 100 });
    const listed = jobs.find((job) => job.queue === queue.name);
    expect(listed).toMatchObject({ attempts: 3 });
    expect(listed!.error).toContain("SMTP said no to [address]");
    expect(listed!.error).not.toMatch(/ada@|secret|abcdefghijklmnop/);
    expect(listed!.error).toContain("smtp://mail.example.com:587/…");

    fail = false;
    expect(await retryFailedJob(testDb, queue.name, listed!.id)).toBe(true);
    await waitFor(async () => (await jobStates(queue.name))[0]?.state === "completed", 30_000);
    expect(attempts).toHaveLength(4);
    expect(await retryFailedJob(testDb, queue.name, listed!.id)).toBe(false);
  });

  it("keeps one schedule per queue however many workers register it", async () => {
    const queue = defineQueue(`test.cron.${randomBytes(4).toString("hex")}`, z.object({}));
    for (let i = 0; i < 2; i += 1) {
      workers.push(
        await startWorker({
          handlers: [handle(queue, async () => undefined)],
          schedules: [{ queue, cron: "*/5 * * * *" }],
        }),
      );
    }
    const schedules = await workers[0]!.boss.getSchedules(queue.name);
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({ name: queue.name, cron: "*/5 * * * *" });
  });
});
