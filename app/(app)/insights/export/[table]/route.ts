// GET /insights/export/<table>.csv?from=YYYY-MM-DD&to=YYYY-MM-DD: one of the dashboard's tables
// as CSV, for leaders and admins (lib/insights/csv.ts says what each holds). The period is
// read as the dashboard reads it; a period that cannot be used gives the last 90 days.
import { z } from "zod";
import { routeHandler } from "@/lib/core/auth/route-handler";
import {
  insightsCsv,
  insightsCsvFilename,
  isInsightTable,
  type InsightTable,
} from "@/lib/insights/csv";
import { parsePeriod } from "@/lib/insights/period";
import { contentDisposition } from "@/lib/core/forms/download";

const tableSchema = z
  .string()
  .transform((file) => file.replace(/\.csv$/, ""))
  .pipe(z.custom<InsightTable>(isInsightTable));

export const GET = routeHandler(
  {
    permission: "read:insights:any",
    client: "navigation",
    params: z.object({ table: tableSchema }),
    query: z.record(z.string(), z.string()).transform((query) => parsePeriod(query)),
    messages: {
      forbidden: "Only leaders and admins can download insights.",
      notFound: "There is no such table.",
    },
  },
  async ({ user, params: { table }, query: period }) =>
    new Response(await insightsCsv(user, table, period), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", insightsCsvFilename(table, period)),
        "Cache-Control": "private, no-store",
      },
    }),
);
