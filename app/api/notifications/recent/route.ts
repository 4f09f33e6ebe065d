// The bell's menu: GET /api/notifications/recent → { unread, items: [{ id, text, href,
// createdAt, unread }], more }. Loaded when the menu opens, so the header costs every page
// only its unread count. The viewer's own notifications only; never cached.
import { NextResponse } from "next/server";
import { z } from "zod";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { recentNotifications, RECENT_LIMIT } from "@/lib/notifications/recent";

export const GET = routeHandler(
  {
    permission: "update:notification:own",
    client: "fetch",
    query: z.object({
      limit: z.coerce.number().int().min(1).max(RECENT_LIMIT).default(RECENT_LIMIT),
    }),
    messages: {
      signedOut: "Sign in to see your notifications.",
      badQuery: `Ask for 1 to ${RECENT_LIMIT} notifications.`,
    },
  },
  async ({ user, query }) => {
    const recent = await recentNotifications(user.id, query.limit);
    return NextResponse.json(recent, { headers: { "Cache-Control": "private, no-store" } });
  },
);
