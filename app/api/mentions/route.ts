// Autocomplete for @mentions: GET /api/mentions?q=mi → { members: [{ id, name, title }] }.
import { NextResponse } from "next/server";
import { z } from "zod";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { suggestMentions } from "@/lib/mentions/suggest";
import { urlText } from "@/lib/core/forms/text";

export const GET = routeHandler(
  {
    permission: "read:member:any",
    client: "fetch",
    query: z.object({ q: urlText(100).default("") }),
    messages: {
      signedOut: "Sign in to mention members.",
      badQuery: "Type at most 100 characters, without control characters.",
    },
  },
  async ({ query }) => {
    const members = await suggestMentions(query.q);
    return NextResponse.json({ members }, { headers: { "Cache-Control": "private, no-store" } });
  },
);
