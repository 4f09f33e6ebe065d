// GET /admin/mentorship/pairings.csv?status=&health=&q=&sort=: every pairing matching the
// programme view's filters, for admins. The filename carries today's date.
import { z } from "zod";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { pairingsCsv, parsePairingFilters } from "@/lib/mentorship/programme";
import { toDateInput, utcToday } from "@/lib/core/dates";
import { contentDisposition } from "@/lib/core/forms/download";

export const GET = routeHandler(
  {
    permission: "read:mentorship-programme:any",
    client: "navigation",
    // The programme view's filters: one that can't be used is left out, not refused.
    query: z.record(z.string(), z.string()).transform((query) => parsePairingFilters(query)),
    messages: { forbidden: "Only admins can download the mentoring programme." },
  },
  async ({ user, query: filters }) =>
    new Response(await pairingsCsv(user, filters), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(
          "attachment",
          `mentoring-pairings-${toDateInput(utcToday())}.csv`,
        ),
        "Cache-Control": "private, no-store",
      },
    }),
);
