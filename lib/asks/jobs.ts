// Background jobs of this domain (run by lib/worker): every 15 minutes, the questions left
// without a reply for the set time are routed to colleagues (./unanswered.ts).
import { handle, type JobHandler, type Schedule } from "@/lib/core/jobs/worker";
import { routeUnansweredQueue } from "./queues";

export const routeUnansweredHandler = handle(routeUnansweredQueue, async () => {
  const { routeUnanswered } = await import("./unanswered");
  await routeUnanswered(new Date());
});

export const jobHandlers: JobHandler[] = [routeUnansweredHandler];
export const jobSchedules: Schedule[] = [{ queue: routeUnansweredQueue, cron: "*/15 * * * *" }];
