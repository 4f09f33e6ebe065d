// GET /sessions/<id>/feedback.csv: the session's ratings and comments, for its hosts and
// leaders/admins. Anonymous feedback reads "Anonymous": the export never names who gave it.
import { can, requireUser } from "@/lib/auth/session";
import { feedbackExport } from "@/lib/sessions/after-queries";
import { feedbackCsv } from "@/lib/sessions/feedback";
import { formId } from "@/lib/forms/text";
import { contentDisposition } from "@/lib/forms/download";

const idSchema = formId();

function textResponse(message: string, status: number): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Signed out: to sign-in and back here; a deactivated member's session has ended.
  const user = await requireUser();
  if (!can(user, "read:session:any")) return textResponse("Not allowed.", 403);
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return textResponse("That session was not found.", 404);
  const exported = await feedbackExport(user, id.data);
  if (!exported) return textResponse("That session was not found.", 404);
  if (exported === "forbidden") {
    return textResponse("Only the session's hosts and leaders can download its feedback.", 403);
  }
  return new Response(feedbackCsv(exported.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `session-feedback-${id.data}.csv`),
      "Cache-Control": "private, no-store",
    },
  });
}
