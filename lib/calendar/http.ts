import "server-only";
import { env } from "@/lib/env";
import { contentDisposition } from "@/lib/forms/download";

/** Where links in calendar files point: APP_URL when set, else the address asked for. */
export function originOf(headers: Headers): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  const host =
    headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost";
  const protocol = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${protocol}://${host}`;
}

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
