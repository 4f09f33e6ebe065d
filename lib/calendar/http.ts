import "server-only";
import { contentDisposition } from "@/lib/core/forms/download";

/** An iCalendar file: a download ("attachment") or a feed that calendar apps read ("inline"). */
export function calendarResponse(
  body: string,
  options: { fileName: string; disposition: "attachment" | "inline"; cacheControl: string },
): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": contentDisposition(
        options.disposition,
        options.fileName,
        "calendar.ics",
      ),
      "Cache-Control": options.cacheControl,
    },
  });
}

export function notFoundResponse(message: string): Response {
  return new Response(message, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
