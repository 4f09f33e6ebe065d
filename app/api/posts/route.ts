// Autocomplete for choosing knowledge posts: GET /api/posts?q=flag → { posts: [{ id, title, summary }] }.
import { NextResponse } from "next/server";
import { z } from "zod";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { suggestPosts } from "@/lib/posts/suggest";
import { urlText } from "@/lib/core/forms/text";

export const GET = routeHandler(
  {
    permission: "read:content:any",
    client: "fetch",
    query: z.object({ q: urlText(100).default("") }),
    messages: {
      signedOut: "Sign in to find posts.",
      badQuery: "Type at most 100 characters, without control characters.",
    },
  },
  async ({ user, query }) => {
    const posts = await suggestPosts(user, query.q);
    return NextResponse.json({ posts }, { headers: { "Cache-Control": "private, no-store" } });
  },
);
