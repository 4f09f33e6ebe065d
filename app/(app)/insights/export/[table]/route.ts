// GET /insights/export/<table>.csv?from=YYYY-MM-DD&to=YYYY-MM-DD: one of the dashboard's tables
// as CSV, for leaders and admins (lib/insights/csv.ts says what each holds). The period is
// read as the dashboard reads it; a period that cannot be used gives the last 90 days.
import { can, requireUser } from "@/lib/auth/session";
import { insightsCsv, insightsCsvFilename, isInsightTable } from "@/lib/insights/csv";
import { parsePeriod } from "@/lib/insights/period";
import { contentDisposition } from "@/lib/forms/download";

function textResponse(message: string, status: number): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  // Signed out: to sign-in and back here; a deactivated member's session has ended.
  const user = await requireUser();
  if (!can(user, "read:insights:any")) {
    return textResponse("Only leaders and admins can download insights.", 403);
  }
  const name = (await params).table.replace(/\.csv$/, "");
  if (!isInsightTable(name)) return textResponse("There is no such table.", 404);
  const period = parsePeriod(Object.fromEntries(new URL(request.url).searchParams));
  return new Response(await insightsCsv(user, name, period), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", insightsCsvFilename(name, period)),
      "Cache-Control": "private, no-store",
    },
  });
}
