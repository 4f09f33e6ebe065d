// GET /insights/surveys/<id>/results.csv: a pulse survey's results for leaders and admins —
// the organisation's and each team's figures where the group meets the threshold, and never
// any member.
import { can, requireUser } from "@/lib/auth/session";
import { NotFound } from "@/lib/forms/errors";
import { toDateInput, utcToday } from "@/lib/posts/dates";
import { resultsCsv } from "@/lib/surveys/queries";
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
  if (!can(user, "read:survey-results:any")) {
    return textResponse("Only leaders and admins can download survey results.", 403);
  }
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return textResponse("That survey was not found.", 404);
  let csv: string;
  try {
    csv = await resultsCsv(user, id.data);
  } catch (error) {
    if (error instanceof NotFound) return textResponse("That survey was not found.", 404);
    throw error;
  }
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(
        "attachment",
        `survey-results-${id.data}-${toDateInput(utcToday())}.csv`,
      ),
      "Cache-Control": "private, no-store",
    },
  });
}
