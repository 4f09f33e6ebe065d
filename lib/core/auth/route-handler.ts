// The one sign-in and permission check for route handlers (app/**/route.ts). A handler names
// its permission, the kind of client that calls it, and the zod schemas of its route params and
// query; it is then called with the signed-in member and the parsed input, or never.
//
// One refusal shape per kind of client:
//   "navigation" (a browser following a link: a CSV/.ics download, a permalink)
//     signed out → redirect to /signin?callbackUrl=… (an ended session → /auth/ended)
//     forbidden  → 403, text/plain
//   "fetch" (the app's own fetch() callers: the autocomplete APIs)
//     signed out → 401 JSON { error }
//     forbidden  → 403 JSON { error }
// Params that don't parse are a 404 and a query that doesn't parse a 400, in the same shape; a
// navigation whose handler names no notFound text gets the app's 404 page instead.
//
// Not for the calendar feed (app/calendar/[feed]): calendar apps send no cookies, so its
// secret token is the authorisation, nor for Auth.js's own routes.
import "server-only";
import { notFound } from "next/navigation";
import { NextResponse } from "next/server";
import { z } from "zod";
import { hasPermission, type Permission } from "./permissions";
import { currentUser, requireUser, type CurrentUser } from "./session";

export type RouteClient = "navigation" | "fetch";

export interface RouteOptions<P extends z.ZodType, Q extends z.ZodType> {
  permission: Permission;
  client: RouteClient;
  /** The route's dynamic segments (a failure is a 404). */
  params?: P;
  /** The query string, first value of each name (a failure is a 400). */
  query?: Q;
  /** What a refusal says; each has a default. */
  messages?: { signedOut?: string; forbidden?: string; notFound?: string; badQuery?: string };
}

export interface RouteInput<P extends z.ZodType, Q extends z.ZodType> {
  request: Request;
  user: CurrentUser;
  params: z.output<P>;
  query: z.output<Q>;
}

export type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

const NO_INPUT = z.object({});

/** A refusal or an error answer in the shape the kind of client reads. */
export function routeError(client: RouteClient, message: string, status: number): Response {
  const headers = { "Cache-Control": "no-store" };
  if (client === "fetch") return NextResponse.json({ error: message }, { status, headers });
  return new Response(message, {
    status,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** The first value of each query name, as URLSearchParams.get() reads it. */
function queryOf(request: Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URL(request.url).searchParams) {
    if (!Object.hasOwn(query, name)) query[name] = value;
  }
  return query;
}

export function routeHandler<
  P extends z.ZodType = typeof NO_INPUT,
  Q extends z.ZodType = typeof NO_INPUT,
>(
  options: RouteOptions<P, Q>,
  handler: (input: RouteInput<P, Q>) => Promise<Response>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  const { client, permission, messages = {} } = options;
  return async (request, context) => {
    let user: CurrentUser | null;
    if (client === "navigation") {
      // Signed out: to sign-in and back here; a deactivated member's session has ended.
      user = await requireUser();
    } else {
      user = await currentUser();
      if (!user) return routeError(client, messages.signedOut ?? "Sign in first.", 401);
    }
    if (!hasPermission(user.role, permission)) {
      return routeError(client, messages.forbidden ?? "Not allowed.", 403);
    }
    const params = (options.params ?? NO_INPUT).safeParse((await context?.params) ?? {});
    if (!params.success) {
      if (client === "navigation" && !messages.notFound) notFound();
      return routeError(client, messages.notFound ?? "Not found.", 404);
    }
    const query = (options.query ?? NO_INPUT).safeParse(queryOf(request));
    if (!query.success) {
      return routeError(client, messages.badQuery ?? "That address can't be read.", 400);
    }
    return handler({
      request,
      user,
      params: params.data as z.output<P>,
      query: query.data as z.output<Q>,
    });
  };
}
