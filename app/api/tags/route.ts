// Autocomplete for the shared tag vocabulary: GET /api/tags?q=test → { tags: [{ name, slug }] }.
import { NextResponse } from "next/server";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { tagSuggestionQuerySchema } from "@/lib/tags/schemas";
import { suggestTags } from "@/lib/tags/queries";

export const GET = routeHandler(
  {
    permission: "read:content:any",
    client: "fetch",
    query: tagSuggestionQuerySchema,
    messages: {
      signedOut: "Sign in to search tags.",
      badQuery: "Type at most 100 characters, without control characters.",
    },
  },
  async ({ query }) => {
    const tags = await suggestTags(query.q);
    return NextResponse.json({ tags }, { headers: { "Cache-Control": "private, no-store" } });
  },
);
