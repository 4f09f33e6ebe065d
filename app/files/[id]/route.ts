// GET /files/<id>[?w=<stored width>]: an upload's bytes, to a member who may read what it is
// attached to (lib/uploads/access.ts); anyone else gets 404, so ids reveal nothing (a picture
// gets a 404 that draws "File removed or not available" rather than a broken image).
import { z } from "zod";
import { routeError, routeHandler } from "@/lib/core/auth/route-handler";
import { mayReadUpload } from "@/lib/uploads/access";
import { readUpload, unavailablePicture, wantsPicture } from "@/lib/uploads/serve";

const NOT_FOUND = "That file was not found.";

export const GET = routeHandler(
  {
    permission: "read:content:any",
    client: "navigation",
    params: z.object({ id: z.string().regex(/^[a-z0-9]{20,40}$/) }),
    query: z.object({ w: z.coerce.number().int().min(1).max(10_000).optional() }),
    messages: {
      notFound: NOT_FOUND,
      badQuery: NOT_FOUND,
      forbidden: "Your account can't open files.",
    },
  },
  async ({ request, user, params, query }) => {
    const file = await readUpload(params.id, query.w, (upload) => mayReadUpload(user, upload));
    if (file) return file;
    return wantsPicture(request) ? unavailablePicture() : routeError("navigation", NOT_FOUND, 404);
  },
);
