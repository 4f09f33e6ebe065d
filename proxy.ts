// Runs before every page request: sets a per-request CSP nonce (Next.js applies it to its
// own scripts) and passes the path on for sign-in redirects. Authorisation is NOT done
// here: every page, action and route handler checks permission itself (lib/core/auth/session).
import { NextResponse, type NextRequest } from "next/server";
import { hasControlCharacters } from "@/lib/core/forms/text";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/core/forms/limits.cjs";

function contentSecurityPolicy(nonce: string, request: NextRequest): string {
  const isDev = process.env.NODE_ENV === "development";
  const https = request.nextUrl.protocol === "https:";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    // The app's own images only (uploads are served from /files/<id>); blob: for a picture
    // previewed in the editor before it is uploaded. No data: URLs, no other hosts.
    "img-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * A path no page can be named by: one that does not decode ("%E0%A4%A"), or that decodes to
 * a control character ("/tags/%00": PostgreSQL text cannot hold NUL, so a loader passing the
 * segment to a query would fail with a 500).
 */
function isUnreadablePath(pathname: string): boolean {
  try {
    return hasControlCharacters(decodeURIComponent(pathname));
  } catch {
    return true;
  }
}

const isUploadedFile = (pathname: string) => pathname.startsWith("/files/");

const plainText = (message: string, status: number) =>
  new NextResponse(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * A POST to a page is a server action: with a Next-Action header from the app's own forms
 * and buttons, or a form posted without JavaScript (multipart). Next.js answers a body over
 * its limit, or one it cannot decode, with a 500 and a stack in the log; those are refused
 * here instead. The app's actions only ever send FormData (multipart/form-data) or arguments
 * React encoded as text (text/plain): anything else, such as JSON, is a 415. A body larger
 * than the limit is a 413, judged by its Content-Length, which browsers always send (411
 * without one, rather than reading an unbounded body).
 */
function refusedActionRequest(request: NextRequest): NextResponse | null {
  if (request.method !== "POST") return null;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const multipart = type.startsWith("multipart/form-data");
  if (!request.headers.has("next-action") && !multipart) return null;
  if (!multipart && !type.startsWith("text/plain")) {
    return plainText("Send the form as multipart/form-data.", 415);
  }
  const length = request.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) {
    return plainText("Send the form with its Content-Length.", 411);
  }
  if (Number(length) > ACTION_BODY_LIMIT_BYTES) {
    return plainText(
      `The form is too large: send at most ${ACTION_BODY_LIMIT_BYTES / 1024} kB.`,
      413,
    );
  }
  return null;
}

export function proxy(request: NextRequest) {
  const refused = refusedActionRequest(request);
  if (refused) return refused;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, request);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  // A page cannot see the HTTP method; a HEAD request must not count as reading a thread.
  requestHeaders.set("x-request-method", request.method);
  requestHeaders.set("Content-Security-Policy", csp);
  // Next.js answers a path it cannot decode (e.g. "%E0%A4%A") with a 500; it is a 404, as is
  // a path holding a control character ("/tags/%00"), which no page is named by.
  const response = isUnreadablePath(request.nextUrl.pathname)
    ? NextResponse.rewrite(new URL("/not-found", request.url), {
        status: 404,
        request: { headers: requestHeaders },
      })
    : NextResponse.next({ request: { headers: requestHeaders } });
  // An uploaded file carries its own, stricter policy (app/files/[id]/route.ts).
  if (!isUploadedFile(request.nextUrl.pathname)) {
    response.headers.set("Content-Security-Policy", csp);
  }
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
