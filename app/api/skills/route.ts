// Autocomplete for the shared skill vocabulary: GET /api/skills?q=pos → { skills: [{ name, slug }] }.
import { NextResponse } from "next/server";
import { z } from "zod";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { suggestSkills } from "@/lib/skills/queries";
import { urlText } from "@/lib/core/forms/text";

export const GET = routeHandler(
  {
    permission: "read:member:any",
    client: "fetch",
    query: z.object({ q: urlText(100).default("") }),
    messages: {
      signedOut: "Sign in to search skills.",
      badQuery: "Type at most 100 characters, without control characters.",
    },
  },
  async ({ query }) => {
    const skills = await suggestSkills(query.q);
    return NextResponse.json({ skills }, { headers: { "Cache-Control": "private, no-store" } });
  },
);
