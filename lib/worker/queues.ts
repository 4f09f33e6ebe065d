// Every queue of the app, for creating them with the job schema (migrations, test setup) so
// that no process has to create one inside a transaction.
import type { Queue } from "@/lib/core/jobs/queue";
import { workerHandlers, workerSchedules } from "./registry";

export function allQueues(): Queue<unknown>[] {
  const queues = [...workerHandlers.map((h) => h.queue), ...workerSchedules.map((s) => s.queue)];
  return [...new Map(queues.map((queue) => [queue.name, queue])).values()];
}
