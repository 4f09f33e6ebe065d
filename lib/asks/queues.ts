// The asks' queue: one empty job per schedule period routes the questions left unanswered.
import { z } from "zod";
import { defineQueue } from "@/lib/core/jobs/queue";

export const routeUnansweredQueue = defineQueue("asks.route-unanswered", z.object({}).strict());
