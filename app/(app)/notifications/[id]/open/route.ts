// Opening a notification: marks it read, then goes where it points. Someone else's, an
// unknown or a malformed id is a 404.
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { openNotification } from "@/lib/notifications/mark-read";
import { notificationIdSchema } from "@/lib/notifications/schemas";

export const GET = routeHandler(
  {
    permission: "update:notification:own",
    client: "navigation",
    params: z.object({ id: notificationIdSchema }),
  },
  async ({ user, params }) => {
    const href = await openNotification(user, params.id);
    if (!href) notFound();
    redirect(href);
  },
);
