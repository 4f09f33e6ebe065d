// GET /sessions/<id>/ics: one session as an .ics file, in the signed-in member's time zone.
import type { NextRequest } from "next/server";
import { can, requireUser } from "@/lib/auth/session";
import { requestOrigin } from "@/lib/auth/client-ip";
import { calendarResponse, notFoundResponse } from "@/lib/calendar/http";
import { fileSlug, sessionsCalendar } from "@/lib/calendar/ics";
import { calendarSession } from "@/lib/calendar/queries";
import { idSchema } from "@/lib/sessions/schemas";

const NOT_FOUND = "That session was not found.";

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  // Signed out: to sign-in and back here; a deactivated member's session has ended.
  const user = await requireUser();
  if (!can(user, "read:session:any")) return new Response("Not allowed.", { status: 403 });
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return notFoundResponse(NOT_FOUND);
  const session = await calendarSession(id.data, user.id);
  if (!session) return notFoundResponse(NOT_FOUND);
  const body = sessionsCalendar([session], {
    name: session.title,
    timeZone: user.timeZone,
    origin: requestOrigin(request.headers),
  });
  return calendarResponse(body, {
    fileName: `${fileSlug(session.title)}.ics`,
    disposition: "attachment",
    cacheControl: "private, no-store",
  });
}
