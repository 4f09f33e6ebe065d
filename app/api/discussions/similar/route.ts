// Similar questions for the new-discussion form: GET /api/discussions/similar?q=<title typed>
// → { questions: [{ id, title, kind, answered, replyCount }] } (at most five, none hidden or
// deleted). Signed-in members only; never cached.
import { NextResponse } from "next/server";
import { z } from "zod";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { urlText } from "@/lib/core/forms/text";
import { similarQuestions } from "@/lib/search/similar-questions";

const TYPED_MAX = 200;

export const GET = routeHandler(
  {
    permission: "read:content:any",
    client: "fetch",
    query: z.object({ q: urlText(TYPED_MAX).default("") }),
    messages: {
      signedOut: "Sign in to look for similar questions.",
      badQuery: `Type at most ${TYPED_MAX} characters, without control characters.`,
    },
  },
  async ({ user, query }) => {
    const questions = await similarQuestions(user, query.q);
    return NextResponse.json({ questions }, { headers: { "Cache-Control": "private, no-store" } });
  },
);
