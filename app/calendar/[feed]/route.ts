// GET /calendar/<token>.ics: a member's personal calendar feed. Calendar apps send no cookies,
// so the secret token in the address is the authorisation (see lib/calendar/feed-token.ts).
import type { NextRequest } from "next/server";
import { feedOwner } from "@/lib/calendar/feed-token";
import { requestOrigin } from "@/lib/core/auth/client-ip";
import { calendarResponse, notFoundResponse } from "@/lib/calendar/http";
import { sessionsCalendar } from "@/lib/calendar/ics";
import { feedSessions } from "@/lib/calendar/queries";
import { feedFileSchema } from "@/lib/calendar/schemas";

const NOT_FOUND = "This calendar link doesn't work. Make a new one on your account page.";
const REFRESH_SECONDS = 60 * 60;

export async function GET(request: NextRequest, { params }: { params: Promise<{ feed: string }> }) {
  const token = feedFileSchema.safeParse((await params).feed);
  if (!token.success) return notFoundResponse(NOT_FOUND);
  const owner = await feedOwner(token.data);
  if (!owner) return notFoundResponse(NOT_FOUND);
  const body = sessionsCalendar(await feedSessions(owner), {
    name: "Learning Commons sessions",
    timeZone: owner.timeZone,
    origin: requestOrigin(request.headers),
    refreshSeconds: REFRESH_SECONDS,
  });
  return calendarResponse(body, {
    fileName: "learning-commons.ics",
    disposition: "inline",
    cacheControl: "private, max-age=300",
  });
}
