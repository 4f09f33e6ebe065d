// GET /admin/mailbox/<id>/message.eml: one captured message exactly as it would have been
// sent, as a file. Admins only, and only while the mailbox exists (else 404, as its pages).
import { routeError, routeHandler, type RouteContext } from "@/lib/core/auth/route-handler";
import { contentDisposition } from "@/lib/core/forms/download";
import { mailboxAvailable } from "@/lib/admin/mailbox/available";
import { capturedMailRaw } from "@/lib/admin/mailbox/queries";
import { capturedMailParamsSchema } from "@/lib/admin/mailbox/schemas";

const NOT_FOUND = "That message was not found.";

const download = routeHandler(
  {
    permission: "read:admin:any",
    client: "navigation",
    params: capturedMailParamsSchema,
    messages: { notFound: NOT_FOUND, forbidden: "Only admins can read captured mail." },
  },
  async ({ user, params: { id } }) => {
    const found = await capturedMailRaw(user, id);
    if (!found) return routeError("navigation", NOT_FOUND, 404);
    return new Response(Buffer.from(found.raw), {
      headers: {
        "Content-Type": "message/rfc822",
        "Content-Disposition": contentDisposition("attachment", `message-${id}.eml`),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);

export async function GET(request: Request, context: RouteContext): Promise<Response> {
  if (!mailboxAvailable()) return routeError("navigation", NOT_FOUND, 404);
  return download(request, context);
}
