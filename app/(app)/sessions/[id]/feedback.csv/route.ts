// GET /sessions/<id>/feedback.csv: the session's ratings and comments, for its hosts and
// leaders/admins. Anonymous feedback reads "Anonymous": the export never names who gave it.
import { z } from "zod";
import { routeError, routeHandler } from "@/lib/core/auth/route-handler";
import { feedbackExport } from "@/lib/sessions/after/queries";
import { feedbackCsv } from "@/lib/sessions/after/feedback";
import { formId } from "@/lib/core/forms/text";
import { contentDisposition } from "@/lib/core/forms/download";

const NOT_FOUND = "That session was not found.";

export const GET = routeHandler(
  {
    permission: "read:session:any",
    client: "navigation",
    params: z.object({ id: formId() }),
    messages: { notFound: NOT_FOUND },
  },
  async ({ user, params: { id } }) => {
    const exported = await feedbackExport(user, id);
    if (!exported) return routeError("navigation", NOT_FOUND, 404);
    if (exported === "forbidden") {
      return routeError(
        "navigation",
        "Only the session's hosts and leaders can download its feedback.",
        403,
      );
    }
    return new Response(feedbackCsv(exported.rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", `session-feedback-${id}.csv`),
        "Cache-Control": "private, no-store",
      },
    });
  },
);
