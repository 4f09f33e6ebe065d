// GET /admin/mentorship/pairings.csv?status=&health=&q=&sort=: every pairing matching the
// programme view's filters, for admins. The filename carries today's date.
import { can, requireUser } from "@/lib/auth/session";
import { pairingsCsv, parsePairingFilters } from "@/lib/mentorship/programme";
import { toDateInput, utcToday } from "@/lib/posts/dates";
import { contentDisposition } from "@/lib/forms/download";

function textResponse(message: string, status: number): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function GET(request: Request) {
  // Signed out: to sign-in and back here; a deactivated member's session has ended.
  const user = await requireUser();
  if (!can(user, "read:mentorship-programme:any")) {
    return textResponse("Only admins can download the mentoring programme.", 403);
  }
  const { searchParams } = new URL(request.url);
  const filters = parsePairingFilters(Object.fromEntries(searchParams));
  return new Response(await pairingsCsv(user, filters), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(
        "attachment",
        `mentoring-pairings-${toDateInput(utcToday())}.csv`,
      ),
      "Cache-Control": "private, no-store",
    },
  });
}
