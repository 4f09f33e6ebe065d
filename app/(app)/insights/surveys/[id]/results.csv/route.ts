// GET /insights/surveys/<id>/results.csv: a pulse survey's results for leaders and admins —
// the organisation's and each team's figures where the group meets the threshold, and never
// any member.
import { z } from "zod";
import { routeError, routeHandler } from "@/lib/core/auth/route-handler";
import { NotFound } from "@/lib/core/forms/errors";
import { toDateInput, utcToday } from "@/lib/core/dates";
import { resultsCsv } from "@/lib/surveys/queries";
import { formId } from "@/lib/core/forms/text";
import { contentDisposition } from "@/lib/core/forms/download";

const NOT_FOUND = "That survey was not found.";

export const GET = routeHandler(
  {
    permission: "read:survey-results:any",
    client: "navigation",
    params: z.object({ id: formId() }),
    messages: {
      forbidden: "Only leaders and admins can download survey results.",
      notFound: NOT_FOUND,
    },
  },
  async ({ user, params: { id } }) => {
    let csv: string;
    try {
      csv = await resultsCsv(user, id);
    } catch (error) {
      if (error instanceof NotFound) return routeError("navigation", NOT_FOUND, 404);
      throw error;
    }
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(
          "attachment",
          `survey-results-${id}-${toDateInput(utcToday())}.csv`,
        ),
        "Cache-Control": "private, no-store",
      },
    });
  },
);
