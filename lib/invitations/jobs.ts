// Background jobs of this domain: its queues' handlers and its schedules (run by lib/worker).
import type { JobHandler, Schedule } from "@/lib/core/jobs/worker";

export const jobHandlers: JobHandler[] = [];
export const jobSchedules: Schedule[] = [];
