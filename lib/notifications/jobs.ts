// Background jobs of this domain: its queues' handlers and its schedules (run by lib/worker).
import { handle, type JobHandler, type Schedule } from "@/lib/core/jobs/worker";
import { notificationMailQueue } from "./mail-queue";
import { sendNotificationMail } from "./send-mail";

export const notificationMailHandler = handle(notificationMailQueue, sendNotificationMail);

export const jobHandlers: JobHandler[] = [notificationMailHandler];
export const jobSchedules: Schedule[] = [];
