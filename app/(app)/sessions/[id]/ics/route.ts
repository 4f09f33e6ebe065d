// GET /sessions/<id>/ics: one session as an .ics file, in the signed-in member's time zone.
import { z } from "zod";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { requestOrigin } from "@/lib/core/auth/client-ip";
import { calendarResponse, notFoundResponse } from "@/lib/calendar/http";
import { fileSlug, sessionsCalendar } from "@/lib/calendar/ics";
import { calendarSession } from "@/lib/calendar/queries";
import { idSchema } from "@/lib/core/ids";

const NOT_FOUND = "That session was not found.";

export const GET = routeHandler(
  {
    permission: "read:session:any",
    client: "navigation",
    params: z.object({ id: idSchema }),
    messages: { notFound: NOT_FOUND },
  },
  async ({ request, user, params: { id } }) => {
    const session = await calendarSession(id, user.id, user);
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
  },
);
