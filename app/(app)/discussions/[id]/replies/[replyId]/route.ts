import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { findReplyLocation } from "@/lib/discussions/thread-queries";
import { idSchema } from "@/lib/discussions/schemas";

/** A reply's permanent link: redirects to the page of the thread that shows it. */
export const GET = routeHandler(
  {
    permission: "read:content:any",
    client: "navigation",
    params: z.object({ id: idSchema, replyId: idSchema }),
  },
  async ({ user, params }) => {
    const location = await findReplyLocation(user, params.id, params.replyId);
    if (!location) notFound();
    redirect(location);
  },
);
